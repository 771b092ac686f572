export * from "./procedures.ts";
export * from "./status.ts";
export * from "./tracking.ts";
