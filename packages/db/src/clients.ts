import postgres from "postgres";

export type Sql = postgres.Sql<{ bigint: bigint }>;
export type TxSql = postgres.TransactionSql<{ bigint: bigint }>;

const common = {
  // Money is bigint đồng: int8 comes back as a JS bigint, never a float.
  types: { bigint: postgres.BigInt },
  onnotice: () => {},
  connection: { application_name: "thads" },
} as const;

/**
 * Named prepared statements: each query is planned once per connection
 * rather than on every call (a third of a short list query's time). A
 * transaction pooler (Supabase's on port 6543, PgBouncer in transaction mode)
 * cannot keep them: they are off on port 6543 and when DATABASE_PREPARE=false.
 */
export function usePreparedStatements(url: string, env: NodeJS.ProcessEnv = process.env): boolean {
  if (env.DATABASE_PREPARE === "false") return false;
  if (env.DATABASE_PREPARE === "true") return true;
  return new URL(url).port !== "6543";
}

/**
 * The privileged path: the owner login, for migrations, seeding, audit
 * verification and scheduled jobs. Never used to serve a user's request.
 */
export function createOwnerSql(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, { ...common, prepare: usePreparedStatements(url), max: opts.max ?? 4 }) as unknown as Sql;
}

/**
 * The app's login (thads_app): not the owner, not a superuser, not
 * BYPASSRLS. Every query runs inside withClaims/asAnon/asAuthService, which
 * switch to a Supabase role for one transaction.
 */
export function createAppSql(url: string, opts: { max?: number } = {}): Sql {
  return postgres(url, { ...common, prepare: usePreparedStatements(url), max: opts.max ?? 10, idle_timeout: 30 }) as unknown as Sql;
}
