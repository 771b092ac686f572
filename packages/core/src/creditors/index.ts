export * from "./my-cases.ts";
export * from "./links.ts";
export * from "./link-schema.ts";
export * from "./filing-schema.ts";
export * from "./tokens.ts";
export * from "./token-schema.ts";
export * from "./portfolio.ts";
