import { expect, test } from "@playwright/test";
import { createOwnerSql, embeddedUrl } from "@thads/db";
import { signIn } from "./helpers.ts";

// The server under test runs on the embedded database shaped as a Supabase project's
// (ADR 015): every e2e test signs in there, with `postgres` not a superuser.
const PG_PORT = Number(process.env.E2E_PG_PORT ?? 54332);

test("the app runs on a Supabase-shaped database, connected as its own login thads_app", async ({ page }) => {
  const owner = createOwnerSql(embeddedUrl(PG_PORT), { max: 1 });
  try {
    const [shape] = await owner<{ me: string; superuser: boolean; platform: boolean; auth_owner: string }[]>`
      select current_user as me,
             (select rolsuper from pg_roles where rolname = current_user) as superuser,
             exists (select 1 from pg_roles where rolname = 'supabase_admin' and rolsuper) as platform,
             (select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'auth') as auth_owner`;
    expect(shape).toEqual({ me: "postgres", superuser: false, platform: true, auth_owner: "supabase_auth_admin" });

    await signIn(page, "hai-phong.kv01.executor@demo.thads.vn");
    await expect(page).toHaveURL(/\/worklist$/);
    const logins = await owner<{ usename: string }[]>`
      select distinct usename::text from pg_stat_activity
      where application_name = 'thads' and pid <> pg_backend_pid() and usename is not null`;
    expect(logins.map((l) => l.usename)).toEqual(["thads_app"]);
  } finally {
    await owner.end();
  }
});
