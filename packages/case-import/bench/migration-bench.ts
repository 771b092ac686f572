/**
 * A province moving in: generates N cases (default 200,000) with their histories, about ten steps
 * each (≈ 2 million rows in the events file), then migrates them in ONE transaction as province
 * staff through the app's login: row-level security, tenant triggers, foreign keys, the audit trail
 * (a row per written row; the ledger's bulk inserts a digest row per statement) and the statistics aggregates (kept by the ledger's triggers)
 * all on. Prints each phase, rows per second and the load average, verifies the audit chains.
 * Not a test. Runs on a throwaway embedded Postgres.
 *
 *   npm run bench:migration -- [cases] [--chunk rows] [--audit-per-row] [--floor [--profile] [--triggers]]
 *
 * The ledger's inserts of 1,000 rows or more are audited as one digest row per statement and chain
 * (ADR 021, migration 20261215000100); --audit-per-row audits them one row per row instead, as
 * before that migration, to compare the two on the same script.
 *
 * The file limits of the page and the command line (50 MB, 500,000 rows a file) would split the
 * 2 million events into five files; the benchmark reads them as one, with the limits raised.
 *
 * --floor: then writes 10,000 of the migrated cases again (new ids and numbers: the case, its
 * parties, obligations and whole ledger; rolled back) under EXPLAIN ANALYZE, as the importing user
 * with everything on, and as superuser with every trigger, foreign key and policy off
 * (session_replication_role = replica): the tables and their indexes alone.
 * --profile (with --floor): the same writes without the audit of inserts, then without the
 * statistics triggers, one family at a time.
 */
import { randomUUID } from "node:crypto";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { asCaseWriter, createAppSql, createOwnerSql, migrate, verifyAuditChains, withClaims, type Sql, type TxSql } from "@thads/db";
import { freePort, startEmbedded } from "@thads/db/embedded";
import { addCalendarDays } from "@thads/domain";
import { COLUMNS } from "../src/columns.ts";
import { EVENT_FILE, MIGRATION_CASE_FILE } from "../src/migration/columns.ts";
import { importMigration, type MigrationProgress } from "../src/migration/migrate.ts";
import { parseCsv } from "../src/parse.ts";

const args = process.argv.slice(2);
const N = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== "--chunk") ?? 200_000);
const withFloor = args.includes("--floor");
const withProfile = args.includes("--profile");
const auditPerRow = args.includes("--audit-per-row");
// --triggers (with --floor): the first round with everything on prints each statement's trigger times.
let showTriggers = args.includes("--triggers");
// Rows per statement of the write (the importer's default unless given).
const chunkArg = args[args.indexOf("--chunk") + 1];
const chunkSize = args.includes("--chunk") ? Number(chunkArg) : undefined;
if (chunkSize !== undefined && !(Number.isInteger(chunkSize) && chunkSize > 0)) throw new Error("--chunk: a whole number of rows");
const PASSWORD = "thads-app-bench-only";
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");

const vi = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

