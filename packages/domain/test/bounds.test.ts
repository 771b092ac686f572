import { describe, expect, it } from "vitest";
import {
  MAX_CASE_DONG,
  MAX_DONG,
  applyEvent,
  checkAcceptanceDate,
  checkDong,
  checkPastDate,
  checkPlannedDate,
  checkStatYear,
  latestPlannedDate,
  parseCaseEvent,
  setSimulatedToday,
  simulatedToday,
  todayInVietnam,
  type CaseEvent,
} from "../src/index.ts";

const field = { key: "effectiveDate", vi: "Ngày hiệu lực", en: "Effective date" };

describe("today in Việt Nam", () => {
  it("is the date in UTC+7, not the server's", () => {
    expect(todayInVietnam(new Date("2026-12-04T16:59:59Z"))).toBe("2026-12-04");
    expect(todayInVietnam(new Date("2026-12-04T17:00:00Z"))).toBe("2026-12-05");
    expect(todayInVietnam(new Date("2026-12-31T20:00:00Z"))).toBe("2027-01-01");
  });

  it("is a rehearsal server's simulated day when one is set, unless a clock is passed", () => {
    const real = todayInVietnam();
    try {
      setSimulatedToday("2028-08-01");
      expect(simulatedToday()).toBe("2028-08-01");
      expect(todayInVietnam()).toBe("2028-08-01");
      expect(todayInVietnam(new Date("2026-12-04T16:59:59Z"))).toBe("2026-12-04");
      expect(() => setSimulatedToday("01/08/2028")).toThrow(/YYYY-MM-DD/);
    } finally {
      setSimulatedToday(null);
    }
    expect(simulatedToday()).toBeNull();
    expect(todayInVietnam()).toBe(real);
  });
});

describe("dates of steps taken", () => {
  const today = "2026-12-04";
  it("accepts today, the acceptance date and days between", () => {
    expect(checkPastDate("2026-12-04", { field, today, acceptedOn: "2025-03-01" })).toBeNull();
    expect(checkPastDate("2025-03-01", { field, today, acceptedOn: "2025-03-01" })).toBeNull();
    expect(checkPastDate("1990-01-01", { field, today })).toBeNull();
  });
  it("refuses tomorrow, 2099 and 9999, naming the field in Vietnamese first", () => {
    for (const d of ["2026-12-05", "2099-01-01", "9999-12-31"]) {
      const e = checkPastDate(d, { field, today });
      expect(e?.code, d).toBe("date_in_future");
      expect(e?.field).toBe("effectiveDate");
      expect(e?.message_vi).toMatch(/^Ngày hiệu lực: không được sau ngày hôm nay \(04\/12\/2026\)/);
      expect(e?.message_en).toMatch(/^Effective date: /);
    }
  });
  it("refuses a date before the case's acceptance, and before 1990", () => {
    expect(checkPastDate("2025-02-28", { field, today, acceptedOn: "2025-03-01" })?.code).toBe("date_before_acceptance");
    expect(checkPastDate("1989-12-31", { field, today })?.code).toBe("date_too_early");
    expect(checkPastDate("0001-01-01", { field, today })?.code).toBe("date_too_early");
  });
  it("refuses what is not a date", () => {
    expect(checkPastDate("2026-02-30", { field, today })?.code).toBe("invalid_date");
  });
});

describe("acceptance dates", () => {
  const today = "2026-12-04";
  const accepted = { key: "acceptedOn", vi: "Ngày thụ lý", en: "Acceptance date" };
  it("from the first rule set in force (1 July 2009) to today", () => {
    expect(checkAcceptanceDate("2009-07-01", { field: accepted, today })).toBeNull();
    expect(checkAcceptanceDate("2026-12-04", { field: accepted, today })).toBeNull();
    expect(checkAcceptanceDate("2009-06-30", { field: accepted, today })?.code).toBe("date_before_rules");
    expect(checkAcceptanceDate("1995-03-02", { field: accepted, today })?.message_vi).toMatch(
      /^Ngày thụ lý: không được trước ngày 01\/07\/2009/,
    );
    expect(checkAcceptanceDate("1985-03-02", { field: accepted, today })?.code).toBe("date_too_early");
    expect(checkAcceptanceDate("2026-12-05", { field: accepted, today })?.code).toBe("date_in_future");
  });
});

