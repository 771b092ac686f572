/**
 * A transaction's handle refuses every statement once the transaction's work has settled: a
 * branch of reads sent together that is still running when another branch fails cannot send a
 * statement outside the transaction, onto a connection another request may be using.
 */
import { describe, expect, it } from "vitest";
import type { TxSql } from "../src/clients.ts";
import { asAnon, TransactionEndedError, withClaims } from "../src/rls.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";

const ctx = useTenantFixture();
const claims = () => ({ sub: ctx.fx.users.clerk!, role: "authenticated" as const });
const later = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a transaction's handle after the transaction", () => {
  it("refuses a statement a still-running branch sends after another branch failed", async () => {
    let late: Promise<unknown> | undefined;
    const failed = withClaims(ctx.app, claims(), async (tx) => {
      late = (async () => {
        await later(50); // a wait that is not the database's
        return tx`select current_user`;
      })();
      late.catch(() => {});
      return Promise.all([tx`select 1 / 0`, late]);
    });
    await expect(failed).rejects.toThrow(/division by zero/);
    await expect(late).rejects.toBeInstanceOf(TransactionEndedError);
  });

  it("refuses statements, raw text and savepoints through a handle kept after a transaction that succeeded", async () => {
    let kept: TxSql | undefined;
    const [row] = await asAnon(ctx.app, async (tx) => {
      kept = tx;
      return tx<{ role: string }[]>`select current_user as role`;
    });
    expect(row).toEqual({ role: "anon" });
    expect(() => kept!`select 1`).toThrow(TransactionEndedError);
    expect(() => kept!.unsafe("select 1")).toThrow(TransactionEndedError);
    expect(() => kept!.savepoint(async () => null)).toThrow(TransactionEndedError);
  });

  it("serves reads sent together, savepoints and helpers as before while the transaction runs", async () => {
    const out = await withClaims(ctx.app, claims(), async (tx) => {
      const [a, b] = await Promise.all([tx<{ n: number }[]>`select 1 as n`, tx<{ n: number }[]>`select ${2}::int as n`]);
      const inner = await tx.savepoint(async (sp) => sp<{ who: string }[]>`select current_user as who`);
      const json = await tx<{ v: { k: number } }[]>`select ${tx.json({ k: 3 })}::jsonb as v`;
      return [a[0]!.n, b[0]!.n, inner[0]!.who, json[0]!.v.k];
    });
    expect(out).toEqual([1, 2, "authenticated", 3]);
  });
});
