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
  it("is ignored where the owner has set no rehearsal day: a client naming another day gets the real day", async () => {
    const [clock] = await owner<{ day: string | null }[]>`select simulated_day::text as day from app_private.clock`;
    expect(clock!.day).toBeNull();
    for (const day of ["2028-08-03", "infinity", "không phải ngày"]) expect(await todayWith(day), day).toBe(todayInVietnam(new Date()));
  });

  it("is the owner's rehearsal day for a transaction that names exactly it; any other day, or none, gets the real day", async () => {
    const seen = await inRolledBackTransaction(owner, async (tx) => {
      await tx`update app_private.clock set simulated_day = '2028-08-03'`;
      await tx`select set_config('role', 'authenticated', true)`;
      const today = async (day: string) => {
        await tx`select set_config('thads.today', ${day}, true)`;
        return (await tx<{ today: string }[]>`select app_private.today_vn()::text as today`)[0]!.today;
      };
      return {
        simulated: await today("2028-08-03"),
        far: await today("2099-01-01"),
        infinity: await today("infinity"),
        none: await today(""),
      };
    });
    const real = todayInVietnam(new Date());
    expect(seen).toEqual({ simulated: "2028-08-03", far: real, infinity: real, none: real });
  });

  it("cannot be allowed, or taken away, by any API role", async () => {
    for (const role of ["anon", "authenticated", "case_writer", "auth_service", "service_role"]) {
      const attempt = owner.begin(async (tx) => {
        await tx`select set_config('role', ${role}, true)`;
        return tx`update app_private.clock set simulated_day = '2099-01-01' returning id`;
      });
      await expect(attempt, role).rejects.toMatchObject({ code: "42501" });
      const insert = owner.begin(async (tx) => {
        await tx`select set_config('role', ${role}, true)`;
        return tx`insert into app_private.clock (id, simulated_day) values (true, '2099-01-01')`;
      });
      await expect(insert, role).rejects.toMatchObject({ code: "42501" });
    }
    const [clock] = await owner<{ day: string | null }[]>`select simulated_day::text as day from app_private.clock`;
    expect(clock!.day).toBeNull();
  });
});
