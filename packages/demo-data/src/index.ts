export * from "./model.ts";
export * from "./cases.ts";
export * from "./seed.ts";
export * from "./prng.ts";
