/**
 * Shared machinery of the tenant isolation matrix: the role tiers of the
 * fixture, and `probe`, which runs one statement as a tier through the app's
 * own login (thads_app → role + claims) in a transaction that is always
 * rolled back. Each feature's tables get their own `isolation-*.test.ts`
 * that states the expected outcome of every tier × operation × tenant.
 */
import { asAnon, asCaseWriter, withClaims, type TxSql } from "@thads/db";
import type { useTenantFixture } from "./fixtures.ts";

export const TIERS = [
  "anon",
  "national_admin",
  "national_viewer",
  "province_head",
  "province_staff",
  "subunit_head",
  "executor",
  "clerk",
  "steering_member",
  "creditor",
] as const;
export type Tier = (typeof TIERS)[number];
export const OPS = ["select", "insert", "update", "delete"] as const;
export type Op = (typeof OPS)[number];
export type Scope = "own" | "other";
export type Outcome = "allowed" | "zero_rows" | "42501";
export type Probe = (tx: TxSql) => PromiseLike<readonly unknown[]>;

class Rollback extends Error {}

/** Runs one probe as the tier, in a transaction that is always rolled back. */
export async function probe(
  ctx: ReturnType<typeof useTenantFixture>,
  tier: Tier,
  fn: Probe,
  opts: { writer?: boolean } = {},
): Promise<Outcome> {
  let outcome: Outcome = "zero_rows";
  const run = async (tx: TxSql) => {
    try {
      const rows = await fn(tx);
      outcome = rows.length > 0 ? "allowed" : "zero_rows";
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === "42501") outcome = "42501";
      else throw e;
    }
    throw new Rollback();
  };
  try {
    if (tier === "anon") await asAnon(ctx.app, run);
    else
      await withClaims(ctx.app, { sub: ctx.fx.users[tier]!, role: "authenticated" }, async (tx) => {
        // The case service's path: same user and claims, as case_writer (see asCaseWriter).
        if (opts.writer) await asCaseWriter(tx);
        return run(tx);
      });
  } catch (e) {
    if (!(e instanceof Rollback)) throw e;
  }
  return outcome;
}

/** Every tier × table × op × scope of a matrix, for `it.each`. */
export function combinations<T extends string>(tables: readonly T[], tiers: readonly Tier[] = TIERS) {
  return tiers.flatMap((tier) =>
    tables.flatMap((table) => OPS.flatMap((op) => (["own", "other"] as const).map((scope) => ({ tier, table, op, scope })))),
  );
}
