export * from "./suggestions.ts";
export * from "./directives.ts";
export * from "./reports.ts";
export * from "./risk.ts";
export * from "./flags.ts";
export * from "./coercion.ts";
