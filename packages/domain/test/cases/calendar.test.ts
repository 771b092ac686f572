import { describe, expect, it } from "vitest";
import {
  addCalendarDays,
  addMonths,
  addWorkingDays,
  calendarStatusBetween,
  calendarYearStatus,
  compareDates,
  createCalendar,
  DateParseError,
  dayOfWeek,
  formatDateVi,
  isIsoDate,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  parseDateVi,
  toDayNumber,
  fromDayNumber,
  tryParseDateVi,
  VN_CALENDAR,
  VN_HOLIDAYS,
  workingDaysBetween,
} from "../../src/cases/index.ts";

describe("ISO dates in UTC", () => {
  it("validates real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("1900-02-29")).toBe(false);
    expect(isIsoDate("2000-02-29")).toBe(true);
    expect(isIsoDate("2025-04-31")).toBe(false);
    expect(isIsoDate("2025-4-1")).toBe(false);
    expect(isIsoDate("2025-04-01T00:00:00Z")).toBe(false);
    expect(isIsoDate(20250401)).toBe(false);
    expect(() => toDayNumber("2025-02-30")).toThrow(RangeError);
  });

  it("adds calendar days across months, years and leap days", () => {
    expect(addCalendarDays("2025-01-31", 1)).toBe("2025-02-01");
    expect(addCalendarDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addCalendarDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addCalendarDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addCalendarDays("2025-03-01", -1)).toBe("2025-02-28");
    expect(addCalendarDays("2025-10-01", 365)).toBe("2026-10-01");
    expect(() => addCalendarDays("2025-10-01", 1.5)).toThrow(RangeError);
  });

  it("adds months, ending on the last day of a shorter month", () => {
    expect(addMonths("2025-03-20", 6)).toBe("2025-09-20");
    expect(addMonths("2025-08-31", 6)).toBe("2026-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
    expect(addMonths("2025-01-31", 1)).toBe("2025-02-28");
    expect(addMonths("2025-10-31", 1)).toBe("2025-11-30");
    expect(addMonths("2025-11-15", 2)).toBe("2026-01-15");
    expect(addMonths("2025-01-15", -2)).toBe("2024-11-15");
    expect(addMonths("2025-03-20", 12)).toBe("2026-03-20");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
  });

  it("does not depend on the process time zone", () => {
    const original = process.env.TZ;
    const results: string[] = [];
    try {
      for (const tz of ["Asia/Ho_Chi_Minh", "America/Los_Angeles", "Pacific/Kiritimati", "UTC"]) {
        process.env.TZ = tz;
        results.push(
          [
            addCalendarDays("2025-03-29", 1),
            addMonths("2025-10-31", 1),
            addWorkingDays("2025-01-24", 1),
            String(dayOfWeek("2025-10-01")),
            formatDateVi("2025-10-01"),
          ].join(","),
        );
      }
    } finally {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    }
    expect(new Set(results).size).toBe(1);
    expect(results[0]).toBe("2025-03-30,2025-11-30,2025-02-03,3,01/10/2025");
  });

  it("converts to and from day numbers and compares", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(fromDayNumber(toDayNumber("2026-07-01"))).toBe("2026-07-01");
    expect(compareDates("2025-01-01", "2025-01-02")).toBeLessThan(0);
    expect(compareDates("2025-01-02", "2025-01-02")).toBe(0);
    expect(dayOfWeek("2025-10-01")).toBe(3); // Wednesday
  });
});

