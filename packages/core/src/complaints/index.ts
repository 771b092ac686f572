export * from "./schema.ts";
export * from "./letters.ts";
export * from "./stats.ts";
export * from "./case-letters.ts";
export * from "./sessions.ts";
export * from "./documents.ts";
