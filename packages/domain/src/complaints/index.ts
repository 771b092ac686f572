export * from "./kinds.ts";
export * from "./clocks.ts";
export * from "./competence.ts";