/** N cases and their histories: 60 % paid in five instalments and completed, 20 % paid in part then postponed and resumed, 20 % not yet enforceable and re-verified. */
function generate(n: number, unitCodes: string[], tag: string, executors: string[]) {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  const caseKeys = [...COLUMNS.map((c) => c.key), "chap_hanh_vien"];
  const cases: string[] = [caseKeys.join(",")];
  const events: string[] = ["so_thu_ly,loai_su_kien,ngay_thuc_hien,ket_qua,so_tien,so_bien_lai,ly_do"];
  let eventRows = 0;
  for (let i = 0; i < n; i++) {
    const accepted = addCalendarDays("2019-01-02", i % 2000);
    const amount = BigInt(5_000_000 + ((i * 7919) % 900_000_000)) * 1000n;
    const number = `${i + 1}/QĐ-${tag}`;
    const u = i % unitCodes.length;
    const v: Record<string, string> = {
      so_thu_ly: number,
      ngay_thu_ly: vi(accepted),
      nguon: "toa_an",
      hinh_thuc: "chu_dong",
      don_vi: unitCodes[u]!,
      toa_an: "Tòa án nhân dân thành phố Hải Phòng",
      so_ban_an: `${i + 1}/${tag}`,
      ngay_ban_an: vi(addCalendarDays(accepted, -20)),
      loai_ban_an: ["dan_su", "hinh_su", "kinh_doanh_thuong_mai", "hon_nhan_gia_dinh", "lao_dong"][i % 5]!,
      tin_dung_ngan_hang: i % 4 ? "khong" : "co",
      tham_nhung: i % 50 ? "khong" : "co",
      nguoi_duoc_thi_hanh: "Ngân hàng TMCP Á Châu",
      loai_nguoi_duoc: "to_chuc",
      so_giay_to_nguoi_duoc: "0301452948",
      dia_chi_nguoi_duoc: "Quận 3, TP Hồ Chí Minh",
      nguoi_phai_thi_hanh: ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung"][i % 4]!,
      loai_nguoi_phai: "ca_nhan",
      so_giay_to_nguoi_phai: `0${String(31090000000 + i)}`,
      dia_chi_nguoi_phai: `Số ${i % 300} đường Lạch Tray, Ngô Quyền, Hải Phòng`,
      so_tien: amount.toString(),
      chap_hanh_vien: executors[u]!,
    };
    cases.push(caseKeys.map((k) => q(v[k] ?? "")).join(","));
    let day = addCalendarDays(accepted, 3);
    const ev = (kind: string, gap: number, more: Partial<Record<"result" | "amount" | "receipt" | "reason", string>> = {}) => {
      day = addCalendarDays(day, gap);
      events.push([number, kind, vi(day), more.result ?? "", more.amount ?? "", more.receipt ?? "", more.reason ?? ""].map(q).join(","));
      eventRows++;
    };
    ev("decision", 0);
    ev("notification", 1);
    ev("verification", 30);
    const kind = i % 5;
    if (kind < 3) {
      ev("classification", 1, { result: "co_dieu_kien" });
      const part = amount / 5n;
      for (let k = 0; k < 5; k++) ev("payment", 20, { amount: String(k < 4 ? part : amount - 4n * part), receipt: `BL-${i}-${k}` });
      ev("completion", 5);
    } else if (kind === 3) {
      ev("classification", 1, { result: "co_dieu_kien" });
      for (let k = 0; k < 4; k++) ev("payment", 20, { amount: String(amount / 10n), receipt: `BL-${i}-${k}` });
      ev("postponement", 10, { reason: "Người phải thi hành án bị ốm nặng (Điều 48 Luật THADS)" });
      ev("resumption", 60);
    } else {
      ev("classification", 1, { result: "chua_co_dieu_kien" });
      for (let k = 0; k < 3; k++) {
        ev("verification", 180);
        ev("classification", 1, { result: "chua_co_dieu_kien" });
      }
    }
  }
  return { cases: `${cases.join("\n")}\n`, events: `${events.join("\n")}\n`, eventRows };
}

async function setupTenant(owner: Sql) {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const [nat] = await owner<{ id: string }[]>`select id from public.units where kind = 'national' limit 1`;
  const national =
    nat?.id ??
    (
      await owner<
        { id: string }[]
      >`insert into public.units (kind, code, name) values ('national', ${`NAT-${tag}`}, 'Cục Quản lý THADS') returning id`
    )[0]!.id;
  const province = randomUUID();
  await owner`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${province}, 'province', ${`P-MIG-${tag}`}, 'THADS thành phố Hải Phòng', ${national}, ${province})`;
  const codes: string[] = [];
  const executors: string[] = [];
  const addUser = async (key: string, unit: string, role: string) => {
    const id = randomUUID();
    const email = `${key}.${tag}@bench.vn`.toLowerCase();
    await owner`insert into auth.users (id, email, encrypted_password, aud, role) values (${id}, ${email}, 'x', 'authenticated', 'authenticated')`;
    await owner`insert into public.profiles (id, full_name, email, unit_id) values (${id}, ${key}, ${email}, ${unit})`;
    await owner`insert into public.memberships (user_id, unit_id, role) values (${id}, ${unit}, ${role})`;
    return { id, email };
  };
  for (let n = 1; n <= 10; n++) {
    const code = `P-MIG-${tag}-KV${String(n).padStart(2, "0")}`;
    const [u] = await owner<{ id: string }[]>`insert into public.units (kind, code, name, parent_id, province_id)
                values ('subunit', ${code}, ${`Phòng THADS khu vực ${n}`}, ${province}, ${province}) returning id`;
    codes.push(code);
    executors.push((await addUser(`executor${n}`, u!.id, "executor")).email);
  }
  const staff = await addUser("staff", province, "province_staff");
  return { tag, codes, executors, user: staff.id, province };
}

