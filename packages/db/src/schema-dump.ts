import path from "node:path";
import type { Sql } from "./clients.ts";
import { MIGRATIONS_DIR } from "./migrate.ts";

/**
 * The current definition of every object the migrations make, read from the catalog
 * (ADR 016): extensions, schemas, types, sequences, tables (columns, defaults,
 * constraints, row-level security flags), indexes, views, functions with their bodies,
 * triggers, policies, comments and grants, in the project's schemas. Deterministic: every
 * list is sorted by schema and name (collation "C"), no OIDs or server-specific values
 * appear, so two databases migrated alike give the same text. supabase/schema.sql is this
 * text for a freshly migrated database (`npm run db:schema`).
 *
 * Supabase's own schemas (auth, extensions, storage, supabase_migrations, ...) are not
 * dumped; the extensions the project installs are listed by name and schema only.
 */

/** Where the generated schema is kept: supabase/schema.sql. */
export const SCHEMA_SQL = path.resolve(MIGRATIONS_DIR, "../schema.sql");

/** The schemas the migrations create and own. */
export const PROJECT_SCHEMAS = ["public", "app_private"] as const;

const HEADER = `-- The schema after all migrations, generated from the catalog by packages/db/src/schema-dump.ts.
-- Do not edit: change a migration in supabase/migrations, then run \`npm run db:schema\`.
-- (packages/db/test/schema-snapshot.test.ts fails when this file is out of date.)
-- Not meant to be run: the migrations are the way to build a database; this is where
-- the newest definition of each object can be read in one place.
`;

const PRIVILEGE_ORDER = [
  "SELECT",
  "INSERT",
  "UPDATE",
  "DELETE",
  "TRUNCATE",
  "REFERENCES",
  "TRIGGER",
  "MAINTAIN",
  "USAGE",
  "CREATE",
  "EXECUTE",
  "TEMPORARY",
  "CONNECT",
];
const sortPrivileges = (ps: string[]) =>
  [...new Set(ps)].sort((a, b) => PRIVILEGE_ORDER.indexOf(a) - PRIVILEGE_ORDER.indexOf(b) || (a < b ? -1 : a > b ? 1 : 0));

interface Acl {
  grantee: string;
  privilege: string;
  grantable: boolean;
}

/** `grant ... on <what> to <grantee>` lines, one per grantee (and grant option), sorted by grantee. */
function grantLines(what: string, acl: Acl[], columns?: string): string[] {
  const byGrantee = new Map<string, { plain: string[]; withOption: string[] }>();
  for (const a of acl) {
    const entry = byGrantee.get(a.grantee) ?? { plain: [], withOption: [] };
    (a.grantable ? entry.withOption : entry.plain).push(a.privilege);
    byGrantee.set(a.grantee, entry);
  }
  const lines: string[] = [];
  for (const grantee of [...byGrantee.keys()].sort()) {
    const { plain, withOption } = byGrantee.get(grantee)!;
    const col = columns ? ` (${columns})` : "";
    const privs = (ps: string[]) =>
      sortPrivileges(ps)
        .map((p) => `${p.toLowerCase()}${col}`)
        .join(", ");
    if (plain.length) lines.push(`grant ${privs(plain)} on ${what} to ${grantee};`);
    if (withOption.length) lines.push(`grant ${privs(withOption)} on ${what} to ${grantee} with grant option;`);
  }
  return lines;
}

export async function dumpSchema(sql: Sql, schemas: readonly string[] = PROJECT_SCHEMAS): Promise<string> {
  // An empty search_path: every name the catalog deparses comes schema-qualified, whatever
  // the session's search_path was.
  return sql.begin(async (tx) => {
    await tx`set local search_path = ''`;
    return dumpIn(tx as unknown as Sql, [...schemas]);
  }) as Promise<string>;
}

