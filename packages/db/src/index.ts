export * from "./env.ts";
export * from "./clients.ts";
export * from "./rls.ts";
export * from "./migrate.ts";
export * from "./audit.ts";