class Rollback extends Error {}

/** Database time (ms, EXPLAIN ANALYZE) of writing `n` of the province's migrated cases again with everything they have. */
async function insertTime(tx: TxSql, province: string, n: number, bare: boolean): Promise<number> {
  const tenant = bare ? "province_id, unit_id, " : "";
  await tx.unsafe(`
    create temp table src_cases on commit drop as
      select c.*, gen_random_uuid() as new_id from public.cases c where c.province_id = '${province}' limit ${n};
    create temp table src_parties on commit drop as select p.*, s.new_id from public.case_parties p join src_cases s on s.id = p.case_id;
    create temp table src_obligations on commit drop as select o.*, s.new_id from public.case_obligations o join src_cases s on s.id = o.case_id;
    create temp table src_events on commit drop as select e.*, s.new_id from public.case_events e join src_cases s on s.id = e.case_id order by e.id;
    grant select on src_cases, src_parties, src_obligations, src_events to case_writer;`);
  if (!bare) await asCaseWriter(tx);
  const statements = [
    `insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, is_bank_credit,
       is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on, money_due, money_collected, executor_id,
       decision_date, closed_on, next_deadline_on, next_deadline_kind)
     select new_id, unit_id, province_id, case_number || '-f', accepted_on, decision_kind, judgment_type, is_bank_credit,
       is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on, money_due, money_collected, executor_id,
       decision_date, closed_on, next_deadline_on, next_deadline_kind
     from src_cases`,
    `insert into public.case_parties (${tenant}case_id, role, kind, full_name, id_number, address)
       select ${tenant}new_id, role, kind, full_name, id_number, address from src_parties`,
    `insert into public.case_obligations (${tenant}case_id, code, kind, amount, paid, description, performed_on)
       select ${tenant}new_id, code, kind, amount, paid, description, performed_on from src_obligations`,
    `insert into public.case_events (${tenant}case_id, kind, effective_date, payload, actor_id, idempotency_key)
       select ${tenant}new_id, kind, effective_date, payload, actor_id, idempotency_key from src_events order by id`,
  ];
  let ms = 0;
  for (const q of statements) {
    const plan = await tx.unsafe<{ "QUERY PLAN": string }[]>(
      `explain (analyze, timing ${showTriggers && !bare ? "on" : "off"}, costs off, summary on) ${q}`,
    );
    const line = plan.map((r) => r["QUERY PLAN"]).find((l) => l.startsWith("Execution Time"));
    ms += Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? Number.NaN);
    if (showTriggers && !bare) {
      console.log(`  ${/insert into (\S+)/.exec(q)?.[1]}: ${line}`);
      for (const l of plan.map((r) => r["QUERY PLAN"]).filter((x) => x.startsWith("Trigger"))) console.log(`    ${l}`);
    }
  }
  if (!bare) showTriggers = false;
  return ms;
}

