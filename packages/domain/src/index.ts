export * from "./text.ts";
export * from "./units.ts";
export * from "./roles.ts";
export * from "./money.ts";
export * from "./cases/index.ts";
export * from "./stats/index.ts";
