import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { IntakeSchema, asUserStep, intakeCase, type Actor } from "@thads/core";
import { verifyAuditChains, withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { checkLimitation, formatDateVi, type Role } from "@thads/domain";
import { importCases, type ImportOptions } from "../src/import.ts";
import { parseCsv } from "../src/parse.ts";
import type { ImportProgress } from "../src/types.ts";
import { csv, row, type RowValues } from "./helpers.ts";

const ctx = useTenantFixture();
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });
const unitA1 = () => `P-A-${ctx.fx.tag}-KV01`;
const unitA9 = () => `P-A-${ctx.fx.tag}-KV09`;
const unitB1 = () => `P-B-${ctx.fx.tag}-KV01`;

/** Parses the rows as a CSV file and imports them as the user, in one transaction. */
async function importAs(who: [string, Role], rows: RowValues[], opts: Partial<ImportOptions> = {}, text?: string) {
  const parsed = await parseCsv(text ?? csv(rows));
  return withClaims(ctx.app, claims(ctx.fx.users[who[0]]!), (tx) => importCases(tx, parsed, { actor: actor(...who), ...opts }));
}
const asClerk = (rows: RowValues[], opts: Partial<ImportOptions> = {}, text?: string) => importAs(["clerk", "clerk"], rows, opts, text);

async function casesNumbered(numbers: string[]) {
  return ctx.owner<
    {
      id: string;
      case_number: string;
      status: string;
      unit_id: string;
      province_id: string;
      money_due: bigint;
      judgment_id: string;
      is_bank_credit: boolean;
      source: string;
      decision_kind: string;
      judgment_type: string;
      accepted_on: string;
      last_event_on: string;
    }[]
  >`
    select id, case_number, status, unit_id, province_id, money_due, judgment_id, is_bank_credit, source, decision_kind, judgment_type,
           accepted_on::text, last_event_on::text
    from public.cases where case_number = any(${numbers}) order by case_number`;
}

