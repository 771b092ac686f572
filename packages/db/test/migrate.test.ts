import "@thads/test-support/provided";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql } from "../src/clients.ts";
import { freePort, startEmbedded } from "../src/embedded.ts";
import { CASE_STATUSES, ROLES } from "@thads/domain";
import { migrate, readMigrations } from "../src/migrate.ts";

const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

describe("migration runner", () => {
  it("records every migration file in supabase_migrations.schema_migrations, as the Supabase CLI does", async () => {
    const rows = await sql<{ version: string; name: string; statements: string[] }[]>`
      select version, name, statements from supabase_migrations.schema_migrations order by version`;
    const files = readMigrations();
    expect(rows.map((r) => `${r.version}_${r.name}.sql`)).toEqual(files.map((f) => f.file));
    expect(rows[0]?.statements[0]).toContain("create table public.units");
  });

  it("a second run on the Supabase-shaped test database applies nothing, and knows it is on Supabase", async () => {
    const { applied, supabase } = await migrate(sql, { appPassword: "thads-app-test-only" });
    expect(supabase).toBe(true);
    expect(applied).toEqual([]);
  });

  it("on plain PostgreSQL (postgres the superuser) it applies the compatibility surface, and the app's login signs a user in", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "thads-plain-"));
    const server = await startEmbedded({
      dataDir: path.join(dir, "pg"),
      port: await freePort(),
      quiet: true,
      persistent: false,
      platform: "plain",
    });
    const owner = createOwnerSql(server.url, { max: 1 });
    try {
      const first = await migrate(owner, { appPassword: "thads-app-plain-only" });
      expect(first.supabase).toBe(false);
      expect(first.applied).toEqual(readMigrations().map((m) => m.file));
      expect((await migrate(owner, { appPassword: "thads-app-plain-only" })).applied).toEqual([]);
      const id = randomUUID();
      await owner`insert into auth.users (id, email, encrypted_password)
                  values (${id}, 'plain@thads.vn', extensions.crypt('Mật-khẩu-plain-1', extensions.gen_salt('bf', 4)))`;
      const url = new URL(server.url);
      url.username = "thads_app";
      url.password = "thads-app-plain-only";
      const app = createAppSql(url.toString(), { max: 1 });
      try {
        const [row] = await app.begin(async (tx) => {
          await tx`select set_config('role', 'auth_service', true)`;
          return tx<{ ok: string | null; bad: string | null }[]>`
            select app_private.check_password('plain@thads.vn', 'Mật-khẩu-plain-1') as ok,
                   app_private.check_password('plain@thads.vn', 'Mật-khẩu-plain-2') as bad`;
        });
        expect(row).toEqual({ ok: id, bad: null });
      } finally {
        await app.end();
      }
    } finally {
      await owner.end();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it("provides Supabase's auth surface: auth.uid() and auth.jwt() read request.jwt.claims", async () => {
    const claims = { sub: "2b1c7a52-0d1e-4a8e-9a55-3f5b3b1e9d11", role: "authenticated", email: "a@b.vn" };
    const [row] = await sql.begin(async (tx) => {
      await tx`select set_config('request.jwt.claims', ${JSON.stringify(claims)}, true)`;
      return tx<{ uid: string; jwt: { email: string }; role: string }[]>`select auth.uid() as uid, auth.jwt() as jwt, auth.role() as role`;
    });
    expect(row).toEqual({ uid: claims.sub, jwt: claims, role: "authenticated" });
  });

  it("the database enums match the domain package (one vocabulary)", async () => {
    const values = async (type: string) =>
      (await sql<{ v: string }[]>`select unnest(enum_range(null::public.${sql.unsafe(type)}))::text as v`).map((r) => r.v);
    expect(await values("case_status")).toEqual([...CASE_STATUSES]);
    expect(await values("app_role")).toEqual([...ROLES]);
  });
});
