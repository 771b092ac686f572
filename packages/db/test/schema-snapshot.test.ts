import "@thads/test-support/provided";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";
import { dumpSchema, SCHEMA_SQL } from "../src/schema-dump.ts";

/**
 * supabase/schema.sql is the definition of every object after all migrations (ADR 016).
 * It must be what the catalog of the freshly migrated test database says.
 */
const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

describe("supabase/schema.sql", () => {
  it("is the dump of the migrated test database (run `npm run db:schema` after changing a migration)", async () => {
    const dumped = await dumpSchema(sql);
    let committed = "";
    try {
      committed = readFileSync(SCHEMA_SQL, "utf8");
    } catch {
      // missing: reported as a difference below
    }
    if (committed !== dumped) {
      const a = committed.split("\n");
      const b = dumped.split("\n");
      let line = 0;
      while (line < a.length && line < b.length && a[line] === b[line]) line++;
      expect.fail(
        `supabase/schema.sql is out of date: run \`npm run db:schema\` and commit it.\n` +
          `First difference at line ${line + 1}:\n  committed: ${a[line] ?? "(end of file)"}\n  database:  ${b[line] ?? "(end of file)"}`,
      );
    }
  });

  it("is the same text on every dump (sorted, no server-specific values)", async () => {
    expect(await dumpSchema(sql)).toBe(await dumpSchema(sql));
  });

  it("holds each kind of object", async () => {
    const text = await dumpSchema(sql);
    for (const piece of [
      "create table public.cases (",
      "alter table public.cases force row level security;",
      "create policy cases_select on public.cases for select to authenticated",
      "CREATE OR REPLACE FUNCTION app_private.role_group(p_group text)",
      "CREATE TRIGGER memberships_before_write",
      "CREATE INDEX",
      "grant select on table public.cases to authenticated;",
      "create type public.app_role as enum (",
    ]) {
      expect(text, piece).toContain(piece);
    }
  });
});