describe("Vietnamese date format", () => {
  it("formats dd/mm/yyyy", () => {
    expect(formatDateVi("2025-10-01")).toBe("01/10/2025");
    expect(formatDateVi("2026-07-01")).toBe("01/07/2026");
    expect(() => formatDateVi("2025-02-30")).toThrow(RangeError);
  });

  it("parses dd/mm/yyyy and d/m/yyyy", () => {
    expect(parseDateVi("01/10/2025")).toBe("2025-10-01");
    expect(parseDateVi("1/7/2026")).toBe("2026-07-01");
    expect(parseDateVi(" 29/02/2024 ")).toBe("2024-02-29");
    expect(parseDateVi(formatDateVi("2027-12-31"))).toBe("2027-12-31");
  });

  it("rejects impossible dates with a Vietnamese explanation", () => {
    try {
      parseDateVi("31/02/2025");
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(DateParseError);
      const err = e as DateParseError;
      expect(err.message_vi).toBe("Ngày 31/2/2025 không tồn tại: tháng 2 năm 2025 chỉ có 28 ngày");
      expect(err.message_en).toContain("has only 28 days");
    }
    expect(() => parseDateVi("29/02/2025")).toThrow(DateParseError);
    expect(() => parseDateVi("31/04/2025")).toThrow(/chỉ có 30 ngày/);
    expect(() => parseDateVi("00/01/2025")).toThrow(DateParseError);
    expect(() => parseDateVi("15/13/2025")).toThrow(/Tháng 13 không tồn tại/);
    expect(() => parseDateVi("2025-10-01")).toThrow(/không đúng định dạng/);
    expect(() => parseDateVi("1/10/25")).toThrow(DateParseError);
    expect(tryParseDateVi("31/02/2025")).toBeNull();
    expect(tryParseDateVi("28/02/2025")).toBe("2025-02-28");
  });
});

