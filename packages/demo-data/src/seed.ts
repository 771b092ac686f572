import bcrypt from "bcryptjs";
import type { Sql, TxSql } from "@thads/db";
import { Worker } from "node:worker_threads";
import { DEFAULT_TODAY, type CaseGenOptions, type CaseGenUnit } from "./cases.ts";
import { TABLES, type CopyBatch } from "./copy.ts";
import { DEMO_PASSWORD, buildModel, type DemoModel } from "./model.ts";
import { seedAssets } from "./assets.ts";
import { seedComplaints } from "./complaints.ts";
import { seedCreditorLinks } from "./creditors.ts";
import { seedPublic } from "./public.ts";
import { seedSteering } from "./steering.ts";
import { seedStats } from "./stats-data.ts";

export interface SeedOptions {
  cases: number;
  log?: (message: string) => void;
  /** Called while cases stream in: done, total. */
  progress?: (done: number, total: number) => void;
  /** The generator's "today" (ISO date): case ages, what has happened yet and deadlines. */
  today?: string;
  /** PRNG seed of the cases (default 7). */
  seed?: number;
  /** Record merged provinces' cases closed before 1 Jul 2025 under their former provinces (stats-data.ts). */
  history?: boolean;
}

export async function isSeeded(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ n: bigint }[]>`select count(*)::bigint as n from public.units`;
  return (row?.n ?? 0n) > 0n;
}

/**
 * Writes the demo data through the privileged (owner) path, all in one
 * transaction: units, users (auth.users + identities + profiles), memberships,
 * and cases with their judgments, parties, obligations and event ledgers
 * (COPY, see writeCases). Bulk rows skip the triggers (tenant key, audit)
 * because the generator sets the tenant keys itself; the audit trail records
 * changes made by people, from the first real edit on.
 */
export async function seed(sql: Sql, opts: SeedOptions): Promise<DemoModel> {
  const log = opts.log ?? (() => {});
  const model = buildModel();
  const hash = bcrypt.hashSync(DEMO_PASSWORD, 10);
  const now = new Date();

  await sql.begin(async (tx) => {
    let replica = true;
    try {
      await tx`set local session_replication_role = replica`;
    } catch {
      replica = false;
      log("session_replication_role not allowed here: seeding with triggers on");
    }
    const unitCols = [
      "id",
      "kind",
      "code",
      "name",
      "name_en",
      "slug",
      "parent_id",
      "province_id",
      "address",
      "phone",
      "email",
      "dissolved_on",
      "merged_into_id",
    ] as const;
    await tx`insert into public.units ${tx(model.units, ...unitCols)}`;
    log(`${model.units.length} units`);
    if (model.successions.length > 0)
      await tx`insert into public.unit_successions ${tx(model.successions, "predecessor_id", "successor_id", "effective_on", "basis")}`;

    const unitProvince = new Map(model.units.map((x) => [x.id, x.province_id]));
    const hasIdentities = (await tx`select 1 from pg_tables where schemaname = 'auth' and tablename = 'identities'`).length > 0;
    for (let i = 0; i < model.users.length; i += 1000) {
      const chunk = model.users.slice(i, i + 1000);
      await tx`insert into auth.users ${tx(
        chunk.map((u) => ({
          instance_id: "00000000-0000-0000-0000-000000000000",
          id: u.id,
          aud: "authenticated",
          role: "authenticated",
          email: u.email,
          encrypted_password: hash,
          email_confirmed_at: now,
          raw_app_meta_data: { provider: "email", providers: ["email"] },
          raw_user_meta_data: { full_name: u.full_name },
          created_at: now,
          updated_at: now,
        })),
      )}`;
      if (hasIdentities) {
        await tx`insert into auth.identities ${tx(
          chunk.map((u) => ({
            provider_id: u.id,
            user_id: u.id,
            identity_data: { sub: u.id, email: u.email, email_verified: true },
            provider: "email",
            created_at: now,
            updated_at: now,
          })),
        )}`;
      }
      await tx`insert into public.profiles ${tx(
        chunk.map((u) => ({
          id: u.id,
          full_name: u.full_name,
          email: u.email,
          title: u.title,
          unit_id: u.unit_id,
          province_id: u.province_id,
          creditor_kind: u.creditor_kind,
        })),
      )}`;
      await tx`insert into public.memberships ${tx(
        chunk.flatMap((u) =>
          u.memberships.map((m) => ({
            user_id: u.id,
            unit_id: m.unit_id,
            role: m.role,
            province_id: m.unit_id ? (unitProvince.get(m.unit_id) ?? null) : null,
          })),
        ),
      )}`;
    }
    log(`${model.users.length} users with profiles and memberships`);

    if (opts.cases > 0) {
      const written = await writeCases(tx, model, { ...opts, replica });
      log(`${written.cases} cases, ${written.events} events, ${written.parties} parties, ${written.obligations} obligations`);
    }
    log(`public pages: ${JSON.stringify(await seedPublic(tx, model, { today: opts.today }))}`);
    if (opts.cases > 0) log(`steering committees: ${JSON.stringify(await seedSteering(tx, model, opts.today ?? DEFAULT_TODAY))}`);
    if (opts.cases > 0) log(`creditor accounts: ${JSON.stringify(await seedCreditorLinks(tx, model))}`);
    if (opts.cases > 0) log(`complaint letters: ${JSON.stringify(await seedComplaints(tx, model, opts.today ?? DEFAULT_TODAY))}`);
    log(`statistics: ${JSON.stringify(await seedStats(tx, model, opts.today ?? DEFAULT_TODAY, opts.history ?? false))}`);
  });
  if (opts.cases > 0) await seedAssets(sql, model, { today: opts.today ?? DEFAULT_TODAY, log });
  await sql`analyze`;
  return model;
}

