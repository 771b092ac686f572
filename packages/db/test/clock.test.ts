import { describe, expect, it } from "vitest";
import { inRolledBackTransaction, useTenantFixture } from "@thads/test-support/fixtures";
import { todayInVietnam } from "@thads/domain";
import { withClaims } from "../src/rls.ts";

const ctx = useTenantFixture();
const { owner, app } = ctx;

/** The database's today, as a signed-in user whose transaction names a simulated day. */
const todayWith = (day: string) =>
  withClaims(app, { sub: ctx.fx.users.executor!, role: "authenticated" }, async (tx) => {
    await tx`select set_config('thads.today', ${day}, true)`;
    const [r] = await tx<{ today: string }[]>`select app_private.today_vn()::text as today`;
    return r!.today;
  });

describe("the simulated day (app_private.clock)", () => {
  it("is ignored where the owner has not allowed it: a client naming another day gets the real day", async () => {
    const [flag] = await owner<{ allowed: boolean }[]>`select simulation_allowed as allowed from app_private.clock`;
    expect(flag!.allowed).toBe(false);
    expect(await todayWith("2028-08-03")).toBe(todayInVietnam(new Date()));
  });

  it("is the transaction's day where the owner allows it, and the real day for a transaction that names none", async () => {
    const seen = await inRolledBackTransaction(owner, async (tx) => {
      await tx`update app_private.clock set simulation_allowed = true`;
      await tx`select set_config('role', 'authenticated', true), set_config('thads.today', '2028-08-03', true)`;
      const [simulated] = await tx<{ today: string }[]>`select app_private.today_vn()::text as today`;
      await tx`select set_config('thads.today', '', true)`;
      const [real] = await tx<{ today: string }[]>`select app_private.today_vn()::text as today`;
      return { simulated: simulated!.today, real: real!.today };
    });
    expect(seen).toEqual({ simulated: "2028-08-03", real: todayInVietnam(new Date()) });
  });

  it("cannot be allowed, or taken away, by any API role", async () => {
    for (const role of ["anon", "authenticated", "service_role"]) {
      const attempt = owner.begin(async (tx) => {
        await tx`select set_config('role', ${role}, true)`;
        return tx`update app_private.clock set simulation_allowed = true returning id`;
      });
      await expect(attempt, role).rejects.toMatchObject({ code: "42501" });
      const insert = owner.begin(async (tx) => {
        await tx`select set_config('role', ${role}, true)`;
        return tx`insert into app_private.clock (id, simulation_allowed) values (true, true)`;
      });
      await expect(insert, role).rejects.toMatchObject({ code: "42501" });
    }
    const [flag] = await owner<{ allowed: boolean }[]>`select simulation_allowed as allowed from app_private.clock`;
    expect(flag!.allowed).toBe(false);
  });
});
