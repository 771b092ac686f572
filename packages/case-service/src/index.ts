export * from "./errors.ts";
export * from "./ledger.ts";
export * from "./fields.ts";
export * from "./intake-schema.ts";
export * from "./service.ts";
export * from "./intake.ts";
export * from "./steering-schema.ts";
export * from "./steering.ts";
