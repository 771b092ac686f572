export * from "./schema.ts";
export * from "./commands.ts";
export * from "./list-assets.ts";
export * from "./asset-page.ts";
export * from "./auction-calendar.ts";
export * from "./public-notices.ts";
