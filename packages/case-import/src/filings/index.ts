export * from "./columns.ts";
export * from "./plan.ts";
export * from "./limits.ts";