describe("importCases", () => {
  it("imports a valid file: cases, parties, acceptance events, judgments reused", async () => {
    const shared = { toa_an: "Tòa án nhân dân khu vực 3 - Hải Phòng", so_ban_an: `${randomUUID().slice(0, 8)}/2025/KDTM-ST` };
    // A judgment the province already has (taken in before by this unit).
    const [existing] = await ctx.owner<{ id: string }[]>`
      insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
      values (${ctx.fx.units.a1}, 'Tòa án nhân dân thành phố Hải Phòng', ${`${randomUUID().slice(0, 8)}/2024/DS-PT`}, '2024-12-01', 'civil')
      returning id`;
    const [j] = await ctx.owner<{ judgment_number: string }[]>`select judgment_number from public.judgments where id = ${existing!.id}`;
    const rows = [
      row(unitA1(), { ...shared, loai_ban_an: "kinh_doanh_thuong_mai" }),
      row(unitA1(), {
        ...shared,
        loai_ban_an: "kinh_doanh_thuong_mai",
        nguon: "Đơn yêu cầu",
        hinh_thuc: "Chủ động",
        tin_dung_ngan_hang: "",
      }),
      row(unitA1(), {
        toa_an: "Tòa án nhân dân thành phố Hải Phòng",
        so_ban_an: j!.judgment_number,
        ngay_ban_an: "01/12/2024",
        so_tien: "1 000 000 đ",
      }),
      row(unitA1(), {
        loai_nguoi_phai: "to_chuc",
        nguoi_phai_thi_hanh: "Công ty TNHH Hải Âu",
        so_giay_to_nguoi_phai: "",
        dia_chi_nguoi_phai: "",
      }),
    ];
    const progress: ImportProgress[] = [];
    const r = await asClerk(rows, { onProgress: (p) => progress.push(p) });
    expect(r).toMatchObject({
      ok: true,
      written: true,
      total: 4,
      valid: 4,
      imported: 4,
      errorCount: 0,
      judgments: { created: 2, reused: 1 },
    });
    expect(progress.at(-1)).toMatchObject({ phase: "done", validated: 4, written: 4 });
    expect(progress.some((p) => p.phase === "write")).toBe(true);

    const cases = await casesNumbered(rows.map((x) => x.so_thu_ly!));
    expect(cases).toHaveLength(4);
    for (const c of cases) {
      expect(c).toMatchObject({ status: "accepted", unit_id: ctx.fx.units.a1, province_id: ctx.fx.units.a });
      expect(c.last_event_on).toBe(c.accepted_on);
    }
    const byNumber = new Map(cases.map((c) => [c.case_number, c]));
    const [c0, c1, c2, c3] = rows.map((x) => byNumber.get(x.so_thu_ly!)!);
    expect(c0!.money_due).toBe(12_500_000n);
    expect(c2!.money_due).toBe(1_000_000n);
    expect(c0!.judgment_id).toBe(c1!.judgment_id); // same court + number: one judgment
    expect(c2!.judgment_id).toBe(existing!.id); // already in the province: reused
    expect(c1).toMatchObject({ source: "creditor_request", decision_kind: "ex_officio", is_bank_credit: false, judgment_type: "business" });
    expect(c0).toMatchObject({ source: "court_transfer", decision_kind: "on_request", is_bank_credit: true });

    const parties = await ctx.owner<
      { case_id: string; role: string; kind: string; full_name: string; id_number: string | null; address: string | null }[]
    >`
      select case_id, role, kind, full_name, id_number, address from public.case_parties where case_id = any(${cases.map((c) => c.id)}) order by role`;
    expect(parties).toHaveLength(8);
    expect(parties.filter((p) => p.case_id === c3!.id)).toEqual([
      {
        case_id: c3!.id,
        role: "creditor",
        kind: "organization",
        full_name: "Ngân hàng TMCP Á Châu",
        id_number: "0301452948",
        address: "Quận 3 - TP Hồ Chí Minh",
      },
      { case_id: c3!.id, role: "debtor", kind: "organization", full_name: "Công ty TNHH Hải Âu", id_number: null, address: null },
    ]);

    const events = await ctx.owner<
      {
        case_id: string;
        kind: string;
        effective_date: string;
        payload: Record<string, unknown>;
        actor_id: string;
        idempotency_key: string;
      }[]
    >`
      select case_id, kind, effective_date::text, payload, actor_id, idempotency_key from public.case_events where case_id = any(${cases.map((c) => c.id)})`;
    expect(events).toHaveLength(4);
    for (const e of events) {
      expect(e).toMatchObject({
        kind: "acceptance",
        effective_date: "2025-11-03",
        actor_id: ctx.fx.users.clerk,
        idempotency_key: e.case_id,
      });
      expect(e.payload).toMatchObject({ provinceId: ctx.fx.units.a, unitId: ctx.fx.units.a1 });
    }

    // One audit row per inserted row, chains intact.
    const [audit] = await ctx.owner<{ n: number }[]>`
      select count(*)::int as n from public.audit_log where op = 'INSERT' and actor_id = ${ctx.fx.users.clerk!}
        and row_id = any(${[...cases.map((c) => c.id)]})`;
    expect(audit!.n).toBe(4);
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });

  it("writes exactly what intake writes for the same row", async () => {
    const values = row(unitA1(), { nguon: "don_yeu_cau", tham_nhung: "co", so_giay_to_nguoi_duoc: "" });
    const viaImport = await asClerk([values]);
    expect(viaImport.ok).toBe(true);

    const other = row(unitA1(), { ...values, so_thu_ly: `${values.so_thu_ly}-I`, so_ban_an: `${values.so_ban_an}-I` });
    const input = IntakeSchema.parse({
      idempotencyKey: randomUUID(),
      unitId: ctx.fx.units.a1,
      caseNumber: other.so_thu_ly,
      acceptedOn: other.ngay_thu_ly,
      source: "creditor_request",
      decisionKind: "on_request",
      isBankCredit: true,
      isCorruption: true,
      judgment: { courtName: other.toa_an, number: other.so_ban_an, date: other.ngay_ban_an, type: "civil" },
      creditor: { kind: "organization", fullName: other.nguoi_duoc_thi_hanh, address: other.dia_chi_nguoi_duoc },
      debtor: {
        kind: "person",
        fullName: other.nguoi_phai_thi_hanh,
        idNumber: other.so_giay_to_nguoi_phai,
        address: other.dia_chi_nguoi_phai,
      },
      amount: other.so_tien,
    });
    const viaIntake = await asUserStep(ctx.app, claims(ctx.fx.users.clerk!), (tx) => intakeCase(tx, input, actor("clerk", "clerk")));
    expect(viaIntake.ok).toBe(true);

    const snapshot = async (number: string) => {
      const [c] = await ctx.owner<Record<string, unknown>[]>`
        select to_jsonb(c) - '{id,case_number,judgment_id,search_text,created_at,updated_at}'::text[] as row from public.cases c where case_number = ${number}`;
      const id = (await ctx.owner<{ id: string }[]>`select id from public.cases where case_number = ${number}`)[0]!.id;
      const parties = await ctx.owner`
        select role, kind, full_name, id_number, address, contact, province_id, unit_id from public.case_parties where case_id = ${id} order by role`;
      const events = await ctx.owner`
        select kind, effective_date::text, payload, actor_id, idempotency_key = case_id as keyed_by_case from public.case_events where case_id = ${id}`;
      const judgment = await ctx.owner`
        select j.province_id, j.unit_id, j.judgment_date::text, j.judgment_type from public.judgments j join public.cases c on c.judgment_id = j.id where c.id = ${id}`;
      return { case: c!.row, parties: [...parties], events: [...events], judgment: [...judgment] };
    };
    const imported = await snapshot(values.so_thu_ly!);
    expect(imported).toEqual(await snapshot(other.so_thu_ly!));
    // Accepted on Monday 03/11/2025: the decision is due within 5 working days, on Monday 10/11/2025,
    // so the case is on the overdue and due-soon lists like any other.
    expect(imported.case).toMatchObject({ next_deadline_on: "2025-11-10", next_deadline_kind: "decision" });
  });

  it("refuses a request past the limitation period as intake does, naming the column; a recorded obstacle lets it in", async () => {
    // Judgment effective 01/07/2019, request filed 15/07/2024: past the 5 years.
    const late = (overrides: RowValues = {}) =>
      row(unitA1(), {
        nguon: "don_yeu_cau",
        hinh_thuc: "theo_yeu_cau",
        ngay_ban_an: "14/06/2019",
        ngay_hieu_luc: "01/07/2019",
        ngay_yeu_cau: "15/07/2024",
        ngay_thu_ly: "16/07/2024",
        ...overrides,
      });
    const expected = checkLimitation({ runsFrom: "2019-07-01", filedOn: "2024-07-15" });
    const rows = [row(unitA1()), late(), late({ ngay_yeu_cau: "" }), late({ hinh_thuc: "chu_dong", nguon: "toa_an" })];
    const r = await asClerk(rows);
    expect(r).toMatchObject({ ok: false, written: false, imported: 0, errorCount: 2 });
    expect(r.errors).toEqual([
      { line: 3, column: "ngay_yeu_cau", code: "invalid", message: expect.stringContaining("Ngày nộp đơn yêu cầu: 15/07/2024") },
      {
        line: 4,
        column: "ngay_thu_ly",
        code: "invalid",
        message: expect.stringContaining("Ngày thụ lý (ngày nộp đơn yêu cầu): 16/07/2024"),
      },
    ]);
    expect(r.errors[0]!.message).toContain(`hạn cuối ${formatDateVi(expected.lastDay!)} (${expected.article})`);
    expect(await casesNumbered(rows.map((x) => x.so_thu_ly!))).toEqual([]);

    // A reason without its days, or days too few to bring the request in time: still refused, by column.
    const reason = "Người được thi hành án bị tai nạn, điều trị dài ngày (trở ngại khách quan).";
    const noPeriod = await asClerk([late({ ly_do_cham_yeu_cau: reason })]);
    expect(noPeriod.errors).toEqual([expect.objectContaining({ line: 2, column: "tro_ngai_tu_ngay", code: "invalid" })]);
    const short = await asClerk([late({ ly_do_cham_yeu_cau: reason, tro_ngai_tu_ngay: "01/07/2024", tro_ngai_den_ngay: "05/07/2024" })]);
    expect(short.errors).toEqual([
      expect.objectContaining({ line: 2, column: "ngay_yeu_cau", message: expect.stringContaining("sau khi không tính 5 ngày trở ngại") }),
    ]);
    const badKind = await asClerk([
      late({ ly_do_cham_yeu_cau: reason, loai_tro_ngai: "dich_benh", tro_ngai_tu_ngay: "01/06/2024", tro_ngai_den_ngay: "10/07/2024" }),
    ]);
    expect(badKind.errors).toEqual([
      expect.objectContaining({ line: 2, column: "loai_tro_ngai", message: expect.stringContaining("tro_ngai_khach_quan, bat_kha_khang") }),
    ]);

    // The same late request with the obstacle and its days recorded is imported, all of it kept with the acceptance.
    const excused = late({
      ly_do_cham_yeu_cau: reason,
      loai_tro_ngai: "bat_kha_khang",
      tro_ngai_tu_ngay: "01/06/2024",
      tro_ngai_den_ngay: "10/07/2024",
    });
    expect(await asClerk([excused])).toMatchObject({ ok: true, imported: 1 });
    const [ev] = await ctx.owner<{ payload: { limitation: Record<string, unknown> } }[]>`
      select e.payload from public.case_events e join public.cases c on c.id = e.case_id
      where c.case_number = ${excused.so_thu_ly!} and e.kind = 'acceptance'`;
    expect(ev!.payload.limitation).toMatchObject({
      requestedOn: "2024-07-15",
      runsFrom: "2019-07-01",
      late: true,
      obstacle: reason,
      obstacleKind: "force_majeure",
      obstacleFrom: "2024-06-01",
      obstacleTo: "2024-07-10",
      excludedDays: 40,
    });
  });

  it("takes in a case entrusted by a military-region agency naming it and its decision, without checking the limitation again", async () => {
    // Effective 01/07/2019, taken in on 16/07/2024: late for a request, not for an entrusted case.
    const entrusted = (overrides: RowValues = {}) =>
      row(unitA1(), {
        nguon: "uy_thac_quan_khu",
        hinh_thuc: "theo_yeu_cau",
        ngay_ban_an: "14/06/2019",
        ngay_hieu_luc: "01/07/2019",
        ngay_thu_ly: "16/07/2024",
        so_qd_uy_thac: "07/QĐ-THA",
        ngay_qd_uy_thac: "10/07/2024",
        ...overrides,
      });
    const unnamed = await asClerk([entrusted({ so_qd_uy_thac: "", ngay_qd_uy_thac: "" })]);
    expect(unnamed.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [2, "co_quan_uy_thac", "Cơ quan thi hành án cấp quân khu ủy thác: bắt buộc nhập khi nhận ủy thác."],
      [2, "so_qd_uy_thac", "Số quyết định ủy thác: bắt buộc nhập."],
      [2, "ngay_qd_uy_thac", expect.stringMatching(/^Ngày quyết định ủy thác: /)],
    ]);
    const named = entrusted({ co_quan_uy_thac: "Phòng Thi hành án Quân khu 2" });
    // Named beside another source, the agency and its decision are refused at their columns (not
    // silently dropped); a one-character name is too short; the decision follows the acceptance.
    const mixed = await asClerk([
      named,
      row(unitA1(), { co_quan_uy_thac: "Phòng Thi hành án Quân khu 2", so_qd_uy_thac: "07/QĐ-THA" }),
      entrusted({ co_quan_uy_thac: "Q" }),
      entrusted({ co_quan_uy_thac: "Phòng Thi hành án Quân khu 2", ngay_qd_uy_thac: "17/07/2024" }),
    ]);
    expect(mixed.errors.map((e) => [e.line, e.column, e.message])).toEqual([
      [
        3,
        "co_quan_uy_thac",
        "Cơ quan thi hành án cấp quân khu ủy thác: chỉ ghi khi nguồn thụ lý là uy_thac_quan_khu (nhận ủy thác); để trống với nguồn khác.",
      ],
      [3, "so_qd_uy_thac", "Số quyết định ủy thác: chỉ ghi khi nguồn thụ lý là uy_thac_quan_khu (nhận ủy thác); để trống với nguồn khác."],
      [4, "co_quan_uy_thac", "Cơ quan thi hành án cấp quân khu ủy thác: ít nhất 2 ký tự."],
      [5, "ngay_qd_uy_thac", "Ngày quyết định ủy thác: không được sau ngày thụ lý."],
    ]);
    const court = row(unitA1());
    const r = await asClerk([named, court]);
    expect(r).toMatchObject({ ok: true, imported: 2 });
    const events = await ctx.owner<{ case_number: string; source: string; from_agency: string | null; decision: string | null }[]>`
      select c.case_number, c.source::text, e.payload ->> 'fromAgency' as from_agency,
             (e.payload ->> 'entrustingDecisionNumber') || ' ' || (e.payload ->> 'entrustingDecisionOn') as decision
        from public.cases c join public.case_events e on e.case_id = c.id and e.kind = 'acceptance'
       where c.case_number = any(${[named.so_thu_ly!, court.so_thu_ly!]}) order by c.case_number = ${court.so_thu_ly!}`;
    expect(events).toEqual([
      {
        case_number: named.so_thu_ly!,
        source: "transfer_in",
        from_agency: "Phòng Thi hành án Quân khu 2",
        decision: "07/QĐ-THA 2024-07-10",
      },
      { case_number: court.so_thu_ly!, source: "court_transfer", from_agency: null, decision: null },
    ]);
  });

  it("all or nothing: one bad row and nothing is written, errors by line and column", async () => {
    const rows = [row(unitA1()), row(unitA1(), { ngay_thu_ly: "31/02/2025", so_tien: "-5.000" }), row(unitA1())];
    const r = await asClerk(rows);
    expect(r).toMatchObject({ ok: false, written: false, total: 3, valid: 2, imported: 0, errorCount: 2 });
    expect(r.errors).toEqual([
      {
        line: 3,
        column: "ngay_thu_ly",
        code: "invalid",
        message: "Ngày thụ lý: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026).",
      },
      {
        line: 3,
        column: "so_tien",
        code: "invalid",
        message: expect.stringMatching(/^Số tiền phải thi hành: phải là số tiền nguyên dương tính bằng đồng \(ví dụ 12\.500\.000\)\./),
      },
    ]);
    expect(await casesNumbered(rows.map((x) => x.so_thu_ly!))).toEqual([]);
  });

  it("partial: writes the valid rows and reports the others", async () => {
    const rows = [row(unitA1()), row(unitA1(), { so_tien: "mười triệu" }), row(unitA1())];
    const r = await asClerk(rows, { allOrNothing: false });
    expect(r).toMatchObject({ ok: false, written: true, imported: 2, errorCount: 1, errors: [{ line: 3, column: "so_tien" }] });
    expect((await casesNumbered(rows.map((x) => x.so_thu_ly!))).map((c) => c.case_number)).toEqual(
      [rows[0]!.so_thu_ly, rows[2]!.so_thu_ly].sort(),
    );
  });

  it("reports bad dates, money, codes, flags, unknown units and ID numbers with the column named", async () => {
    const rows = [
      row(unitA1(), { ngay_ban_an: "2025-13-01" }),
      row(unitA1(), { ngay_thu_ly: "01/10/2025", ngay_ban_an: "20/10/2025" }),
      row(unitA1(), { so_tien: "0" }),
      row(unitA1(), { so_tien: "12,5" }),
      row(unitA1(), { so_tien: "1.234,50" }),
      row("P-KHONG-CO", { nguon: "toa" }),
      row(unitA1(), { loai_ban_an: "dan su", loai_nguoi_duoc: "", tin_dung_ngan_hang: "có lẽ" }),
      row(unitA1(), { so_giay_to_nguoi_phai: "12 34", nguoi_phai_thi_hanh: "" }),
      row("__NATIONAL__"),
    ];
    const [nat] = await ctx.owner<{ code: string }[]>`select code from public.units where id = ${ctx.fx.units.national}`;
    rows[8]!.don_vi = nat!.code;
    const r = await asClerk(rows);
    expect(r.written).toBe(false);
    const by = (line: number) => r.errors.filter((e) => e.line === line).map((e) => [e.column, e.code, e.message]);
    expect(by(2)).toEqual([["ngay_ban_an", "invalid", "Ngày bản án: ngày không hợp lệ, nhập theo dạng dd/mm/yyyy (ví dụ 05/11/2026)."]]);
    expect(by(3)).toEqual([["ngay_thu_ly", "invalid", "Ngày thụ lý: không được trước ngày bản án."]]);
    expect(by(4)).toEqual([
      ["so_tien", "invalid", "Số tiền phải thi hành: phải là số tiền nguyên dương tính bằng đồng (ví dụ 12.500.000)."],
    ]);
    expect(by(5)[0]![2]).toMatch(/Ô đang ghi "12,5": không ghi phần thập phân/);
    expect(by(6)[0]![2]).toMatch(/Ô đang ghi "1.234,50"/);
    expect(by(7)).toEqual([
      ["don_vi", "unknown_unit", 'Đơn vị thụ lý: không có đơn vị mã "P-KHONG-CO" trong hệ thống.'],
      [
        "nguon",
        "invalid",
        'Nguồn thụ lý: chọn Tòa án chuyển giao, đơn yêu cầu hoặc nhận ủy thác từ cơ quan thi hành án cấp quân khu. Giá trị hợp lệ: toa_an, don_yeu_cau, uy_thac_quan_khu (ô đang ghi "toa").',
      ],
    ]);
    // "dan su" normalises to dan_su and is accepted.
    expect(by(8)).toEqual([
      ["tin_dung_ngan_hang", "invalid", 'Án tín dụng, ngân hàng: ghi "co" hoặc "khong" (ô đang ghi "có lẽ").'],
      ["loai_nguoi_duoc", "invalid", "Người được thi hành án: chọn cá nhân hoặc tổ chức. Giá trị hợp lệ: ca_nhan, to_chuc."],
    ]);
    expect(by(9)).toEqual([
      ["nguoi_phai_thi_hanh", "invalid", "Tên người phải thi hành án: bắt buộc nhập."],
      ["so_giay_to_nguoi_phai", "invalid", "Số giấy tờ của người phải thi hành án: 6–30 chữ số hoặc chữ cái."],
    ]);
    expect(by(10)).toEqual([
      ["don_vi", "unknown_unit", `Đơn vị thụ lý: "${nat!.code}" là cơ quan cấp trung ương, không thụ lý việc thi hành án.`],
    ]);
  });

  it("reports the ID-number rule once the rest of the row is valid", async () => {
    const r = await asClerk([row(unitA1(), { so_giay_to_nguoi_phai: "12 34" })]);
    expect(r.errors).toEqual([
      {
        line: 2,
        column: "so_giay_to_nguoi_phai",
        code: "invalid",
        message: "Số giấy tờ của người phải thi hành án: 6–30 chữ số hoặc chữ cái.",
      },
    ]);
  });

  it("refuses case numbers repeated in the file or already in the province", async () => {
    const first = row(unitA1());
    expect((await asClerk([first])).ok).toBe(true);
    const again = row(unitA1());
    const rows = [row(unitA1(), { so_thu_ly: first.so_thu_ly }), again, row(unitA1(), { so_thu_ly: ` ${again.so_thu_ly} ` })];
    const r = await asClerk(rows);
    expect(r.errors).toEqual([
      {
        line: 2,
        column: "so_thu_ly",
        code: "duplicate_in_db",
        message: `Số thụ lý / số quyết định: "${first.so_thu_ly}" đã có trong tỉnh.`,
      },
      {
        line: 4,
        column: "so_thu_ly",
        code: "duplicate_in_file",
        message: `Số thụ lý / số quyết định: "${again.so_thu_ly}" trùng với dòng 3 trong tệp (số thụ lý không được trùng trong một tỉnh).`,
      },
    ]);
    expect(await casesNumbered([again.so_thu_ly!])).toEqual([]);
  });

  it("a number held by another office of the province (invisible to the clerk) is reported; its judgment is reused", async () => {
    const hiddenNumber = `${randomUUID().slice(0, 8)}/QĐ-KV09`;
    const hiddenJudgment = `${randomUUID().slice(0, 8)}/2025/DS-ST`;
    await ctx.owner`
      insert into public.cases (unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, debtor_name)
      values (${ctx.fx.units.a9}, ${ctx.fx.units.a}, ${hiddenNumber}, '2025-10-01', 'on_request', 'civil', 'Trần Văn B')`;
    await ctx.owner`
      insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
      values (${ctx.fx.units.a9}, 'Tòa án nhân dân thành phố Hải Phòng', ${hiddenJudgment}, '2025-09-01', 'civil')`;
    const ok = row(unitA1());
    const rows = [
      ok,
      row(unitA1(), { so_thu_ly: hiddenNumber }),
      row(unitA1(), { toa_an: "Tòa án nhân dân thành phố Hải Phòng", so_ban_an: hiddenJudgment }),
    ];
    const r = await asClerk(rows);
    expect(r).toMatchObject({ ok: false, written: false, imported: 0 });
    expect(r.errors.map((e) => [e.line, e.column, e.code])).toEqual([[3, "so_thu_ly", "duplicate_in_db"]]);
    expect(await casesNumbered([ok.so_thu_ly!])).toEqual([]);

    const partial = await asClerk(rows, { allOrNothing: false });
    expect(partial).toMatchObject({ written: true, imported: 2, errorCount: 1 });
    expect((await casesNumbered([ok.so_thu_ly!])).length).toBe(1);
    // No judgment was left behind for the refused rows.
    const [orphans] = await ctx.owner<{ n: number }[]>`
      select count(*)::int as n from public.judgments j
      where j.judgment_number = ${rows[1]!.so_ban_an!} and not exists (select 1 from public.cases c where c.judgment_id = j.id)`;
    expect(orphans!.n).toBe(0);
  });

  it("RLS: a clerk of tenant A cannot import into tenant B's unit", async () => {
    const rows = [row(unitA1()), row(unitB1())];
    // Reported per row before writing…
    const r = await asClerk(rows);
    expect(r).toMatchObject({ ok: false, written: false, imported: 0 });
    expect(r.errors).toEqual([
      {
        line: 3,
        column: "don_vi",
        code: "out_of_scope",
        message: `Đơn vị thụ lý: bạn không có quyền thụ lý việc cho đơn vị "${unitB1()}" (Phòng khu vực 1).`,
      },
    ]);
    // …and refused by row-level security when the check is left to the database.
    const rls = await asClerk(rows, { checkScopeFirst: false, allOrNothing: false });
    expect(rls).toMatchObject({ ok: false, written: true, imported: 1 });
    expect(rls.errors).toEqual([expect.objectContaining({ line: 3, column: "don_vi", code: "rls_refused" })]);
    const b = await ctx.owner`select 1 from public.cases where case_number = ${rows[1]!.so_thu_ly!}`;
    expect(b).toHaveLength(0);
    // Refused in the middle of a chunked import: the rest of the file is still validated, and written in partial mode.
    const many = [
      row(unitA1()),
      row(unitA1()),
      row(unitA1()),
      row(unitB1()),
      row(unitA1()),
      row(unitA1(), { so_tien: "x" }),
      row(unitA1()),
    ];
    const mid = await asClerk(many, { checkScopeFirst: false, allOrNothing: false, chunkSize: 2 });
    expect(mid).toMatchObject({ written: true, imported: 5, total: 7, valid: 6 });
    expect(mid.errors.map((e) => [e.line, e.code])).toEqual([
      [5, "rls_refused"],
      [7, "invalid"],
    ]);
    const midAll = await asClerk(
      many.map((m) => ({ ...m, so_thu_ly: `${m.so_thu_ly}-2` })),
      { checkScopeFirst: false, chunkSize: 2 },
    );
    expect(midAll).toMatchObject({ written: false, imported: 0 });
    expect(midAll.errors.map((e) => [e.line, e.code])).toEqual([
      [5, "rls_refused"],
      [7, "invalid"],
    ]);
    // A sub-bureau clerk's scope is their own sub-bureau: the sibling office of the same province is refused too.
    const sibling = await asClerk([row(unitA9())]);
    expect(sibling.errors).toEqual([expect.objectContaining({ line: 2, code: "out_of_scope" })]);
    // Province staff may import into any office of their province.
    const staff = await importAs(["province_staff", "province_staff"], [row(unitA9()), row(unitA1())]);
    expect(staff).toMatchObject({ ok: true, imported: 2 });
  });

  it("refuses a user whose roles do not take cases in", async () => {
    const r = await importAs(["executor", "executor"], [row(unitA1())]);
    expect(r).toMatchObject({ ok: false, written: false, errors: [{ line: 0, code: "forbidden" }] });
  });

  it("dry run: every check runs, including the writes, and nothing stays", async () => {
    const rows = [row(unitA1()), row(unitA1())];
    const r = await asClerk(rows, { dryRun: true });
    expect(r).toMatchObject({ ok: true, written: false, dryRun: true, imported: 2 });
    expect(await casesNumbered(rows.map((x) => x.so_thu_ly!))).toEqual([]);
  });

  it("a malformed row blocks an all-or-nothing import; partial mode writes the rest", async () => {
    const rows = [row(unitA1()), row(unitA1()), row(unitA1())];
    const lines = csv(rows).split("\r\n");
    lines[2] = `${lines[2]},extra`;
    const text = lines.join("\r\n");
    const r = await asClerk(rows, {}, text);
    expect(r).toMatchObject({ ok: false, written: false, total: 3, errors: [{ line: 3, column: null, code: "field_count" }] });
    const p = await asClerk(rows, { allOrNothing: false }, text);
    expect(p).toMatchObject({ written: true, imported: 2 });
  });

  it("bad quoting blocks even a partial import", async () => {
    const rows = [row(unitA1()), row(unitA1(), { nguoi_phai_thi_hanh: "Lý Văn Quý" })];
    const text = csv(rows).replace("Lý Văn Quý", `"Lý" Văn Quý`);
    const r = await asClerk(rows, { allOrNothing: false }, text);
    expect(r).toMatchObject({ ok: false, written: false, imported: 0, errors: [{ line: 3, code: "bad_quotes" }] });
    expect(await casesNumbered([rows[0]!.so_thu_ly!])).toEqual([]);
  });

  it("imports in several chunks within one transaction, and the audit chain holds", async () => {
    const rows = Array.from({ length: 23 }, () => row(unitA1()));
    rows[20] = row(unitA1(), { toa_an: rows[3]!.toa_an, so_ban_an: rows[3]!.so_ban_an }); // reuse across chunks
    const r = await asClerk(rows, { chunkSize: 5 });
    expect(r).toMatchObject({ ok: true, imported: 23, judgments: { created: 22, reused: 0 } });
    const cases = await casesNumbered(rows.map((x) => x.so_thu_ly!));
    expect(cases).toHaveLength(23);
    const c3 = cases.find((c) => c.case_number === rows[3]!.so_thu_ly)!;
    const c20 = cases.find((c) => c.case_number === rows[20]!.so_thu_ly)!;
    expect(c20.judgment_id).toBe(c3.judgment_id);
    expect((await verifyAuditChains(ctx.owner)).filter((c) => c.firstBrokenId !== null)).toEqual([]);
  });
});
