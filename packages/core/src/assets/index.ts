export * from "./schema.ts";
export * from "./commands.ts";
