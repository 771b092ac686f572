export * from "./my-cases.ts";
