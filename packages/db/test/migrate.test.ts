import "./provided.ts";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";
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

  it("a second run applies nothing and keeps the compat surface idempotent", async () => {
    const { applied, supabase } = await migrate(sql, { appPassword: "thads-app-test-only" });
    expect(supabase).toBe(false);
    expect(applied).toEqual([]);
  });

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