describe("Vietnamese holiday data", () => {
  it("covers 2024–2026 as official and 2027 as provisional", () => {
    expect(VN_HOLIDAYS.map((y) => [y.year, y.status])).toEqual([
      [2024, "official"],
      [2025, "official"],
      [2026, "official"],
      [2027, "provisional"],
    ]);
    expect(calendarYearStatus(2025)).toBe("official");
    expect(calendarYearStatus(2027)).toBe("provisional");
    expect(calendarYearStatus(2023)).toBe("missing");
    expect(calendarStatusBetween("2026-12-20", "2027-01-10")).toBe("provisional");
    expect(calendarStatusBetween("2025-12-20", "2026-01-10")).toBe("official");
    expect(calendarStatusBetween("2023-12-20", "2024-01-10")).toBe("missing");
  });

  it("gives exactly the 11 statutory holiday days a year (weekday days off minus make-up days)", () => {
    for (const year of VN_HOLIDAYS) {
      const weekdayOff = new Set(year.daysOff.filter((h) => ![0, 6].includes(dayOfWeek(h.date))).map((h) => h.date));
      expect(weekdayOff.size - year.extraWorkingDays.length, String(year.year)).toBe(11);
      for (const h of year.daysOff) expect(isIsoDate(h.date)).toBe(true);
    }
  });

  it("has New Year, 30/4, 1/5 and 2/9 every year, and the Hùng Kings' day (10/3 lunar)", () => {
    const hung: Record<number, string> = { 2024: "2024-04-18", 2025: "2025-04-07", 2026: "2026-04-26", 2027: "2027-04-16" };
    for (const year of VN_HOLIDAYS) {
      const dates = year.daysOff.map((h) => h.date);
      for (const md of ["01-01", "04-30", "05-01", "09-02"]) expect(dates).toContain(`${year.year}-${md}`);
      expect(dates).toContain(hung[year.year]);
      // National Day: 2/9 plus one adjacent day.
      const national = year.daysOff.filter((h) => h.kind !== "swapped").map((h) => h.date);
      expect(national.filter((d) => d.startsWith(`${year.year}-09`) || d === `${year.year}-08-31`)).toHaveLength(2);
    }
  });

  it("knows the Tết breaks as announced", () => {
    const off = (from: string, to: string) => {
      for (let d = from; d <= to; d = addCalendarDays(d, 1)) expect(isWorkingDay(d), d).toBe(false);
      expect(isWorkingDay(addCalendarDays(from, -1))).toBe(true);
      expect(isWorkingDay(addCalendarDays(to, 1))).toBe(true);
    };
    off("2024-02-08", "2024-02-14"); // Giáp Thìn: Thu 8/2 – Wed 14/2
    off("2025-01-25", "2025-02-02"); // Ất Tỵ: Sat 25/1 – Sun 2/2
    off("2026-02-14", "2026-02-22"); // Bính Ngọ: Sat 14/2 – Sun 22/2
    off("2027-02-04", "2027-02-10"); // Đinh Mùi (provisional)
  });

  it("treats substitute and swapped days as days off, and make-up Saturdays as working days", () => {
    expect(isWorkingDay("2026-04-27")).toBe(false); // Hùng Kings fell on Sunday 26/4/2026 → Monday off
    expect(isWorkingDay("2027-05-03")).toBe(false); // 1/5/2027 is a Saturday → Monday off (provisional)
    expect(isWorkingDay("2024-04-29")).toBe(false); // swapped
    expect(isWorkingDay("2024-05-04")).toBe(true); // made up on Saturday
    expect(isWorkingDay("2025-05-02")).toBe(false);
    expect(isWorkingDay("2025-04-26")).toBe(true);
    expect(isWorkingDay("2026-01-02")).toBe(false);
    expect(isWorkingDay("2026-01-10")).toBe(true);
    expect(isWorkingDay("2026-01-17")).toBe(false); // an ordinary Saturday
    expect(isWorkingDay("2025-09-01")).toBe(false);
    expect(isWorkingDay("2025-09-03")).toBe(true);
    expect(isWorkingDay("2025-10-01")).toBe(true);
  });

  it("knows the 2026 National Day break: Sat 29/8 – Wed 2/9, Mon 31/8 swapped with Saturday 22/8", () => {
    expect(isWorkingDay("2026-08-22")).toBe(true); // make-up Saturday
    expect(isWorkingDay("2026-08-29")).toBe(false);
    expect(isWorkingDay("2026-08-30")).toBe(false);
    expect(isWorkingDay("2026-08-31")).toBe(false); // swapped Monday
    expect(isWorkingDay("2026-09-01")).toBe(false);
    expect(isWorkingDay("2026-09-02")).toBe(false);
    expect(isWorkingDay("2026-09-03")).toBe(true);
    expect(addWorkingDays("2026-08-21", 1)).toBe("2026-08-22");
    expect(addWorkingDays("2026-08-28", 1)).toBe("2026-09-03");
    expect(workingDaysBetween("2026-08-20", "2026-08-24")).toBe(3); // Fri 21, Sat 22, Mon 24
    expect(workingDaysBetween("2026-08-28", "2026-09-03")).toBe(1);
  });

  it("cites a source with a status for every holiday entry; the 2026 swap cites the Ministry of Home Affairs' notice, read only as reported", () => {
    for (const year of VN_HOLIDAYS) {
      const ids = new Set(year.citations.map((c) => c.id));
      for (const e of [...year.daysOff, ...year.extraWorkingDays]) expect(ids.has(e.cite), `${e.date} ${e.cite}`).toBe(true);
    }
    const y2026 = VN_HOLIDAYS.find((y) => y.year === 2026)!;
    const swap = y2026.citations.find((c) => c.id === y2026.daysOff.find((h) => h.date === "2026-08-31")!.cite)!;
    expect(swap).toMatchObject({ status: "official", verified: "partly", row: "C6" });
    expect(swap.reference).toContain("9441/TB-BNV");
    expect(y2026.extraWorkingDays.find((d) => d.date === "2026-08-22")!.cite).toBe(swap.id);
    for (const c of VN_HOLIDAYS.find((y) => y.year === 2027)!.citations.filter((c) => c.id !== "labour-code")) {
      expect(c.status).toBe("provisional");
    }
    expect(() =>
      createCalendar("bad", [
        {
          year: 2025,
          status: "official",
          source: "",
          citations: [],
          daysOff: [{ date: "2025-06-02", kind: "holiday", name_vi: "", name_en: "", cite: "nope" }],
          extraWorkingDays: [],
        },
      ]),
    ).toThrow(/cites 'nope'/);
  });

  it("falls back to the fixed solar holidays in years without data", () => {
    expect(isWorkingDay("2030-09-02")).toBe(false);
    expect(isWorkingDay("2030-04-30")).toBe(false);
    expect(isWorkingDay("2030-09-03")).toBe(true);
    expect(isWorkingDay("2023-01-02")).toBe(true);
  });

  it("rejects inconsistent data", () => {
    expect(() =>
      createCalendar("bad", [
        {
          year: 2025,
          status: "official",
          source: "",
          citations: [{ id: "x", reference: "", status: "official", verified: "unverified", row: "" }],
          daysOff: [],
          extraWorkingDays: [{ date: "2025-04-28", reason_vi: "", reason_en: "", cite: "x" }],
        },
      ]),
    ).toThrow(/not a weekend day/);
    expect(() =>
      createCalendar("bad", [
        {
          year: 2025,
          status: "official",
          source: "",
          citations: [{ id: "x", reference: "", status: "official", verified: "unverified", row: "" }],
          daysOff: [{ date: "2026-01-01", kind: "holiday", name_vi: "", name_en: "", cite: "x" }],
          extraWorkingDays: [],
        },
      ]),
    ).toThrow(/listed under year 2025/);
    const y = { year: 2025, status: "official", source: "", citations: [], daysOff: [], extraWorkingDays: [] } as const;
    expect(() => createCalendar("bad", [y, y])).toThrow(/twice/);
  });

  it("supports a custom calendar", () => {
    const cal = createCalendar("test", [
      {
        year: 2031,
        status: "official",
        source: "test",
        citations: [{ id: "x", reference: "", status: "official", verified: "unverified", row: "" }],
        daysOff: [{ date: "2031-06-02", kind: "holiday", name_vi: "x", name_en: "x", cite: "x" }],
        extraWorkingDays: [],
      },
    ]);
    expect(isWorkingDay("2031-06-02", cal)).toBe(false);
    expect(isWorkingDay("2031-06-02", VN_CALENDAR)).toBe(true);
    expect(isWorkingDay("2031-09-02", cal)).toBe(true); // 2031 has data here: only what it lists
  });
});