/** Sub-bureaus with their executors, clerks and head, for case generation. */
export function caseUnits(model: DemoModel): CaseGenUnit[] {
  const clerks = new Map<string, string[]>();
  const heads = new Map<string, string>();
  for (const u of model.users) {
    for (const m of u.memberships) {
      if (!m.unit_id) continue;
      if (m.role === "clerk") clerks.set(m.unit_id, [...(clerks.get(m.unit_id) ?? []), u.id]);
      else if (m.role === "subunit_head") heads.set(m.unit_id, u.id);
    }
  }
  return model.units
    .filter((u) => u.kind === "subunit" && !u.dissolved_on)
    .map((u) => ({
      id: u.id,
      provinceId: u.province_id!,
      code: u.code,
      executors: model.executorsByUnit.get(u.id) ?? [],
      clerks: clerks.get(u.id) ?? [],
      headId: heads.get(u.id) ?? null,
    }));
}

/** Executors with demo accounts (their lists must have content). */
export function demoExecutors(model: DemoModel): string[] {
  return model.users.filter((u) => u.demo && u.memberships.some((m) => m.role === "executor")).map((u) => u.id);
}

/** Cases per COPY round (5 COPY statements, one per table). */
const BATCH = 5000;

/**
 * Streams the generated cases into the five tables with COPY, batch by batch (5 COPY statements
 * per batch). The generator runs on a worker thread, at most two batches ahead: while the
 * database ingests batch k, batches k + 1 and k + 2 are generated.
 */
