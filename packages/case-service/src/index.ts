export * from "./errors.ts";
export * from "./ledger.ts";
export * from "./fields.ts";
export * from "./intake-schema.ts";
export * from "./service.ts";
export * from "./intake.ts";
export * from "./assets-schema.ts";
export * from "./assets.ts";
