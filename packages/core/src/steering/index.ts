export * from "./schema.ts";
export * from "./commands.ts";
export * from "./committees-schema.ts";
export * from "./committees.ts";
export * from "./watch-filters.ts";
// The read side of the steering screens, each query in the caller's RLS transaction.
export * from "./queries/committee-list.ts";
export * from "./queries/watchlist.ts";
export * from "./queries/directives.ts";
export * from "./queries/coercion-ops.ts";
export * from "./queries/flag-page.ts";
export * from "./queries/case-steering.ts";
export * from "./queries/national.ts";
export * from "./queries/tenant-flags.ts";
export * from "./queries/briefing.ts";
export * from "./queries/meetings.ts";
