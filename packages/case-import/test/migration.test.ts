import { describe, expect, it } from "vitest";
import type { Actor } from "@thads/core";
import { CaseFilterSchema, listCases } from "@thads/core/cases";
import { continuityReport, readScopeStats, unitByCode } from "@thads/core/stats";
import { verifyAuditChains, withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { STAT_FIGURES, type Role } from "@thads/domain";
import { EVENT_FILE, MIGRATION_CASE_FILE } from "../src/migration/columns.ts";
import { importMigration, type MigrationOptions } from "../src/migration/migrate.ts";
import { parseCsv } from "../src/parse.ts";
import { row } from "./helpers.ts";

const ctx = useTenantFixture();
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
const unitA1 = () => `P-A-${ctx.fx.tag}-KV01`;
const unitA9 = () => `P-A-${ctx.fx.tag}-KV09`;

type Cells = Record<string, string>;

function field(v: string): string {
  return v.includes('"') || v.includes(",") || v.includes("\n") ? `"${v.replace(/"/g, '""')}"` : v;
}
function table(rows: Cells[]): string {
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return `${[keys.join(","), ...rows.map((r) => keys.map((k) => field(r[k] ?? "")).join(","))].join("\n")}\n`;
}

/** Parses both files and runs the migration as province staff, in one transaction. */
async function migrate(cases: Cells[] | null, events: Cells[] | null, opts: Partial<MigrationOptions> = {}) {
  const files = {
    cases: cases ? await parseCsv(table(cases), { columns: MIGRATION_CASE_FILE }) : undefined,
    events: events ? await parseCsv(table(events), { columns: EVENT_FILE }) : undefined,
  };
  return withClaims(ctx.app, claims(ctx.fx.users.province_staff!), (tx) =>
    importMigration(tx, files, { actor: actor("province_staff", "province_staff"), today: "2026-12-05", ...opts }),
  );
}

const step = (so_thu_ly: string, loai_su_kien: string, ngay_thuc_hien: string, more: Cells = {}): Cells => ({
  so_thu_ly,
  loai_su_kien,
  ngay_thuc_hien,
  ...more,
});

/** A completed case, a partly paid one and a not-yet-enforceable one, with their histories (2025 rules). */
function histories(unit: string) {
  const c = [
    row(unit, { ngay_thu_ly: "03/11/2025", so_tien: "10.000.000" }),
    row(unit, { ngay_thu_ly: "04/11/2025", so_tien: "20.000.000" }),
    row(unit, { ngay_thu_ly: "05/11/2025", so_tien: "30.000.000" }),
  ] as Cells[];
  const [a, b, n] = c.map((x) => x.so_thu_ly!) as [string, string, string];
  const events = [
    step(a, "quyết định thi hành án", "05/11/2025", { so_quyet_dinh: "11/QĐ-CTHADS" }),
    step(a, "notification", "06/11/2025"),
    step(a, "verification", "01/12/2025", { ket_qua_xac_minh: "Có tài khoản ngân hàng" }),
    step(a, "classification", "02/12/2025", { ket_qua: "co_dieu_kien" }),
    step(a, "payment", "10/12/2025", { so_tien: "10.000.000", so_bien_lai: "BL-1" }),
    step(a, "thi hành xong", "15/12/2025"),
    step(b, "decision", "06/11/2025"),
    step(b, "notification", "07/11/2025"),
    step(b, "verification", "02/12/2025"),
    step(b, "phân loại điều kiện thi hành án", "03/12/2025", { ket_qua: "co_dieu_kien" }),
    step(b, "payment", "11/12/2025", { so_tien: "5.000.000" }),
    step(n, "decision", "07/11/2025"),
    step(n, "notification", "08/11/2025"),
    step(n, "verification", "03/12/2025"),
    step(n, "classification", "04/12/2025", { ket_qua: "chua_co_dieu_kien" }),
  ];
  return { cases: c, events, numbers: [a, b, n] as [string, string, string] };
}

async function casesByNumber(numbers: string[]) {
  return ctx.owner<
    { case_number: string; status: string; money_due: string; money_collected: string; closed_on: string | null; version: number }[]
  >`
    select case_number, status, money_due::text, money_collected::text, closed_on::text, version
    from public.cases where case_number = any(${numbers}) order by case_number`;
}
async function ledgerSize(numbers: string[]) {
  const [r] = await ctx.owner<{ events: number; audit: number }[]>`
    select (select count(*)::int from public.case_events e join public.cases c on c.id = e.case_id where c.case_number = any(${numbers})) as events,
           (select count(*)::int from public.audit_log where province_id = ${ctx.fx.units.a}) as audit`;
  return r!;
}

type Stats = Awaited<ReturnType<typeof readScopeStats>>;
const minus = (a: Stats, b: Stats): Stats => ({
  cases: Object.fromEntries(Object.entries(a.cases).map(([k, v]) => [k, v - b.cases[k as keyof Stats["cases"]]])) as Stats["cases"],
  money: Object.fromEntries(Object.entries(a.money).map(([k, v]) => [k, v - b.money[k as keyof Stats["money"]]])) as Stats["money"],
});

describe("importMigration", () => {
  it("replays a full history: statuses, money and obligations as the steps on the page would leave them; audit chain intact", async () => {
    const h = histories(unitA1());
    const r = await migrate(h.cases, h.events);
    expect(r.errors).toEqual([]);
    expect(r).toMatchObject({ ok: true, written: true, cases: { imported: 3 }, events: { imported: h.events.length } });
    const rows = await casesByNumber(h.numbers);
    const by = new Map(rows.map((x) => [x.case_number, x]));
    expect(by.get(h.numbers[0])).toMatchObject({ status: "completed", money_collected: "10000000", closed_on: "2025-12-15" });
    expect(by.get(h.numbers[1])).toMatchObject({ status: "enforcing", money_due: "20000000", money_collected: "5000000" });
    expect(by.get(h.numbers[2])).toMatchObject({ status: "not_yet_enforceable", money_collected: "0" });
    const marks = await ctx.owner<{ migrated: string | null; n: number }[]>`
      select e.payload->>'migrated' as migrated, count(*)::int as n from public.case_events e join public.cases c on c.id = e.case_id
      where c.case_number = any(${h.numbers}) and e.kind <> 'acceptance' group by 1`;
    expect(marks).toEqual([{ migrated: "history", n: h.events.length }]);
    const [o] = await ctx.owner<{ paid: string }[]>`
      select o.paid::text from public.case_obligations o join public.cases c on c.id = o.case_id where c.case_number = ${h.numbers[1]}`;
    expect(o!.paid).toBe("5000000");
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });

  it("refuses a history that breaks a lifecycle rule at its row and column, and writes nothing", async () => {
    const h = histories(unitA1());
    // Verification while the voluntary compliance period is still running (notified on 06/11, verified on 07/11).
    const events = h.events.map((e) =>
      e.so_thu_ly === h.numbers[0] && e.loai_su_kien === "verification" ? { ...e, ngay_thuc_hien: "07/11/2025" } : e,
    );
    const before = await ledgerSize(h.numbers);
    const r = await migrate(h.cases, events);
    expect(r.ok).toBe(false);
    expect(r.written).toBe(false);
    const line = events.findIndex((e) => e.so_thu_ly === h.numbers[0] && e.loai_su_kien === "verification") + 2;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "events", line, column: "ngay_thuc_hien", code: "rule" });
    expect(r.errors[0]!.message).toContain(h.numbers[0]);
    expect(await casesByNumber(h.numbers)).toEqual([]);
    expect(await ledgerSize(h.numbers)).toEqual(before);
  });

  it("takes a ledger's transfer to another district agency of the province before 01/07/2025, and refuses one after, at its row", async () => {
    // A district agency of province A whose cases office A1 took over on 01/07/2025.
    const district = `P-A-${ctx.fx.tag}-CC07`;
    const [d] = await ctx.owner<{ id: string }[]>`
      insert into public.units (kind, code, name, parent_id, province_id, dissolved_on)
      values ('subunit', ${district}, 'Chi cục THADS huyện cũ', ${ctx.fx.units.a}, ${ctx.fx.units.a}, '2025-07-01') returning id`;
    await ctx.owner`insert into public.unit_successions (predecessor_id, successor_id, effective_on, basis, province_id)
                    values (${d!.id}, ${ctx.fx.units.a1}, '2025-07-01', 'Sắp xếp đơn vị từ 01/07/2025', ${ctx.fx.units.a})`;
    const c = row(unitA1(), { ngay_thu_ly: "04/03/2024", ngay_ban_an: "20/02/2024", so_tien: "12.000.000" }) as Cells;
    const n = c.so_thu_ly!;
    const history = [
      step(n, "decision", "06/03/2024"),
      step(n, "notification", "07/03/2024"),
      step(n, "ủy thác cho cơ quan thi hành án dân sự cấp huyện khác trong tỉnh (trước 01/07/2025)", "10/06/2024", {
        don_vi_nhan: district.toLowerCase(),
      }),
    ];
    const late = [...history.slice(0, 2), step(n, "intra_province_transfer", "02/07/2025", { don_vi_nhan: unitA9() })];
    const lateRun = await migrate([c], late);
    expect(lateRun.written).toBe(false);
    expect(lateRun.errors.map((e) => [e.file, e.line, e.column])).toEqual([["events", 4, "ngay_thuc_hien"]]);
    expect(lateRun.errors[0]!.message).toContain("01/07/2025");
    const elsewhere = [...history.slice(0, 2), step(n, "intra_province_transfer", "10/06/2024", { don_vi_nhan: `P-B-${ctx.fx.tag}-KV01` })];
    const elsewhereRun = await migrate([c], elsewhere);
    expect(elsewhereRun.errors.map((e) => [e.file, e.line, e.column])).toEqual([["events", 4, "don_vi_nhan"]]);
    // Sent to office A9 but brought in by A1: the case would stay open where it left.
    const stayed = [...history.slice(0, 2), step(n, "intra_province_transfer", "10/06/2024", { don_vi_nhan: unitA9() })];
    const stayedRun = await migrate([c], stayed);
    expect(stayedRun.errors.map((e) => [e.file, e.line, e.column])).toEqual([["events", 4, "don_vi_nhan"]]);
    expect(stayedRun.errors[0]!.message).toContain("đơn vị đang thụ lý việc");

    const r = await migrate([c], history);
    expect(r.errors).toEqual([]);
    const [written] = await ctx.owner<{ unit: string; status: string; kinds: string[]; to: string }[]>`
      select u.code as unit, c.status::text,
             (select array_agg(e.kind::text order by e.effective_date, e.id) from public.case_events e where e.case_id = c.id) as kinds,
             (select e.payload ->> 'unitId' from public.case_events e where e.case_id = c.id and e.kind = 'intra_province_transfer') as to
        from public.cases c join public.units u on u.id = c.unit_id where c.case_number = ${n}`;
    expect(written).toEqual({
      unit: unitA1(),
      status: "notified",
      kinds: ["acceptance", "decision", "notification", "intra_province_transfer"],
      to: d!.id,
    });
  });

  it("names the row of a payment larger than what is owed, and of an unknown step", async () => {
    const h = histories(unitA1());
    const events = [
      ...h.events,
      step(h.numbers[1], "payment", "20/12/2025", { so_tien: "16.000.000" }),
      step(h.numbers[2], "nộp phạt", "20/12/2025"),
    ];
    const r = await migrate(h.cases, events);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([
      [events.length, "so_tien", "rule"],
      [events.length + 1, "loai_su_kien", "invalid"],
    ]);
    expect(r.written).toBe(false);
  });

  it("refuses an assignment to a regional office at its row: a migrated case comes in at the office that holds it", async () => {
    const h = histories(unitA1());
    const events = [...h.events, step(h.numbers[1], "Giao phòng thi hành án dân sự khu vực", "20/12/2025")];
    const r = await migrate(h.cases, events);
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([[events.length + 1, "loai_su_kien", "unsupported_step"]]);
    expect(r.errors[0]!.message).toContain("don_vi");
    expect(r.written).toBe(false);
    expect(await casesByNumber(h.numbers)).toEqual([]);
  });

  it("partial mode writes the cases whose histories are valid and reports the others", async () => {
    const h = histories(unitA1());
    const events = h.events.filter((e) => !(e.so_thu_ly === h.numbers[2] && e.loai_su_kien === "notification"));
    const r = await migrate(h.cases, events, { allOrNothing: false });
    expect(r.written).toBe(true);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "events", column: "loai_su_kien" });
    const by = new Map((await casesByNumber(h.numbers)).map((c) => [c.case_number, c.status]));
    expect(h.numbers.map((n) => by.get(n))).toEqual(["completed", "enforcing", undefined]);
  });

  it("is re-runnable: the same files again change nothing; a file of newer events appends them", async () => {
    const h = histories(unitA1());
    const first = await migrate(h.cases, h.events);
    expect(first.ok).toBe(true);
    const after = await ledgerSize(h.numbers);
    const rows = await casesByNumber(h.numbers);

    const again = await migrate(h.cases, h.events);
    expect(again.errors).toEqual([]);
    expect(again).toMatchObject({ ok: true, cases: { imported: 0, unchanged: 3 }, events: { imported: 0, unchanged: h.events.length } });
    expect(await ledgerSize(h.numbers)).toEqual(after);
    expect(await casesByNumber(h.numbers)).toEqual(rows);

    const newer = [step(h.numbers[1], "payment", "05/01/2026", { so_tien: "15.000.000" }), step(h.numbers[1], "completion", "06/01/2026")];
    const more = await migrate(null, [...h.events, ...newer]);
    expect(more.errors).toEqual([]);
    expect(more.events).toMatchObject({ imported: 2, unchanged: h.events.length });
    const b = (await casesByNumber([h.numbers[1]]))[0]!;
    expect(b).toMatchObject({ status: "completed", money_collected: "20000000", closed_on: "2026-01-06" });
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });

  it("snapshot mode: the state at the cut-over gives the same statistics for the cut-over period as the full history", async () => {
    // The same three cases twice: by full history in one office, by snapshot in another.
    // Other tests wrote to these offices too: compare what these imports add to their figures.
    const periods = [
      ["2025-10-01", "2025-12-31"],
      ["2025-12-01", "2025-12-31"],
    ] as const;
    const figures = (unit: string) =>
      Promise.all(periods.map(([from, to]) => readScopeStats(ctx.owner, { scope: { unitIds: [unit] }, from, to })));
    const before = { full: await figures(ctx.fx.units.a1), snapshot: await figures(ctx.fx.units.a9) };
    const h = histories(unitA1());
    expect((await migrate(h.cases, h.events)).ok).toBe(true);
    const snap = histories(unitA9());
    const state: Cells[] = [
      {
        trang_thai: "completed",
        ngay_quyet_dinh: "05/11/2025",
        ngay_phan_loai: "02/12/2025",
        da_thu: "10.000.000",
        ngay_thu: "10/12/2025",
        ngay_trang_thai: "15/12/2025",
      },
      {
        trang_thai: "Đang tổ chức thi hành",
        ngay_quyet_dinh: "06/11/2025",
        ngay_phan_loai: "03/12/2025",
        da_thu: "5.000.000",
        ngay_thu: "11/12/2025",
      },
      { trang_thai: "chưa có điều kiện thi hành", ngay_quyet_dinh: "07/11/2025", ngay_phan_loai: "04/12/2025" },
    ];
    const snapCases = snap.cases.map((c, i) => ({ ...c, ...state[i] }));
    const r = await migrate(snapCases, null, { snapshot: true, cutover: "2025-12-31" });
    expect(r.errors).toEqual([]);
    expect(r.events.synthetic).toBeGreaterThan(0);
    const statuses = (rows: { status: string }[]) => rows.map((x) => x.status).sort();
    expect(statuses(await casesByNumber(snap.numbers))).toEqual(statuses(await casesByNumber(h.numbers)));
    const [marked] = await ctx.owner<{ n: number }[]>`
      select count(*)::int as n from public.case_events e join public.cases c on c.id = e.case_id
      where c.case_number = any(${snap.numbers}) and e.payload->>'migrated' = 'snapshot'`;
    expect(marked!.n).toBe(r.events.synthetic);

    // The cut-over period: the statistical year to the cut-over, and its last month.
    const after = { full: await figures(ctx.fx.units.a1), snapshot: await figures(ctx.fx.units.a9) };
    periods.forEach((_, i) => {
      const full = minus(after.full[i]!, before.full[i]!);
      expect(minus(after.snapshot[i]!, before.snapshot[i]!)).toEqual(full);
      expect(full.cases.completed).toBe(1n);
      expect(full.cases.not_yet_enforceable).toBe(1n);
    });
    // A re-run of the snapshot changes nothing.
    const again = await migrate(snapCases, null, { snapshot: true, cutover: "2025-12-31" });
    expect(again).toMatchObject({ ok: true, cases: { imported: 0 }, events: { imported: 0 } });
  });

  it("refuses a snapshot whose state its dates cannot reach, at the row and column", async () => {
    const c = {
      ...(row(unitA1(), { ngay_thu_ly: "03/11/2025" }) as Cells),
      trang_thai: "completed",
      ngay_phan_loai: "10/11/2025",
      ngay_trang_thai: "20/12/2025",
    };
    const r = await migrate([c], null, { snapshot: true, cutover: "2025-12-31" });
    expect(r.written).toBe(false);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ file: "cases", line: 2, column: "ngay_phan_loai" });
  });

  it("snapshot mode: a case transferred to another province leaves with its money, and the receiving province takes it in", async () => {
    const provinceB = `P-B-${ctx.fx.tag}`;
    const paid = { ...(row(unitA1(), { ngay_thu_ly: "03/11/2025", so_tien: "80.000.000" }) as Cells) };
    const transferred: Cells = {
      ...paid,
      trang_thai: "Đã ủy thác cho tỉnh khác",
      ngay_quyet_dinh: "05/11/2025",
      da_thu: "30.000.000",
      ngay_thu: "20/11/2025",
      ngay_trang_thai: "10/12/2025",
      tinh_nhan: provinceB.toLowerCase(),
    };
    // No receiving province, or one that is not a province bureau: refused at its column, nothing written.
    const refused = await migrate(
      [
        { ...transferred, tinh_nhan: "" },
        { ...transferred, so_thu_ly: `${transferred.so_thu_ly}-X`, tinh_nhan: unitA9() },
      ],
      null,
      { snapshot: true, cutover: "2025-12-31" },
    );
    expect(refused.written).toBe(false);
    expect(refused.errors.map((e) => [e.line, e.column])).toEqual([
      [2, "tinh_nhan"],
      [3, "tinh_nhan"],
    ]);

    // A clerk may take cases in, not transfer them: the snapshot's steps are checked as the page's are.
    const asClerk = await withClaims(ctx.app, claims(ctx.fx.users.clerk!), async (tx) =>
      importMigration(
        tx,
        { cases: await parseCsv(table([transferred]), { columns: MIGRATION_CASE_FILE }) },
        { actor: actor("clerk", "clerk"), today: "2026-12-05", snapshot: true, cutover: "2025-12-31" },
      ),
    );
    expect(asClerk.written).toBe(false);
    expect(asClerk.errors).toEqual([expect.objectContaining({ line: 2, column: "trang_thai", code: "forbidden" })]);

    const r = await migrate([transferred], null, { snapshot: true, cutover: "2025-12-31" });
    expect(r.errors).toEqual([]);
    const [sent] = await ctx.owner<{ id: string; status: string; to: string; collected: string }[]>`
      select id, status::text, transferred_to_province_id::text as to, money_collected::text as collected
        from public.cases where case_number = ${transferred.so_thu_ly!}`;
    expect(sent).toMatchObject({ status: "transferred_out", to: ctx.fx.units.b, collected: "30000000" });
    const [received] = await ctx.owner<{ province_id: string; status: string; money_due: string; accepted_on: string }[]>`
      select province_id::text, status::text, money_due::text, accepted_on::text from public.cases where transferred_from_case_id = ${sent!.id}`;
    expect(received).toEqual({ province_id: ctx.fx.units.b, status: "accepted", money_due: "50000000", accepted_on: "2025-12-10" });
    const steps = await ctx.owner<{ kind: string }[]>`
      select kind::text from public.case_events where case_id = ${sent!.id} order by effective_date, id`;
    expect(steps.map((x) => x.kind)).toEqual(["acceptance", "decision", "notification", "payment", "transfer"]);
  });

  it("a case transferred to a military-region agency is named by the agency, in a snapshot and in an events file; no case opens here", async () => {
    const agency = "Phòng Thi hành án Quân khu 7";
    const snap: Cells = {
      ...(row(unitA1(), { ngay_thu_ly: "03/11/2025", so_tien: "40.000.000" }) as Cells),
      trang_thai: "transferred_out",
      ngay_quyet_dinh: "05/11/2025",
      ngay_trang_thai: "10/12/2025",
      quan_khu_nhan: agency,
    };
    const both = await migrate([{ ...snap, tinh_nhan: `P-B-${ctx.fx.tag}` }], null, { snapshot: true, cutover: "2025-12-31" });
    expect(both.written).toBe(false);
    expect(both.errors.map((e) => [e.line, e.column])).toEqual([[2, "quan_khu_nhan"]]);
    // A one-character name is refused at its own column, in both modes.
    const short = await migrate([{ ...snap, quan_khu_nhan: "Q" }], null, { snapshot: true, cutover: "2025-12-31" });
    expect(short.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "quan_khu_nhan", "Cơ quan thi hành án cấp quân khu nhận ủy thác: ghi tên từ 2 đến 300 ký tự."],
    ]);
    expect((await migrate([snap], null, { snapshot: true, cutover: "2025-12-31" })).errors).toEqual([]);

    const h = histories(unitA1());
    const [, b] = h.numbers;
    const events = [...h.events, step(b, "transfer", "20/12/2025", { quan_khu_nhan: `  ${agency} ` })];
    const twice = [...h.events, step(b, "transfer", "20/12/2025", { quan_khu_nhan: agency, tinh_nhan: `P-B-${ctx.fx.tag}` })];
    const refused = await migrate(h.cases, twice);
    expect(refused.written).toBe(false);
    expect(refused.errors.map((e) => [e.file, e.line, e.column])).toEqual([["events", twice.length + 1, "quan_khu_nhan"]]);
    const tooShort = [...h.events, step(b, "transfer", "20/12/2025", { quan_khu_nhan: " Q " })];
    expect((await migrate(h.cases, tooShort)).errors.map((e) => [e.file, e.line, e.column, e.message])).toEqual([
      ["events", tooShort.length + 1, "quan_khu_nhan", "Cơ quan thi hành án cấp quân khu nhận ủy thác: ghi tên từ 2 đến 300 ký tự."],
    ]);
    expect((await migrate(h.cases, events)).errors).toEqual([]);

    const sent = await ctx.owner<
      { case_number: string; status: string; agency: string | null; province: string | null; received: number }[]
    >`
      select c.case_number, c.status::text, c.transferred_to_agency as agency, c.transferred_to_province_id::text as province,
             (select count(*)::int from public.cases r where r.transferred_from_case_id = c.id) as received
        from public.cases c where c.case_number = any(${[snap.so_thu_ly!, b]}) order by c.case_number`;
    expect(sent).toHaveLength(2);
    for (const c of sent) expect(c).toMatchObject({ status: "transferred_out", agency, province: null, received: 0 });
  });

  it("the continuity check finds a planted one-case difference, and each differing line's drill-down holds that case", async () => {
    // Two fresh offices of the province: one with the true histories (its figures stand for the last
    // official report), one with the same cases where one completion was left out of the events file.
    const offices = ["KV05", "KV06"].map((k) => `P-A-${ctx.fx.tag}-${k}`);
    for (const code of offices) {
      await ctx.owner`insert into public.units (kind, code, name, parent_id, province_id)
                      values ('subunit', ${code}, ${`Phòng ${code}`}, ${ctx.fx.units.a}, ${ctx.fx.units.a})`;
    }
    const [truthCode, importedCode] = offices as [string, string];
    const period = { from: "2025-10-01", to: "2025-12-31" };
    const truth = histories(truthCode);
    expect((await migrate(truth.cases, truth.events)).ok).toBe(true);
    const planted = histories(importedCode);
    const dropped = planted.numbers[0];
    expect(
      (
        await migrate(
          planted.cases,
          planted.events.filter((e) => !(e.so_thu_ly === dropped && e.loai_su_kien === "thi hành xong")),
        )
      ).ok,
    ).toBe(true);

    const report = await withClaims(ctx.app, claims(ctx.fx.users.province_staff!), async (tx) => {
      const official = await unitByCode(tx, truthCode);
      const imported = await unitByCode(tx, importedCode);
      const figures = await readScopeStats(tx, { scope: { unitIds: [official!.id] }, ...period });
      return continuityReport(tx, imported!, period.from, period.to, figures);
    });
    expect(report.lines).toHaveLength(2 * STAT_FIGURES.length);
    const cases = report.differences.filter((d) => d.side === "cases");
    expect(cases.map((d) => [d.figure, d.difference])).toEqual([
      ["completed", -1n],
      ["in_progress", 1n],
      ["carried_to_next", 1n],
    ]);
    // By money the case was collected in full either way: no line differs.
    expect(report.differences.filter((d) => d.side === "money")).toEqual([]);

    // The drill-down of a line the import has more of lists the planted case (the official side has it completed).
    const listed = await withClaims(ctx.app, claims(ctx.fx.users.province_staff!), (tx) =>
      listCases(
        tx,
        CaseFilterSchema.parse({ stat: "in_progress", statUnit: importedCode, statFrom: period.from, statTo: period.to }),
        "2026-12-05",
      ),
    );
    expect(listed.rows.map((r) => r.case_number)).toContain(dropped);
  });
});
