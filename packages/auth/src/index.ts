export * from "./policy.ts";
export * from "./sessions.ts";
export * from "./throttle.ts";
export * from "./password.ts";
export * from "./supabase.ts";
export * from "./sign-in.ts";
export * from "./api-tokens.ts";
