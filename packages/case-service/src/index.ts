export * from "./errors.ts";
export * from "./ledger.ts";
export * from "./service.ts";
export * from "./intake.ts";
