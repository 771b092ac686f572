export * from "./ledger.ts";
export * from "./intake-schema.ts";
export * from "./service.ts";
export * from "./intake.ts";
