export * from "./text.ts";
export * from "./units.ts";
export * from "./roles.ts";
export * from "./money.ts";
export * from "./case-status.ts";
