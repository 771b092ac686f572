export * from "./figures.ts";
export * from "./deltas.ts";
export * from "./year.ts";
export * from "./continuity.ts";
