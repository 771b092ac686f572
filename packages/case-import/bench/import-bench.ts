/**
 * Import speed: generates N rows (default 50,000) as a CSV file, then parses,
 * validates and imports them as a sub-bureau clerk through the app's login
 * (RLS on, audit triggers on), and prints rows/s for each phase and overall.
 * Not a test. Runs on a throwaway embedded Postgres unless BENCH_DATABASE_URL
 * points at a migrated database (it then adds its own units and user there).
 *
 *   npx tsx packages/case-import/bench/import-bench.ts [rows] [--xlsx] [--floor]
 *
 * --floor: then writes 10,000 of the imported cases again (new ids and
 * numbers, rolled back) with EXPLAIN ANALYZE, twice: as the importing user
 * with everything on, and as superuser with every trigger, foreign key and
 * policy off (session_replication_role = replica), the tables and their
 * indexes alone. The difference is what the integrity work costs per case.
 */
import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { asCaseWriter, createAppSql, createOwnerSql, migrate, verifyAuditChains, withClaims, type Sql, type TxSql } from "@thads/db";
import { freePort, startEmbedded } from "@thads/db/embedded";
import { COLUMNS } from "../src/columns.ts";
import { importCases } from "../src/import.ts";
import { parseCsv, parseXlsx } from "../src/parse.ts";
import type { ImportProgress } from "../src/types.ts";

const args = process.argv.slice(2);
const N = Number(args.find((a) => /^\d+$/.test(a)) ?? 50_000);
const asXlsx = args.includes("--xlsx");
const withFloor = args.includes("--floor");
const PASSWORD = "thads-app-bench-only";

const courts = ["Tòa án nhân dân thành phố Hải Phòng", "Tòa án nhân dân khu vực 1 - Hải Phòng", "Tòa án nhân dân khu vực 2 - Hải Phòng"];
const names = ["Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Công ty TNHH Thương mại Hải Âu"];
const types = ["dan_su", "hinh_su", "kinh_doanh_thuong_mai", "hon_nhan_gia_dinh", "lao_dong"];

function generate(n: number, unitCodes: string[], tag: string): string[][] {
  const rows: string[][] = [];
  for (let i = 0; i < n; i++) {
    const day = 1 + (i % 28);
    // Every tenth case shares the judgment of the case before it (judgment reuse).
    const j = i % 10 === 1 ? i - 1 : i;
    const v: Record<string, string> = {
      so_thu_ly: `${i + 1}/QĐ-${tag}`,
      ngay_thu_ly: `${String(day).padStart(2, "0")}/11/2025`,
      nguon: i % 5 ? "toa_an" : "don_yeu_cau",
      hinh_thuc: i % 3 ? "theo_yeu_cau" : "chu_dong",
      don_vi: unitCodes[i % unitCodes.length]!,
      toa_an: courts[j % courts.length]!,
      so_ban_an: `${j + 1}/2025/${tag}`,
      ngay_ban_an: `${String(day).padStart(2, "0")}/10/2025`,
      loai_ban_an: types[i % types.length]!,
      tin_dung_ngan_hang: i % 4 ? "khong" : "co",
      tham_nhung: i % 50 ? "khong" : "co",
      nguoi_duoc_thi_hanh: i % 4 ? names[(i + 1) % names.length]! : "Ngân hàng TMCP Á Châu",
      loai_nguoi_duoc: i % 4 ? "ca_nhan" : "to_chuc",
      so_giay_to_nguoi_duoc: `0${String(31085000000 + i)}`,
      dia_chi_nguoi_duoc: "Lê Chân, Hải Phòng",
      nguoi_phai_thi_hanh: names[i % names.length]!,
      loai_nguoi_phai: i % 5 === 4 ? "to_chuc" : "ca_nhan",
      so_giay_to_nguoi_phai: `0${String(31090000000 + i)}`,
      dia_chi_nguoi_phai: `Số ${i % 300} đường Lạch Tray, Ngô Quyền, Hải Phòng`,
      so_tien: (BigInt(1_000_000 + ((i * 7919) % 900_000_000)) * 1000n).toLocaleString("de-DE"),
    };
    rows.push(COLUMNS.map((c) => v[c.key]!));
  }
  return rows;
}

function toCsv(rows: string[][]): string {
  const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return `${[COLUMNS.map((c) => c.key).join(","), ...rows.map((r) => r.map(q).join(","))].join("\n")}\n`;
}