describe("working-day arithmetic", () => {
  it("skips weekends", () => {
    expect(addWorkingDays("2025-10-03", 1)).toBe("2025-10-06"); // Fri → Mon
    expect(addWorkingDays("2025-10-01", 5)).toBe("2025-10-08");
    expect(addWorkingDays("2025-10-04", 1)).toBe("2025-10-06"); // from a Saturday
  });

  it("skips Tết", () => {
    expect(addWorkingDays("2025-01-24", 1)).toBe("2025-02-03");
    expect(addWorkingDays("2025-01-24", 5)).toBe("2025-02-07");
    expect(addWorkingDays("2026-02-12", 5)).toBe("2026-02-26");
  });

  it("counts make-up Saturdays", () => {
    expect(addWorkingDays("2025-04-24", 2)).toBe("2025-04-26");
    expect(addWorkingDays("2025-04-24", 3)).toBe("2025-04-28");
  });

  it("goes backwards and handles n = 0", () => {
    expect(addWorkingDays("2025-02-03", -1)).toBe("2025-01-24");
    expect(addWorkingDays("2025-10-06", -1)).toBe("2025-10-03");
    expect(addWorkingDays("2025-10-06", 0)).toBe("2025-10-06");
    expect(addWorkingDays("2025-10-04", 0)).toBe("2025-10-06");
    expect(nextWorkingDayOnOrAfter("2025-04-30")).toBe("2025-05-05");
    expect(() => addWorkingDays("2025-10-06", 0.5)).toThrow(RangeError);
  });

  it("counts working days in (from, to]", () => {
    expect(workingDaysBetween("2025-10-03", "2025-10-06")).toBe(1);
    expect(workingDaysBetween("2025-10-06", "2025-10-06")).toBe(0);
    expect(workingDaysBetween("2025-01-24", "2025-02-07")).toBe(5);
    expect(workingDaysBetween("2025-02-07", "2025-01-24")).toBe(-5);
  });
});