async function floor(owner: Sql, app: Sql, t: { user: string; province: string }, n: number, rowsPerCase: number) {
  const measure = (run: () => Promise<never>) =>
    run().catch((e) => (e instanceof Rollback ? (e as Rollback & { ms: number }).ms : Promise.reject(e)));
  const everything = () =>
    measure(() =>
      withClaims(app, { sub: t.user, role: "authenticated" }, async (tx) => {
        throw Object.assign(new Rollback(), { ms: await insertTime(tx, t.province, n, false) });
      }),
    );
  // The same with some triggers off (this database is the benchmark's own), turned on again after.
  const without = async (triggers: readonly (readonly [string, string])[]) => {
    for (const [table, trigger] of triggers) await owner.unsafe(`alter table public.${table} disable trigger ${trigger}`);
    try {
      return await everything();
    } finally {
      for (const [table, trigger] of triggers) await owner.unsafe(`alter table public.${table} enable trigger ${trigger}`);
    }
  };
  // What notifying creditors adds to a bulk write of history.
  const withoutNotifications = () => without([["case_events", "case_events_notify"]]);
  // Interleaved, three rounds: the two differ by one trigger, so the machine's drift must not decide.
  const on: number[] = [];
  const quiet: number[] = [];
  for (let round = 0; round < 3; round++) {
    on.push(await everything());
    quiet.push(await withoutNotifications());
  }
  const bare = await measure(() =>
    owner.begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      throw Object.assign(new Rollback(), { ms: await insertTime(tx, t.province, n, true) });
    }),
  );
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const per = (ms: number) =>
    `${((ms * 1000) / n).toFixed(0)} µs per case, ${Math.round((n * rowsPerCase) / (ms / 1000)).toLocaleString("en-US")} table rows/s, ${N.toLocaleString("en-US")} cases ≈ ${(((ms / n) * N) / 1000).toFixed(0)} s`;
  const rounds = (xs: number[]) => xs.map((ms) => `${((ms * 1000) / n).toFixed(0)}`).join(" / ");
  console.log(`floor, ${n} migrated cases written again (database time, EXPLAIN ANALYZE; median of 3 interleaved rounds):`);
  console.log(
    `  everything on (RLS, tenant triggers, foreign keys, audit, statistics, notifications): ${per(median(on))} [rounds, µs per case: ${rounds(on)}]`,
  );
  console.log(`  the same without the creditors' notification trigger on the ledger: ${per(median(quiet))} [rounds: ${rounds(quiet)}]`);
  console.log(`  notification trigger's share: ${(((median(on) - median(quiet)) / median(on)) * 100).toFixed(1)} %`);
  console.log(`  tables and indexes only (replica role: no trigger, foreign key or policy): ${per(bare)}`);
  if (withProfile) {
    // Where the rest goes: the same writes without one family of triggers at a time (one round each).
    const families: [string, (readonly [string, string])[]][] = [
      [
        "the audit of inserted rows",
        ["cases", "case_parties", "case_obligations", "case_events"].map((t) => [t, `${t}_audit_insert`] as const),
      ],
      ["the statistics aggregates", [["case_events", "case_events_stats"]]],
    ];
    for (const [label, triggers] of families) {
      const ms = await without(triggers);
      console.log(`  without ${label}: ${per(ms)} (${(((median(on) - ms) / median(on)) * 100).toFixed(1)} % less)`);
    }
  }
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), "thads-bench-"));
  chmodSync(dir, 0o755);
  const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), quiet: true, persistent: false });
  const appUrl = new URL(server.url);
  appUrl.username = "thads_app";
  appUrl.password = PASSWORD;
  const owner = createOwnerSql(server.url, { max: 1 });
  const app = createAppSql(appUrl.toString(), { max: 1 });
  try {
    await migrate(owner, { appPassword: PASSWORD });
    if (auditPerRow) {
      // The ledger's insert audit without its batch threshold: one audit row per ledger row.
      await owner`drop trigger case_events_audit_insert on public.case_events`;
      await owner`create trigger case_events_audit_insert after insert on public.case_events
        referencing new table as new_rows for each statement execute function app_private.audit_inserted_rows()`;
    }
    console.log(
      `ledger audit: ${auditPerRow ? "one audit row per ledger row (--audit-per-row)" : "one digest row per bulk insert and chain"}`,
    );
    const t = await setupTenant(owner);
    const g0 = performance.now();
    const files = generate(N, t.codes, t.tag, t.executors);
    console.log(
      `${N.toLocaleString("en-US")} cases (${(files.cases.length / 1e6).toFixed(0)} MB) and ${files.eventRows.toLocaleString("en-US")} events (${(files.events.length / 1e6).toFixed(0)} MB), generated in ${((performance.now() - g0) / 1000).toFixed(1)} s; load average ${load()}`,
    );
    const limits = { maxBytes: 2 ** 31, maxRows: 10_000_000 };
    const t0 = performance.now();
    const cases = await parseCsv(files.cases, { ...limits, columns: MIGRATION_CASE_FILE });
    const events = await parseCsv(files.events, { ...limits, columns: EVENT_FILE });
    const parseMs = performance.now() - t0;
    const counts0 = await tableCounts(owner);
    let lastLog = 0;
    let lastPhase = "";
    const result = await withClaims(app, { sub: t.user, role: "authenticated" }, (tx) =>
      importMigration(
        tx,
        { cases, events },
        {
          actor: { userId: t.user, roles: ["province_staff"] },
          ...(chunkSize ? { chunkSize } : {}),
          onProgress: (p: MigrationProgress) => {
            const now = performance.now();
            // Every 15 s, and at each change of phase.
            if (now - lastLog < 15_000 && p.phase !== "done" && p.phase === lastPhase) return;
            lastLog = now;
            lastPhase = p.phase;
            console.error(
              `  [${((now - t0) / 1000).toFixed(0)} s] ${p.phase}: checked ${p.checked}/${p.total}, written ${p.written}; load ${load()}`,
            );
          },
        },
      ),
    );
    const total = performance.now() - t0;
    if (!result.ok) {
      console.error(result.errors.slice(0, 10));
      throw new Error(`migration refused: ${result.errorCount} errors`);
    }
    const counts = await tableCounts(owner);
    const d = Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v - counts0[k as keyof typeof counts]!])) as typeof counts;
    const tableRows = d.cases + d.parties + d.obligations + d.events + d.judgments;
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
    const fileRows = N + files.eventRows;
    console.log(`parse both files  ${(parseMs / 1000).toFixed(1)} s`);
    console.log(`migrate           ${((total - parseMs) / 1000).toFixed(1)} s (validate, replay every history, write, in one transaction)`);
    console.log(
      `total             ${(total / 1000).toFixed(1)} s: ${rate(fileRows, total)} file rows/s, ${rate(tableRows, total)} table rows/s + ${rate(d.audit, total)} audit rows/s`,
    );
    console.log(
      `written: ${d.cases} cases, ${d.parties} parties, ${d.obligations} obligations, ${d.events} ledger rows, ${d.judgments} judgments; ${d.audit} audit rows; ${d.stats} statistics rows; load average ${load()}`,
    );
    const v0 = performance.now();
    const broken = (await verifyAuditChains(owner)).filter((c) => c.firstBrokenId !== null);
    console.log(
      `audit_verify ${((performance.now() - v0) / 1000).toFixed(1)} s: ${broken.length ? `BROKEN ${JSON.stringify(broken)}` : "all chains intact"}`,
    );
    if (broken.length) process.exitCode = 1;
    if (withFloor) await floor(owner, app, t, Math.min(10_000, N), tableRows / N);
  } finally {
    await app.end();
    await owner.end();
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function tableCounts(owner: Sql) {
  const [r] = await owner<
    { cases: number; parties: number; obligations: number; events: number; judgments: number; audit: number; stats: number }[]
  >`
    select (select count(*)::int from public.cases) as cases, (select count(*)::int from public.case_parties) as parties,
           (select count(*)::int from public.case_obligations) as obligations, (select count(*)::int from public.case_events) as events,
           (select count(*)::int from public.judgments) as judgments, (select count(*)::int from public.audit_log) as audit,
           (select count(*)::int from public.stat_daily) as stats`;
  return r!;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
