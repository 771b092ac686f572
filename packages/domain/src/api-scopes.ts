/**
 * What a creditor organisation's API token may do: read its cases, read its requests, file requests
 * (the database checks the same list: migration 20261212000200).
 */
export const TOKEN_SCOPES = ["cases:read", "requests:read", "requests:write"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
