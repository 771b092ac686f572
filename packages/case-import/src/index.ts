export * from "./types.ts";
export * from "./columns.ts";
export * from "./parse.ts";
export * from "./validate.ts";
export * from "./import.ts";
export * from "./templates.ts";
