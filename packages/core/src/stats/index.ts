/** Statistics (server side): every query reads or writes in the caller's RLS transaction. */
export * from "./schema.ts";
export * from "./units.ts";
export * from "./figures.ts";
export * from "./children.ts";
export * from "./predecessors.ts";
export * from "./trend.ts";
export * from "./dashboard.ts";
export * from "./report.ts";
export * from "./targets.ts";
export * from "./readers.ts";
export * from "./verify.ts";
export * from "./continuity.ts";
