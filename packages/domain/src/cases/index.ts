export * from "./calendar.ts";
export * from "./holidays-vn.ts";
export * from "./rules.ts";
export * from "./limitation.ts";
export * from "./lifecycle.ts";
export * from "./deadlines.ts";
export * from "./register.ts";
export * from "./schemas.ts";
