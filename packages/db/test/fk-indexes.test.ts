import "@thads/test-support/provided";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";

const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

/**
 * A foreign key without an index makes every delete or key update of the referenced row scan the
 * referencing table, and joins along it walk the whole table; Supabase's database advisor flags it.
 * Every foreign key of the project's schemas must lead an index (its columns first, in any order);
 * for a mostly-null key, a partial index on its non-null rows serves the same checks.
 */
describe("foreign keys", () => {
  it("every foreign key in the project's schemas is covered by an index", async () => {
    const keys = await sql<{ constraint: string; table: string; columns: string[]; covered: boolean }[]>`
      select con.conname as constraint,
             con.conrelid::regclass::text as table,
             array(select a.attname::text from unnest(con.conkey) k join pg_attribute a
                     on a.attrelid = con.conrelid and a.attnum = k order by a.attname) as columns,
             exists (
               select 1 from pg_index i
               where i.indrelid = con.conrelid
                 -- a full index, or a partial one on the key's non-null rows (what a key check reads)
                 and (i.indpred is null
                      or pg_get_expr(i.indpred, i.indrelid) = '(' || (select a.attname from pg_attribute a
                           where a.attrelid = con.conrelid and a.attnum = con.conkey[1]) || ' IS NOT NULL)')
                 and (select array_agg(x order by x) from unnest((i.indkey::int2[])[0:cardinality(con.conkey) - 1]) x)
                     = (select array_agg(x order by x) from unnest(con.conkey) x)
             ) as covered
      from pg_constraint con
      where con.contype = 'f'
        and con.connamespace::regnamespace::text in ('public', 'app_private')`;
    expect(keys.length).toBeGreaterThan(20);
    expect(keys.filter((k) => !k.covered).map((k) => `${k.table}(${k.columns.join(", ")}) ${k.constraint}`)).toEqual([]);
  });
});
