/**
 * Vietnamese public holidays as DATA, one entry per year (Labour Code 2019, Art. 112: 11 paid
 * holiday days a year — New Year 1, Tết 5, Hùng Kings 1, 30/4 1, 1/5 1, National Day 2).
 *
 * Each year lists the days off that civil servants (and therefore enforcement agencies) actually
 * take: the holidays themselves, substitute days ("nghỉ bù") when a holiday falls on a weekend, and
 * days swapped ("hoán đổi") with a make-up Saturday, which is then listed in `extraWorkingDays`.
 *
 * Weekend dates that are holidays are listed too (for display); they do not change working days.
 *
 * To add a year: append an entry, keep `status: "provisional"` until the Government's announcement
 * is published, and cite it in `source`. Pending: "Ngày Văn hóa Việt Nam" (24/11) is planned as a
 * paid holiday but needs an amendment of Labour Code Art. 112 — add it here once enacted.
 */

export type HolidayKind =
  /** The statutory holiday itself. */
  | "holiday"
  /** Substitute day off because a holiday fell on a weekend (nghỉ bù). */
  | "substitute"
  /** Working day swapped into the holiday, made up on a weekend day (hoán đổi ngày làm việc). */
  | "swapped";

export interface HolidayEntry {
  /** ISO date 'YYYY-MM-DD'. */
  date: string;
  kind: HolidayKind;
  name_vi: string;
  name_en: string;
  /** `id` of the year's citation this day comes from. */
  cite: string;
}

export interface WorkingWeekendEntry {
  /** A Saturday or Sunday that is a working day (make-up day, làm bù). */
  date: string;
  reason_vi: string;
  reason_en: string;
  /** `id` of the year's citation this day comes from. */
  cite: string;
}

/**
 * Where a year's days off come from: the decision or official letter (or, when its number is not
 * known, the announcement reported), whether it is final, and how far it was checked
 * (docs/law-sources.md, section K: `verified` = the text itself was read, `partly` = a news report
 * was read, `unverified` = nothing was read).
 */
export interface HolidayCitation {
  id: string;
  reference: string;
  /** `official`: announced by the Government; `provisional`: estimated or only proposed. */
  status: "official" | "provisional";
  verified: "verified" | "partly" | "unverified";
  /** Row of docs/law-sources.md. */
  row: string;
}

export interface HolidayYear {
  year: number;
  /** `official`: as announced by the Government; `provisional`: estimated, to be replaced. */
  status: "official" | "provisional";
  source: string;
  citations: readonly HolidayCitation[];
  daysOff: readonly HolidayEntry[];
  extraWorkingDays: readonly WorkingWeekendEntry[];
}

const NEW_YEAR = { name_vi: "Tết Dương lịch", name_en: "New Year's Day" } as const;
const TET = { name_vi: "Tết Nguyên đán", name_en: "Lunar New Year (Tết)" } as const;
const HUNG = { name_vi: "Giỗ Tổ Hùng Vương (10/3 âm lịch)", name_en: "Hùng Kings' Commemoration Day" } as const;
const REUNIFICATION = { name_vi: "Ngày Chiến thắng (30/4)", name_en: "Reunification Day" } as const;
const LABOUR = { name_vi: "Ngày Quốc tế Lao động (1/5)", name_en: "International Labour Day" } as const;
const NATIONAL = { name_vi: "Quốc khánh (2/9)", name_en: "National Day" } as const;

const h = (date: string, name: { name_vi: string; name_en: string }, cite: string, kind: HolidayKind = "holiday"): HolidayEntry => ({
  date,
  kind,
  ...name,
  cite,
});

/** Labour Code 2019, Art. 112(1): the statutory holidays themselves (docs/law-sources.md C0). */
const LABOUR_CODE: HolidayCitation = {
  id: "labour-code",
  reference: "Bộ luật Lao động 45/2019/QH14, Điều 112 khoản 1",
  status: "official",
  verified: "verified",
  row: "C0",
};

