export * from "./schema.ts";
export * from "./commands.ts";
export * from "./committees-schema.ts";
export * from "./committees.ts";
