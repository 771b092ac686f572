/** Workspace figures (server side): the dashboards' reads, each in the caller's RLS transaction. */
export * from "./desk-figures.ts";
export * from "./oversight.ts";
export * from "./figures.ts";
export * from "./units.ts";
export * from "./workload.ts";
export * from "./province.ts";
export * from "./office.ts";
export * from "./worklist.ts";