export const VN_HOLIDAYS: readonly HolidayYear[] = [
  {
    year: 2024,
    status: "official",
    source:
      "Thông báo của Bộ LĐTB&XH về lịch nghỉ Tết Âm lịch, Quốc khánh 2024; Thủ tướng đồng ý hoán đổi ngày làm việc 29/4/2024 sang 4/5/2024",
    citations: [
      LABOUR_CODE,
      {
        id: "tet-2024",
        reference:
          "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023 của Bộ LĐTB&XH: nghỉ Tết Giáp Thìn 8/2–14/2/2024 (theo văn bản 8662/VPCP-KGVX ngày 03/11/2023)",
        status: "official",
        verified: "partly",
        row: "C9",
      },
      {
        id: "vpcp-2450",
        reference: "Văn bản 2450/VPCP-KGVX ngày 12/4/2024 (hoán đổi 29/4 sang thứ Bảy 4/5/2024)",
        status: "official",
        verified: "partly",
        row: "C1",
      },
      {
        id: "qk-2024",
        reference: "Thông báo 5015/TB-LĐTBXH ngày 22/11/2023: nghỉ Quốc khánh thứ Bảy 31/8 – thứ Ba 3/9/2024",
        status: "official",
        verified: "partly",
        row: "C1b",
      },
    ],
    daysOff: [
      h("2024-01-01", NEW_YEAR, "labour-code"),
      // Tết Giáp Thìn (mùng 1 = Sat 10/2): off Thu 8/2 – Wed 14/2 (29 Tết – mùng 5).
      h("2024-02-08", TET, "tet-2024"),
      h("2024-02-09", TET, "tet-2024"),
      h("2024-02-10", TET, "tet-2024"),
      h("2024-02-11", TET, "tet-2024"),
      h("2024-02-12", TET, "tet-2024"),
      h("2024-02-13", TET, "tet-2024"),
      h("2024-02-14", TET, "tet-2024"),
      h("2024-04-18", HUNG, "labour-code"),
      h("2024-04-29", REUNIFICATION, "vpcp-2450", "swapped"),
      h("2024-04-30", REUNIFICATION, "labour-code"),
      h("2024-05-01", LABOUR, "labour-code"),
      h("2024-09-02", NATIONAL, "qk-2024"),
      h("2024-09-03", NATIONAL, "qk-2024"),
    ],
    extraWorkingDays: [
      { date: "2024-05-04", reason_vi: "Làm bù cho ngày 29/4/2024", reason_en: "Make-up day for 29 Apr 2024", cite: "vpcp-2450" },
    ],
  },
  {
    year: 2025,
    status: "official",
    source: "Lịch nghỉ Tết Ất Tỵ 25/1–2/2/2025; hoán đổi ngày làm việc 2/5/2025 sang thứ Bảy 26/4/2025; Quốc khánh 30/8–2/9/2025",
    citations: [
      LABOUR_CODE,
      {
        id: "tet-2025",
        reference:
          "Thông báo 6150/TB-LĐTBXH (2024) của Bộ LĐTB&XH: nghỉ Tết Ất Tỵ 25/1–2/2/2025 (theo văn bản 8726/VPCP-KGVX ngày 26/11/2024)",
        status: "official",
        verified: "partly",
        row: "C3",
      },
      {
        id: "swap-2025",
        reference: "Hoán đổi ngày làm việc thứ Sáu 2/5/2025 sang thứ Bảy 26/4/2025 (số văn bản chưa xác định)",
        status: "official",
        verified: "partly",
        row: "C2",
      },
      {
        id: "qk-2025",
        reference: "Thông báo 6150/TB-LĐTBXH (2024): nghỉ Quốc khánh thứ Bảy 30/8 – thứ Ba 2/9/2025",
        status: "official",
        verified: "partly",
        row: "C3",
      },
    ],
    daysOff: [
      h("2025-01-01", NEW_YEAR, "labour-code"),
      // Tết Ất Tỵ (mùng 1 = Wed 29/1): off Sat 25/1 – Sun 2/2, weekdays 27/1 – 31/1.
      h("2025-01-27", TET, "tet-2025"),
      h("2025-01-28", TET, "tet-2025"),
      h("2025-01-29", TET, "tet-2025"),
      h("2025-01-30", TET, "tet-2025"),
      h("2025-01-31", TET, "tet-2025"),
      h("2025-04-07", HUNG, "labour-code"),
      h("2025-04-30", REUNIFICATION, "labour-code"),
      h("2025-05-01", LABOUR, "labour-code"),
      h("2025-05-02", LABOUR, "swap-2025", "swapped"),
      h("2025-09-01", NATIONAL, "qk-2025"),
      h("2025-09-02", NATIONAL, "qk-2025"),
    ],
    extraWorkingDays: [
      { date: "2025-04-26", reason_vi: "Làm bù cho ngày 2/5/2025", reason_en: "Make-up day for 2 May 2025", cite: "swap-2025" },
    ],
  },
  {
    year: 2026,
    status: "official",
    source:
      "Văn bản 12729/VPCP-KGVX (Tết Dương lịch 1–4/1/2026, làm bù 10/1/2026); Tết Bính Ngọ 14/2–22/2/2026; Giỗ Tổ 26/4 (Chủ nhật) nghỉ bù 27/4/2026; Quốc khánh nghỉ thứ Bảy 29/8 – thứ Tư 2/9/2026, hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026 (Thông báo 9441/TB-BNV ngày 16/10/2025)",
    citations: [
      LABOUR_CODE,
      {
        id: "vpcp-12729",
        reference: "Văn bản 12729/VPCP-KGVX ngày 25/12/2025 (hoán đổi 2/1/2026 sang thứ Bảy 10/1/2026)",
        status: "official",
        verified: "partly",
        row: "C4",
      },
      {
        id: "tet-2026",
        reference: "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Tết Bính Ngọ 14/2–22/2/2026",
        status: "official",
        verified: "partly",
        row: "C5",
      },
      {
        id: "hung-2026",
        reference: "Giỗ Tổ Hùng Vương 26/4/2026 (Chủ nhật), nghỉ bù thứ Hai 27/4/2026 (Bộ luật Lao động, Điều 112 khoản 3)",
        status: "official",
        verified: "unverified",
        row: "C7",
      },
      {
        id: "qk-2026",
        reference:
          "Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ: nghỉ Quốc khánh thứ Bảy 29/8 – thứ Tư 2/9/2026; hoán đổi thứ Hai 31/8 sang thứ Bảy 22/8/2026",
        status: "official",
        verified: "partly",
        row: "C6",
      },
    ],
    daysOff: [
      h("2026-01-01", NEW_YEAR, "labour-code"),
      h("2026-01-02", NEW_YEAR, "vpcp-12729", "swapped"),
      // Tết Bính Ngọ (mùng 1 = Tue 17/2): off Sat 14/2 – Sun 22/2, weekdays 16/2 – 20/2.
      h("2026-02-16", TET, "tet-2026"),
      h("2026-02-17", TET, "tet-2026"),
      h("2026-02-18", TET, "tet-2026"),
      h("2026-02-19", TET, "tet-2026"),
      h("2026-02-20", TET, "tet-2026"),
      h("2026-04-26", HUNG, "labour-code"),
      h("2026-04-27", HUNG, "hung-2026", "substitute"),
      h("2026-04-30", REUNIFICATION, "labour-code"),
      h("2026-05-01", LABOUR, "labour-code"),
      // National Day: off Sat 29/8 – Wed 2/9; Mon 31/8 swapped with Sat 22/8 (made up).
      h("2026-08-31", NATIONAL, "qk-2026", "swapped"),
      h("2026-09-01", NATIONAL, "qk-2026"),
      h("2026-09-02", NATIONAL, "labour-code"),
    ],
    extraWorkingDays: [
      { date: "2026-01-10", reason_vi: "Làm bù cho ngày 2/1/2026", reason_en: "Make-up day for 2 Jan 2026", cite: "vpcp-12729" },
      { date: "2026-08-22", reason_vi: "Làm bù cho ngày 31/8/2026", reason_en: "Make-up day for 31 Aug 2026", cite: "qk-2026" },
    ],
  },
  {
    year: 2027,
    status: "provisional",
    source:
      "ƯỚC TÍNH, chưa có thông báo chính thức: Tết Đinh Mùi mùng 1 = thứ Bảy 6/2/2027 (xếp như năm 2024, Tết cũng rơi vào thứ Bảy); Giỗ Tổ 16/4/2027; 1/5 rơi vào thứ Bảy nghỉ bù 3/5; Quốc khánh 2/9 và 3/9",
    citations: [
      LABOUR_CODE,
      {
        id: "estimate-2027",
        reference: "Ước tính của hệ thống, chưa có thông báo của Chính phủ cho năm 2027",
        status: "provisional",
        verified: "unverified",
        row: "C8",
      },
    ],
    daysOff: [
      h("2027-01-01", NEW_YEAR, "labour-code"),
      h("2027-02-04", TET, "estimate-2027"),
      h("2027-02-05", TET, "estimate-2027"),
      h("2027-02-06", TET, "estimate-2027"),
      h("2027-02-07", TET, "estimate-2027"),
      h("2027-02-08", TET, "estimate-2027"),
      h("2027-02-09", TET, "estimate-2027"),
      h("2027-02-10", TET, "estimate-2027"),
      h("2027-04-16", HUNG, "labour-code"),
      h("2027-04-30", REUNIFICATION, "labour-code"),
      h("2027-05-01", LABOUR, "labour-code"),
      h("2027-05-03", LABOUR, "estimate-2027", "substitute"),
      h("2027-09-02", NATIONAL, "labour-code"),
      h("2027-09-03", NATIONAL, "estimate-2027"),
    ],
    extraWorkingDays: [],
  },
];
