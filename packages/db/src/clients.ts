import postgres from "postgres";

export type Sql = postgres.Sql<{ bigint: bigint }>;
export type TxSql = postgres.TransactionSql<{ bigint: bigint }>;

const common = {
  // Money is bigint đồng: int8 comes back as a JS bigint, never a float.
  types: { bigint: postgres.BigInt },
  // Transaction poolers (Supabase's pooler, PgBouncer) cannot keep prepared statements.
  prepare: false,
  onnotice: () => {},
  connection: { application_name: "thads" },
} as const;

/**
 * The privileged path: the owner login, for migrations, seeding, audit
 * verification and scheduled jobs. Never used to serve a user's request.
 */
export function createOwnerSql(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, { ...common, max: opts.max ?? 4 }) as unknown as Sql;
}

/**
 * The app's login (authenticator): not the owner, not a superuser, not
 * BYPASSRLS. Every query runs inside withClaims/asAnon/asAuthService, which
 * switch to a Supabase role for one transaction.
 */
export function createAppSql(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, { ...common, max: opts.max ?? 10, idle_timeout: 30 }) as unknown as Sql;
}
