export * from "./ledger.ts";
export * from "./intake-schema.ts";
export * from "./service.ts";
export * from "./intake.ts";
export * from "./filters.ts";
export * from "./figure-filter.ts";
export * from "./list-cases.ts";
