/** What a creditor organisation's API token may read (the database checks the same list). */
export const TOKEN_SCOPES = ["cases:read", "requests:read"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