async function toXlsx(rows: string[][]): Promise<Buffer> {
  const ExcelJS = (await import("exceljs")).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("viec_thi_hanh_an");
  ws.addRow(COLUMNS.map((c) => c.key));
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function setupTenant(owner: Sql) {
  const tag = randomUUID().slice(0, 6).toUpperCase();
  const [nat] = await owner<{ id: string }[]>`select id from public.units where kind = 'national' limit 1`;
  const national =
    nat?.id ??
    (
      await owner<{ id: string }[]>`
    insert into public.units (kind, code, name) values ('national', ${`NAT-${tag}`}, 'Cục Quản lý THADS') returning id`
    )[0]!.id;
  const prov = { id: randomUUID() };
  await owner`insert into public.units (id, kind, code, name, parent_id, province_id)
              values (${prov.id}, 'province', ${`P-BENCH-${tag}`}, 'THADS thành phố Hải Phòng', ${national}, ${prov.id})`;
  const codes: string[] = [];
  for (const n of [1, 2]) {
    const code = `P-BENCH-${tag}-KV0${n}`;
    await owner`insert into public.units (kind, code, name, parent_id, province_id)
                values ('subunit', ${code}, ${`Phòng THADS khu vực ${n}`}, ${prov.id}, ${prov.id})`;
    codes.push(code);
  }
  const user = randomUUID();
  await owner`insert into auth.users (id, email, encrypted_password, aud, role)
              values (${user}, ${`bench.${tag}@test.vn`.toLowerCase()}, 'x', 'authenticated', 'authenticated')`;
  await owner`insert into public.profiles (id, full_name, email, unit_id) values (${user}, 'Cán bộ nhập liệu', ${`bench.${tag}@test.vn`}, ${prov.id})`;
  await owner`insert into public.memberships (user_id, unit_id, role) values (${user}, ${prov.id}, 'province_staff')`;
  return { tag, codes, user, province: prov.id };
}

class Rollback extends Error {}

/** Database time (ms, from EXPLAIN ANALYZE) of writing `n` copies of the province's cases, their parties, events and judgments. */
async function insertTime(tx: TxSql, province: string, n: number, bare: boolean): Promise<number> {
  // Without triggers nothing derives the tenant keys: the bare run writes them itself.
  const cols = bare ? "province_id, unit_id, " : "";
  const jcols = bare ? "province_id, unit_id" : "unit_id";
  await tx.unsafe(`
    create temp table src_cases on commit drop as
      select c.*, gen_random_uuid() as new_id from public.cases c where c.province_id = '${province}' limit ${n};
    create temp table src_parties on commit drop as
      select p.*, s.new_id from public.case_parties p join src_cases s on s.id = p.case_id;
    create temp table src_events on commit drop as
      select e.*, s.new_id from public.case_events e join src_cases s on s.id = e.case_id;
    create temp table src_judgments on commit drop as
      select * from public.judgments where province_id = '${province}' limit ${Math.round(n * 0.9)};
    grant select on src_cases, src_parties, src_events, src_judgments to case_writer;`);
  if (!bare) await asCaseWriter(tx);
  const statements = [
    `insert into public.judgments (${jcols}, court_name, judgment_number, judgment_date, judgment_type)
       select ${jcols}, court_name, judgment_number || '-f', judgment_date, judgment_type from src_judgments
       on conflict (province_id, court_name, judgment_number) do nothing`,
    `insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, is_bank_credit,
       is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on, money_due, next_deadline_on, next_deadline_kind)
     select new_id, unit_id, province_id, case_number || '-f', accepted_on, decision_kind, judgment_type, is_bank_credit,
       is_corruption, debtor_name, creditor_name, judgment_id, source, 'accepted', accepted_on, money_due, next_deadline_on, next_deadline_kind
     from src_cases on conflict (province_id, case_number) do nothing`,
    `insert into public.case_parties (${cols}case_id, role, kind, full_name, id_number, address)
       select ${cols}new_id, role, kind, full_name, id_number, address from src_parties`,
    `insert into public.case_events (${cols}case_id, kind, effective_date, payload, actor_id, idempotency_key)
       select ${cols}new_id, kind, effective_date, payload, actor_id, new_id from src_events`,
  ];
  let ms = 0;
  for (const q of statements) {
    const plan = await tx.unsafe<{ "QUERY PLAN": string }[]>(`explain (analyze, timing off, costs off, summary on) ${q}`);
    const line = plan.map((r) => r["QUERY PLAN"]).find((l) => l.startsWith("Execution Time"));
    ms += Number(/([\d.]+) ms/.exec(line ?? "")?.[1] ?? NaN);
  }
  return ms;
}

async function floor(owner: Sql, app: Sql, t: { user: string; province: string }, n: number) {
  const on = await withClaims(app, { sub: t.user, role: "authenticated" }, async (tx) => {
    const ms = await insertTime(tx, t.province, n, false);
    throw Object.assign(new Rollback(), { ms });
  }).catch((e) => (e instanceof Rollback ? (e as Rollback & { ms: number }).ms : Promise.reject(e)));
  const bare = await owner
    .begin(async (tx) => {
      await tx`set local session_replication_role = replica`;
      const ms = await insertTime(tx, t.province, n, true);
      throw Object.assign(new Rollback(), { ms });
    })
    .catch((e) => (e instanceof Rollback ? (e as Rollback & { ms: number }).ms : Promise.reject(e)));
  const us = (ms: number) =>
    `${((ms * 1000) / n).toFixed(0)} µs per case (${Math.round(n / (ms / 1000)).toLocaleString("en-US")} cases/s, database alone)`;
  console.log(`floor, ${n} cases again: everything on ${us(on)}; tables and indexes only ${us(bare)}`);
}

async function main() {
  let ownerUrl = process.env.BENCH_DATABASE_URL;
  let appUrl = process.env.BENCH_APP_DATABASE_URL;
  let stop = async () => {};
  if (!ownerUrl) {
    const dir = mkdtempSync(path.join(tmpdir(), "thads-bench-"));
    chmodSync(dir, 0o755);
    const server = await startEmbedded({ dataDir: path.join(dir, "pg"), port: await freePort(), quiet: true, persistent: false });
    ownerUrl = server.url;
    const app = new URL(server.url);
    app.username = "thads_app";
    app.password = PASSWORD;
    appUrl = app.toString();
    stop = async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const owner = createOwnerSql(ownerUrl, { max: 1 });
  const app = createAppSql(appUrl!, { max: 1 });
  try {
    if (!process.env.BENCH_DATABASE_URL) await migrate(owner, { appPassword: PASSWORD });
    const t = await setupTenant(owner);
    const rows = generate(N, t.codes, t.tag);
    const file = asXlsx ? await toXlsx(rows) : Buffer.from(toCsv(rows), "utf8");
    console.log(`${N} rows, ${asXlsx ? "xlsx" : "csv"} ${(file.length / 1024 / 1024).toFixed(1)} MB, as province staff (RLS + audit on)`);

    const auditBefore = Number((await owner<{ n: bigint }[]>`select count(*) as n from public.audit_log`)[0]!.n);
    const t0 = performance.now();
    const parsed = asXlsx ? await parseXlsx(file) : await parseCsv(file);
    const parseMs = performance.now() - t0;
    let firstWriteAt = 0;
    const result = await withClaims(app, { sub: t.user, role: "authenticated" }, (tx) =>
      importCases(tx, parsed, {
        actor: { userId: t.user, roles: ["province_staff"] },
        onProgress: (p: ImportProgress) => {
          if (p.written && !firstWriteAt) firstWriteAt = performance.now();
        },
      }),
    );
    const total = performance.now() - t0;
    const importMs = total - parseMs;
    if (!result.ok) {
      console.error(result.errors.slice(0, 10));
      throw new Error(`import failed: ${result.errorCount} errors`);
    }
    const auditRows = Number((await owner<{ n: bigint }[]>`select count(*) as n from public.audit_log`)[0]!.n) - auditBefore;
    const dbRows = result.imported * 4 + result.judgments.created; // case, 2 parties, event per row + new judgments
    const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString("en-US");
    console.log(`parse             ${(parseMs / 1000).toFixed(2)} s  ${rate(N, parseMs)} rows/s`);
    console.log(
      `validate + write  ${(importMs / 1000).toFixed(2)} s  ${rate(N, importMs)} rows/s (validation of each chunk overlaps the write of the previous one)`,
    );
    console.log(
      `total             ${(total / 1000).toFixed(2)} s  ${rate(N, total)} file rows/s = ${rate(dbRows, total)} table rows/s + ${rate(auditRows, total)} audit rows/s`,
    );
    console.log(
      `written: ${result.imported} cases, ${result.imported * 2} parties, ${result.imported} events, ${result.judgments.created} judgments (${result.imported - result.judgments.created} cases share one); ${auditRows} audit rows`,
    );
    const v0 = performance.now();
    const chains = await verifyAuditChains(owner);
    const broken = chains.filter((c) => c.firstBrokenId !== null);
    console.log(
      `audit_verify ${((performance.now() - v0) / 1000).toFixed(2)} s: ${broken.length ? `BROKEN ${JSON.stringify(broken)}` : "all chains intact"}`,
    );
    if (broken.length) process.exitCode = 1;
    if (withFloor) await floor(owner, app, t, Math.min(10_000, result.imported));
  } finally {
    await app.end();
    await owner.end();
    await stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
