export * from "./shared/errors.ts";
export * from "./shared/fields.ts";
export * from "./cases/index.ts";
export * from "./assets/index.ts";
export * from "./steering/index.ts";