describe("planned dates", () => {
  const today = "2026-12-04";
  it("may lie up to ten years ahead", () => {
    expect(latestPlannedDate(today)).toBe("2036-12-04");
    expect(checkPlannedDate("2036-12-04", { field, today })).toBeNull();
    expect(checkPlannedDate("2027-06-01", { field, today })).toBeNull();
  });
  it("refuses more than ten years ahead and before 1990", () => {
    expect(checkPlannedDate("2036-12-05", { field, today })?.code).toBe("date_too_far_ahead");
    expect(checkPlannedDate("9999-01-01", { field, today })?.message_vi).toMatch(/^Ngày hiệu lực: không được quá 10 năm/);
    expect(checkPlannedDate("1989-06-01", { field, today })?.code).toBe("date_too_early");
  });
});

describe("money", () => {
  const amount = { key: "amount", vi: "Số tiền", en: "Amount" };
  it("accepts 1 đồng up to the cap; zero only where allowed", () => {
    expect(checkDong(1n, { field: amount })).toBeNull();
    expect(checkDong(MAX_DONG, { field: amount })).toBeNull();
    expect(checkDong(0n, { field: amount })?.code).toBe("amount_not_positive");
    expect(checkDong(0n, { field: amount, allowZero: true })).toBeNull();
    expect(checkDong(-1n, { field: amount, allowZero: true })?.code).toBe("amount_negative");
  });
  it("refuses one đồng over the cap, naming the field", () => {
    const e = checkDong(MAX_DONG + 1n, { field: amount });
    expect(e?.code).toBe("amount_too_large");
    expect(e?.message_vi).toMatch(/^Số tiền: vượt quá mức tối đa/);
  });
  it("the cap sits between the largest real judgments (< 10^15) and bigint's range", () => {
    expect(MAX_DONG > 10n ** 15n).toBe(true);
    expect(MAX_CASE_DONG < 2n ** 63n - 1n).toBe(true);
  });
  it("the event schema refuses an amount over the cap", () => {
    const payment = { kind: "payment", effectiveDate: "2026-01-10", obligationId: "O1", amount: (MAX_DONG + 1n).toString() };
    expect(() => parseCaseEvent(payment)).toThrow();
    expect(parseCaseEvent({ ...payment, amount: MAX_DONG.toString() })).toMatchObject({ amount: MAX_DONG });
    expect(() => parseCaseEvent({ ...payment, amount: (10n ** 18n).toString() })).toThrow();
  });
  it("a decision refuses one obligation over the cap, and obligations totalling over the case cap", () => {
    const accepted = applyEvent(null, { kind: "acceptance", effectiveDate: "2026-01-02", provinceId: "P", source: "court_transfer" });
    if (!accepted.ok) throw new Error(accepted.error.message_vi);
    const decide = (amounts: bigint[]): CaseEvent => ({
      kind: "decision",
      effectiveDate: "2026-01-05",
      mode: "on_request",
      obligations: amounts.map((amount, i) => ({ id: `O${i}`, kind: "money" as const, amount })),
    });
    expect(applyEvent(accepted.state, decide([MAX_DONG])).ok).toBe(true);
    const over = applyEvent(accepted.state, decide([MAX_DONG + 1n]));
    expect(over.ok ? null : over.error.code).toBe("invalid_amount");
    const many = applyEvent(accepted.state, decide(Array.from({ length: 101 }, () => MAX_DONG)));
    expect(many.ok ? null : many.error.code).toBe("invalid_amount");
    expect(applyEvent(accepted.state, decide(Array.from({ length: 100 }, () => MAX_DONG))).ok).toBe(true);
  });
});

describe("statistical years of targets", () => {
  const year = { key: "statYear", vi: "Năm thống kê", en: "Statistical year" };
  it("from 1990 to ten years ahead", () => {
    expect(checkStatYear(2026, { field: year, today: "2026-12-04" })).toBeNull();
    expect(checkStatYear(2036, { field: year, today: "2026-12-04" })).toBeNull();
    expect(checkStatYear(2037, { field: year, today: "2026-12-04" })?.code).toBe("year_out_of_range");
    expect(checkStatYear(1989, { field: year, today: "2026-12-04" })?.message_vi).toBe("Năm thống kê: phải từ năm 1990 đến năm 2036.");
  });
});
