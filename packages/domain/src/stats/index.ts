export * from "./figures.ts";
export * from "./deltas.ts";
export * from "./year.ts";
export * from "./breakdowns.ts";
export * from "./definitions.ts";
export * from "./continuity.ts";
