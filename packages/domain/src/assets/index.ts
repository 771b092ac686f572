export * from "./status.ts";
export * from "./rules.ts";
export * from "./auction.ts";
export * from "./distribution.ts";