async function writeCases(tx: TxSql, model: DemoModel, opts: SeedOptions & { replica: boolean }) {
  const options: CaseGenOptions = {
    count: opts.cases,
    seed: opts.seed,
    units: caseUnits(model),
    today: opts.today ?? DEFAULT_TODAY,
    focusExecutors: demoExecutors(model),
  };
  const counts = { cases: 0, events: 0, parties: 0, obligations: 0 };
  const restore = await prepareBulkLoad(tx, opts.replica);

  const worker = new Worker(new URL("./seed-worker.mjs", import.meta.url), { workerData: { options, batchSize: BATCH } });
  const inbox: (CopyBatch | "done")[] = [];
  let waiting: { resolve: (m: CopyBatch | "done") => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  const fail = (e: Error) => {
    failure ??= e;
    waiting?.reject(e);
    waiting = null;
  };
  worker.on("message", (m: CopyBatch | "done") => {
    if (waiting) {
      waiting.resolve(m);
      waiting = null;
    } else inbox.push(m);
  });
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`case generator stopped (exit code ${code})`)));
  const next = () =>
    new Promise<CopyBatch | "done">((resolve, reject) => {
      if (inbox.length) resolve(inbox.shift()!);
      else if (failure) reject(failure);
      else waiting = { resolve, reject };
    });

  const copy = async (table: string, cols: readonly string[], format: "text" | "binary", data: Uint8Array) => {
    if (!data.length) return;
    const stream = await tx`copy ${tx.unsafe(table)} (${tx.unsafe(cols.join(", "))}) from stdin (format ${tx.unsafe(format)})`.writable();
    await new Promise<void>((resolve, reject) => {
      stream.on("finish", resolve);
      stream.on("error", reject);
      stream.end(data);
    });
  };
  try {
    worker.postMessage("more");
    worker.postMessage("more");
    for (;;) {
      const batch = await next();
      if (batch === "done") break;
      worker.postMessage("more");
      for (let t = 0; t < TABLES.length; t++) await copy(TABLES[t]![0], TABLES[t]![1], TABLES[t]![2], batch.data[t]!);
      counts.cases += batch.cases;
      counts.events += batch.events;
      counts.parties += batch.parties;
      counts.obligations += batch.obligations;
      opts.progress?.(counts.cases, opts.cases);
    }
  } finally {
    worker.removeAllListeners("exit");
    await worker.terminate();
  }

  const t0 = Date.now();
  const rebuilt = await restore();
  opts.log?.(`${rebuilt} indexes built again (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return counts;
}

/**
 * Readies the five tables for the bulk load, in the seeding transaction, and returns what puts
 * them back as they were (same definitions, same comments), to run after the load:
 *  - secondary indexes are dropped and built again at the end: one sorted build is much cheaper
 *    than millions of scattered inserts (the trigram GIN indexes the most). Unique indexes,
 *    indexes behind constraints and indexes something depends on stay;
 *  - with replication role "replica", INSERT triggers that fire only in origin mode do not fire
 *    anyway, but their mere presence costs: a BEFORE ROW trigger stops COPY from inserting in
 *    batches, and a statement trigger with a transition table makes PostgreSQL keep a copy of
 *    every inserted row. They are dropped for the load and created again.
 */
async function prepareBulkLoad(tx: TxSql, replica: boolean): Promise<() => Promise<number>> {
  const tables = tx.unsafe(TABLES.map(([t]) => `'${t}'::regclass`).join(", "));
  const indexes = await tx<{ name: string; def: string; comment: string | null }[]>`
    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) as name, pg_get_indexdef(i.indexrelid) as def,
           obj_description(i.indexrelid, 'pg_class') as comment
    from pg_index i
    join pg_class c on c.oid = i.indexrelid
    join pg_namespace n on n.oid = c.relnamespace
    where i.indrelid in (${tables})
      and not i.indisunique and not i.indisclustered
      and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)
      and not exists (select 1 from pg_depend d where d.refclassid = 'pg_class'::regclass and d.refobjid = i.indexrelid)
    order by 1`;
  const triggers = replica
    ? await tx<{ name: string; table: string; def: string; comment: string | null }[]>`
        select quote_ident(t.tgname) as name, t.tgrelid::regclass::text as table, pg_get_triggerdef(t.oid) as def,
               obj_description(t.oid, 'pg_trigger') as comment
        from pg_trigger t
        where t.tgrelid in (${tables}) and not t.tgisinternal and t.tgenabled = 'O' and (t.tgtype & 4) <> 0
        order by 2, 1`
    : [];
  for (const ix of indexes) await tx.unsafe(`drop index ${ix.name}`);
  for (const t of triggers) await tx.unsafe(`drop trigger ${t.name} on ${t.table}`);
  return async () => {
    for (const ix of indexes) {
      await tx.unsafe(ix.def);
      if (ix.comment !== null) await tx.unsafe(`comment on index ${ix.name} is ${literal(ix.comment)}`);
    }
    for (const t of triggers) {
      await tx.unsafe(t.def);
      if (t.comment !== null) await tx.unsafe(`comment on trigger ${t.name} on ${t.table} is ${literal(t.comment)}`);
    }
    return indexes.length;
  };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;