async function dumpIn(sql: Sql, S: string[]): Promise<string> {
  const out: string[] = [HEADER];
  const section = (title: string) => out.push("", `-- ${"=".repeat(76)}`, `-- ${title}`, `-- ${"=".repeat(76)}`);

  // Extensions the project installs (in any schema), by name and schema.
  const exts = await sql<{ name: string; schema: string }[]>`
    select quote_ident(e.extname) as name, e.extnamespace::regnamespace::text as schema
    from pg_extension e where e.extname <> 'plpgsql' order by e.extname collate "C"`;
  section("Extensions (every one in the database, by name and schema)");
  for (const e of exts) out.push(`create extension if not exists ${e.name} with schema ${e.schema};`);

  // Schemas and who may use them.
  const nsps = await sql<{ name: string; owner: string; acl: Acl[] }[]>`
    select quote_ident(n.nspname) as name, pg_get_userbyid(n.nspowner) as owner,
      coalesce((select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                                                  'privilege', a.privilege_type, 'grantable', a.is_grantable))
                from aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a where a.grantee <> n.nspowner), '[]') as acl
    from pg_namespace n where n.nspname = any (${S}) order by n.nspname collate "C"`;
  section("Schemas");
  for (const n of nsps) {
    out.push(`create schema if not exists ${n.name}; -- owner ${n.owner}`);
    out.push(...grantLines(`schema ${n.name}`, n.acl));
  }

  // Default privileges the migration owner set (what new objects grant).
  const defaults = await sql<{ role: string; schema: string | null; kind: string; acl: Acl[] }[]>`
    select quote_ident(pg_get_userbyid(d.defaclrole)) as role, case when d.defaclnamespace = 0 then null else d.defaclnamespace::regnamespace::text end as schema,
      d.defaclobjtype as kind,
      coalesce((select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                                                  'privilege', a.privilege_type, 'grantable', a.is_grantable))
                from aclexplode(d.defaclacl) a), '[]') as acl
    from pg_default_acl d
    where (d.defaclnamespace = 0 or d.defaclnamespace::regnamespace::text = any (${S}))
      and pg_get_userbyid(d.defaclrole) = current_user
    order by d.defaclnamespace <> 0, d.defaclnamespace::regnamespace::text collate "C", d.defaclobjtype`;
  if (defaults.length) {
    section("Default privileges of the migration owner (objects it creates from now on)");
    const kinds: Record<string, string> = { r: "tables", S: "sequences", f: "functions", T: "types", n: "schemas" };
    for (const d of defaults) {
      const scope = `for role ${d.role}${d.schema ? ` in schema ${d.schema}` : ""}`;
      const what = kinds[d.kind] ?? d.kind;
      const lines = grantLines(
        what,
        d.acl.filter((a) => a.grantee !== d.role),
      );
      if (!lines.length) out.push(`-- ${scope}: ${what} grant nothing to anyone but their owner`);
      for (const l of lines) out.push(`alter default privileges ${scope} ${l}`);
    }
  }

  // Types: enums, domains, composite types not backing a table, ranges.
  const types = await sql<{ name: string; kind: string; labels: string[] | null; def: string | null; comment: string | null }[]>`
    select format('%I.%I', n.nspname, t.typname) as name, t.typtype as kind,
      (select array_agg(e.enumlabel::text order by e.enumsortorder) from pg_enum e where e.enumtypid = t.oid) as labels,
      case t.typtype
        when 'd' then format_type(t.typbasetype, t.typtypmod) || case when t.typnotnull then ' not null' else '' end
          || coalesce(' default ' || t.typdefault, '')
          || coalesce((select string_agg(' constraint ' || quote_ident(c.conname) || ' ' || pg_get_constraintdef(c.oid), '' order by c.conname collate "C")
                       from pg_constraint c where c.contypid = t.oid), '')
        when 'c' then (select string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod), ', ' order by a.attnum)
                       from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)
        when 'r' then (select 'subtype = ' || format_type(r.rngsubtype, null) from pg_range r where r.rngtypid = t.oid)
      end as def,
      obj_description(t.oid, 'pg_type') as comment
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = any (${S}) and t.typtype in ('e', 'd', 'c', 'r')
      and (t.typtype <> 'c' or (select c.relkind from pg_class c where c.oid = t.typrelid) = 'c')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass and d.objid = t.oid and d.deptype = 'e')
    order by n.nspname collate "C", t.typname collate "C"`;
  if (types.length) section("Types");
  for (const t of types) {
    if (t.kind === "e")
      out.push(`create type ${t.name} as enum (${(t.labels ?? []).map((l) => `'${l.replaceAll("'", "''")}'`).join(", ")});`);
    else if (t.kind === "d") out.push(`create domain ${t.name} as ${t.def};`);
    else if (t.kind === "c") out.push(`create type ${t.name} as (${t.def});`);
    else out.push(`create type ${t.name} as range (${t.def});`);
    if (t.comment !== null) out.push(`comment on type ${t.name} is ${quoteLiteral(t.comment)};`);
  }

  // Sequences not owned by an identity column.
  const seqs = await sql<{ name: string; def: string; acl: Acl[] }[]>`
    select format('%I.%I', n.nspname, c.relname) as name,
      format('as %s increment by %s minvalue %s maxvalue %s start with %s cache %s%s', format_type(s.seqtypid, null), s.seqincrement,
             s.seqmin, s.seqmax, s.seqstart, s.seqcache, case when s.seqcycle then ' cycle' else '' end)
      || coalesce((select format(' owned by %s.%I', d.refobjid::regclass::text, a.attname)
                   from pg_depend d join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
                   where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass and d.deptype = 'a'), '') as def,
      ${aclJson(sql, "c.relacl", "'s'", "c.relowner")} as acl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_sequence s on s.seqrelid = c.oid
    where n.nspname = any (${S}) and c.relkind = 'S'
      and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid and d.deptype = 'i')
    order by n.nspname collate "C", c.relname collate "C"`;
  if (seqs.length) section("Sequences");
  for (const s of seqs) {
    out.push(`create sequence ${s.name} ${s.def};`);
    out.push(...grantLines(`sequence ${s.name}`, s.acl));
  }

  // Tables.
  const tables = await sql<
    {
      oid: number;
      name: string;
      kind: string;
      rls: boolean;
      force: boolean;
      options: string[] | null;
      partition: string | null;
      parent: string | null;
      bound: string | null;
      comment: string | null;
      acl: Acl[];
    }[]
  >`
    select c.oid::int as oid, format('%I.%I', n.nspname, c.relname) as name, c.relkind as kind,
      c.relrowsecurity as rls, c.relforcerowsecurity as force, c.reloptions as options,
      case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end as partition,
      (select i.inhparent::regclass::text from pg_inherits i where i.inhrelid = c.oid) as parent,
      case when c.relispartition then pg_get_expr(c.relpartbound, c.oid) end as bound,
      obj_description(c.oid, 'pg_class') as comment,
      ${aclJson(sql, "c.relacl", "'r'", "c.relowner")} as acl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any (${S}) and c.relkind in ('r', 'p', 'f')
    order by n.nspname collate "C", c.relname collate "C"`;
  const columns = await sql<
    {
      rel: number;
      name: string;
      type: string;
      notnull: boolean;
      def: string | null;
      identity: string;
      generated: string;
      collation: string | null;
      comment: string | null;
      acl: Acl[];
    }[]
  >`
    select a.attrelid::int as rel, quote_ident(a.attname) as name, format_type(a.atttypid, a.atttypmod) as type, a.attnotnull as notnull,
      pg_get_expr(d.adbin, d.adrelid) as def, a.attidentity as identity, a.attgenerated as generated,
      case when a.attcollation <> 0 and a.attcollation <> t.typcollation then (select format('%I.%I', cn.nspname, co.collname)
           from pg_collation co join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation) end as collation,
      col_description(a.attrelid, a.attnum) as comment,
      coalesce((select json_agg(json_build_object('grantee', case when x.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(x.grantee)) end,
                                                  'privilege', x.privilege_type, 'grantable', x.is_grantable))
                from aclexplode(a.attacl) x), '[]') as acl
    from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
    join pg_type t on t.oid = a.atttypid
    left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
    where n.nspname = any (${S}) and c.relkind in ('r', 'p', 'f', 'v', 'm') and a.attnum > 0 and not a.attisdropped
    order by a.attrelid, a.attnum`;
  const constraints = await sql<{ rel: number; name: string; def: string; type: string }[]>`
    select c.conrelid::int as rel, quote_ident(c.conname) as name, pg_get_constraintdef(c.oid) as def, c.contype as type
    from pg_constraint c join pg_class r on r.oid = c.conrelid join pg_namespace n on n.oid = r.relnamespace
    where n.nspname = any (${S}) and c.contype in ('p', 'u', 'c', 'f', 'x') and c.conislocal
    order by c.conrelid, case c.contype when 'p' then 0 when 'u' then 1 when 'x' then 2 when 'c' then 3 else 4 end, c.conname collate "C"`;
  const colsOf = groupBy(columns, (c) => c.rel);
  const consOf = groupBy(constraints, (c) => c.rel);

  if (tables.length) section("Tables");
  for (const t of tables) {
    const lines: string[] = [];
    for (const c of colsOf.get(t.oid) ?? []) {
      let line = `  ${c.name} ${c.type}`;
      if (c.collation) line += ` collate ${c.collation}`;
      if (c.identity === "a") line += " generated always as identity";
      else if (c.identity === "d") line += " generated by default as identity";
      else if (c.generated === "s") line += ` generated always as (${c.def}) stored`;
      else if (c.def !== null) line += ` default ${c.def}`;
      if (c.notnull) line += " not null";
      lines.push(line);
    }
    for (const k of consOf.get(t.oid) ?? []) lines.push(`  constraint ${k.name} ${k.def}`);
    const kind = t.kind === "f" ? "foreign table" : "table";
    let tail = "";
    if (t.parent && t.bound) tail += ` partition of ${t.parent} ${t.bound}`;
    if (t.partition) tail += ` partition by ${t.partition}`;
    if (t.options?.length) tail += ` with (${[...t.options].sort().join(", ")})`;
    out.push("", `create ${kind} ${t.name} (`, lines.join(",\n"), `)${tail};`);
    if (t.rls) out.push(`alter table ${t.name} enable row level security;`);
    if (t.force) out.push(`alter table ${t.name} force row level security;`);
    if (t.comment !== null) out.push(`comment on table ${t.name} is ${quoteLiteral(t.comment)};`);
    for (const c of colsOf.get(t.oid) ?? []) {
      if (c.comment !== null) out.push(`comment on column ${t.name}.${c.name} is ${quoteLiteral(c.comment)};`);
    }
    out.push(...grantLines(`table ${t.name}`, t.acl));
    for (const c of colsOf.get(t.oid) ?? []) out.push(...grantLines(`table ${t.name}`, c.acl, c.name));
  }

  // Indexes that no constraint makes.
  const indexes = await sql<{ def: string; comment: string | null; name: string }[]>`
    select pg_get_indexdef(i.indexrelid) as def, obj_description(i.indexrelid, 'pg_class') as comment,
      format('%I.%I', n.nspname, ic.relname) as name
    from pg_index i join pg_class ic on ic.oid = i.indexrelid join pg_namespace n on n.oid = ic.relnamespace
    join pg_class tc on tc.oid = i.indrelid
    where n.nspname = any (${S})
      and not exists (select 1 from pg_constraint c where c.conindid = i.indexrelid and c.conrelid = i.indrelid)
      and tc.relkind in ('r', 'p', 'm')
      and ic.relkind in ('i', 'I')
      and not exists (select 1 from pg_inherits h where h.inhrelid = i.indexrelid)
    order by n.nspname collate "C", tc.relname collate "C", ic.relname collate "C"`;
  if (indexes.length) section("Indexes");
  for (const i of indexes) {
    out.push(`${i.def};`);
    if (i.comment !== null) out.push(`comment on index ${i.name} is ${quoteLiteral(i.comment)};`);
  }

  // Views and materialized views.
  const views = await sql<{ name: string; kind: string; def: string; options: string[] | null; comment: string | null; acl: Acl[] }[]>`
    select format('%I.%I', n.nspname, c.relname) as name, c.relkind as kind, pg_get_viewdef(c.oid, true) as def,
      c.reloptions as options, obj_description(c.oid, 'pg_class') as comment,
      ${aclJson(sql, "c.relacl", "'r'", "c.relowner")} as acl
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any (${S}) and c.relkind in ('v', 'm')
    order by n.nspname collate "C", c.relname collate "C"`;
  if (views.length) section("Views");
  for (const v of views) {
    const opts = v.options?.length ? ` with (${[...v.options].sort().join(", ")})` : "";
    out.push("", `create ${v.kind === "m" ? "materialized view" : "view"} ${v.name}${opts} as`, `${v.def.trimEnd().replace(/;$/, "")};`);
    if (v.comment !== null)
      out.push(`comment on ${v.kind === "m" ? "materialized view" : "view"} ${v.name} is ${quoteLiteral(v.comment)};`);
    out.push(...grantLines(`table ${v.name}`, v.acl));
  }

  // Functions and procedures, with their bodies (no aggregates in the project).
  const fns = await sql<{ name: string; signature: string; def: string; comment: string | null; acl: Acl[]; kind: string }[]>`
    select format('%I.%I', n.nspname, p.proname) as name,
      format('%I.%I(%s)', n.nspname, p.proname, pg_get_function_identity_arguments(p.oid)) as signature,
      pg_get_functiondef(p.oid) as def, obj_description(p.oid, 'pg_proc') as comment, p.prokind as kind,
      ${aclJson(sql, "p.proacl", "'f'", "p.proowner")} as acl
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = any (${S}) and p.prokind in ('f', 'p')
      and not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass and d.objid = p.oid and d.deptype = 'e')
    order by n.nspname collate "C", p.proname collate "C", pg_get_function_identity_arguments(p.oid) collate "C"`;
  if (fns.length) section("Functions");
  for (const f of fns) {
    out.push("", `${f.def.trimEnd()};`);
    const what = `${f.kind === "p" ? "procedure" : "function"} ${f.signature}`;
    if (f.comment !== null) out.push(`comment on ${what} is ${quoteLiteral(f.comment)};`);
    const acl = grantLines(what, f.acl);
    // A function's default is EXECUTE for PUBLIC: say so when it was revoked and nothing granted.
    out.push(...(acl.length ? acl : [`-- ${what}: executed by its owner only`]));
  }

  // Triggers.
  const triggers = await sql<{ def: string }[]>`
    select pg_get_triggerdef(t.oid, true) as def
    from pg_trigger t join pg_class c on c.oid = t.tgrelid join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any (${S}) and not t.tgisinternal
    order by n.nspname collate "C", c.relname collate "C", t.tgname collate "C"`;
  if (triggers.length) section("Triggers");
  for (const t of triggers) out.push(`${t.def};`);

  // Row-level security policies.
  const policies = await sql<
    { name: string; table: string; permissive: string; cmd: string; roles: string[]; qual: string | null; check: string | null }[]
  >`
    select quote_ident(p.policyname) as name, format('%I.%I', p.schemaname, p.tablename) as table, p.permissive, p.cmd,
      p.roles::text[] as roles, p.qual, p.with_check as check
    from pg_policies p where p.schemaname = any (${S})
    order by p.schemaname collate "C", p.tablename collate "C", p.policyname collate "C"`;
  if (policies.length) section("Row-level security policies");
  for (const p of policies) {
    let line = `create policy ${p.name} on ${p.table}`;
    if (p.permissive !== "PERMISSIVE") line += ` as ${p.permissive.toLowerCase()}`;
    line += ` for ${p.cmd.toLowerCase()} to ${[...p.roles].sort().join(", ")}`;
    if (p.qual !== null) line += `\n  using (${p.qual})`;
    if (p.check !== null) line += `\n  with check (${p.check})`;
    out.push("", `${line};`);
  }

  return `${out
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trimEnd()}\n`;
}

/** The ACL of an object as JSON rows, its owner left out; NULL means the type's default ACL. */
function aclJson(sql: Sql, column: string, type: string, owner: string) {
  return sql.unsafe(`coalesce((select json_agg(json_build_object('grantee', case when a.grantee = 0 then 'public' else quote_ident(pg_get_userbyid(a.grantee)) end,
                                                  'privilege', a.privilege_type, 'grantable', a.is_grantable))
                from aclexplode(coalesce(${column}, acldefault(${type}, ${owner}))) a where a.grantee <> ${owner}), '[]')`);
}

function quoteLiteral(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}

function groupBy<T, K>(rows: T[], key: (r: T) => K): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  return m;
}
