import { describe, expect, it } from "vitest";
import {
  actionsFor,
  addWorkingDays,
  applyRequestAction,
  formatTrackingCode,
  isClosedStatus,
  isRequestKind,
  newTrackingCode,
  normalizeSecondFactor,
  normalizeTrackingCode,
  procedureBySegment,
  procedureLimitOn,
  PROCEDURES,
  REQUEST_KINDS,
  REQUEST_STATUSES,
  requestDueOn,
  timeliness,
  type RequestAction,
} from "../../src/index.ts";

describe("procedures", () => {
  it("has one procedure per kind, each with documents, a legal basis and a deadline in working days", () => {
    expect(Object.keys(PROCEDURES).sort()).toEqual([...REQUEST_KINDS].sort());
    for (const kind of REQUEST_KINDS) {
      const p = PROCEDURES[kind];
      expect(p.kind).toBe(kind);
      for (const date of ["2026-06-30", "2026-07-01"]) {
        const limit = procedureLimitOn(kind, date);
        expect(Number.isInteger(limit.workingDays) && limit.workingDays > 0).toBe(true);
        expect(limit.sources.length).toBeGreaterThan(0);
        expect(limit.basis.length).toBeGreaterThan(10);
      }
      expect(p.documents.some((d) => d.required)).toBe(true);
      expect(procedureBySegment(p.segment)).toBe(p);
    }
    expect(new Set(REQUEST_KINDS.map((k) => PROCEDURES[k].segment)).size).toBe(REQUEST_KINDS.length);
    expect(procedureBySegment("nope")).toBeNull();
    expect(isRequestKind("complaint")).toBe(true);
    expect(isRequestKind("x")).toBe(false);
  });

  it("an enforcement request is due 5 working days after receipt, a result confirmation 5 until 30/06/2026 and 3 from 01/07/2026", () => {
    expect(procedureLimitOn("enforcement_request", "2026-10-05").workingDays).toBe(5);
    expect(procedureLimitOn("result_confirmation", "2026-06-30").workingDays).toBe(5);
    expect(procedureLimitOn("result_confirmation", "2026-07-01").workingDays).toBe(3);
    // Monday 5 Oct 2026 → Monday 12 Oct 2026.
    expect(requestDueOn("enforcement_request", "2026-10-05")).toBe("2026-10-12");
    // Filed on Saturday 10 Oct 2026: counting starts on Monday, due Wednesday 14 Oct (3 working days).
    expect(requestDueOn("result_confirmation", "2026-10-10")).toBe("2026-10-14");
    // Before the new decree: filed Saturday 11 Oct 2025, due Friday 17 Oct (5 working days).
    expect(requestDueOn("result_confirmation", "2025-10-11")).toBe("2025-10-17");
    // Across Tết 2026 (16–20 Feb off): received Friday 13 Feb → due Friday 27 Feb.
    expect(requestDueOn("enforcement_request", "2026-02-13")).toBe("2026-02-27");
    expect(requestDueOn("denunciation", "2026-10-05")).toBe(addWorkingDays("2026-10-05", 7));
  });

  it("changes the one-stop time limits on 01/07/2026, each with its citation", () => {
    const at = (kind: Parameters<typeof procedureLimitOn>[0]) => {
      const before = procedureLimitOn(kind, "2026-06-30");
      const after = procedureLimitOn(kind, "2026-07-01");
      return [before.workingDays, before.basis, after.workingDays, after.basis] as const;
    };
    const [rc0, rcb0, rc1, rcb1] = at("result_confirmation");
    expect([rc0, rc1]).toEqual([5, 3]);
    expect(rcb0).toContain("Nghị định 62/2015/NĐ-CP, Điều 37");
    expect(rcb1).toContain("Nghị định 152/2026/NĐ-CP, Điều 32 khoản 3");
    const [ec0, ecb0, ec1, ecb1] = at("executor_change");
    expect([ec0, ec1]).toEqual([5, 3]);
    expect(ecb0).toContain("Nghị định 62/2015/NĐ-CP, Điều 10 khoản 3");
    expect(ecb1).toContain("Nghị định 152/2026/NĐ-CP, Điều 13 khoản 3");
    const [cc0, ccb0, cc1, ccb1] = at("coercion_cost_exemption");
    expect([cc0, cc1]).toEqual([5, 3]);
    expect(ccb0).toContain("Nghị định 62/2015/NĐ-CP, Điều 44 khoản 2");
    expect(ccb1).toContain("Nghị định 152/2026/NĐ-CP, Điều 87 khoản 2");
    const [ca0, cab0, ca1, cab1] = at("complaint");
    expect([ca0, ca1]).toEqual([5, 5]);
    expect(cab0).toContain("Luật Thi hành án dân sự 2008 (sửa đổi, bổ sung), Điều 148");
    expect(cab1).toContain("Luật Thi hành án dân sự số 106/2025/QH15, Điều 104");
    const [er0, , er1] = at("enforcement_request");
    expect([er0, er1]).toEqual([5, 5]);
    expect(procedureLimitOn("coercion_cost_exemption", "2026-07-01")).toMatchObject({
      effectiveFrom: "2026-07-01",
      verified: "verified",
      toConfirm: false,
    });
    expect(procedureLimitOn("fee_exemption", "2026-07-01")).toMatchObject({ workingDays: 5, verified: "unverified", toConfirm: true });
    expect(procedureLimitOn("denunciation", "2026-06-30")).toMatchObject({ workingDays: 7, toConfirm: false });
    // Received Tuesday 30 Jun 2026 → 5 working days → Tuesday 7 Jul; Wednesday 1 Jul → 3 → Monday 6 Jul.
    expect(requestDueOn("executor_change", "2026-06-30")).toBe("2026-07-07");
    expect(requestDueOn("executor_change", "2026-07-01")).toBe("2026-07-06");
    expect(requestDueOn("coercion_cost_exemption", "2026-06-30")).toBe("2026-07-07");
    expect(requestDueOn("coercion_cost_exemption", "2026-07-01")).toBe("2026-07-06");
    expect(() => procedureLimitOn("executor_change", "2015-06-30")).toThrow(RangeError);
  });
});

describe("on time or late", () => {
  it("closed on or before the due date is on time, after it late by working days", () => {
    expect(timeliness("2026-10-12", "2026-10-12", "2026-10-20")).toEqual({ state: "on_time", dueOn: "2026-10-12", closedOn: "2026-10-12" });
    expect(timeliness("2026-10-12", "2026-10-09", "2026-10-20").state).toBe("on_time");
    expect(timeliness("2026-10-12", "2026-10-14", "2026-10-20")).toEqual({
      state: "late",
      dueOn: "2026-10-12",
      closedOn: "2026-10-14",
      workingDaysLate: 2,
    });
  });

  it("open requests count the working days left, or the working days overdue", () => {
    expect(timeliness("2026-10-12", null, "2026-10-08")).toEqual({ state: "open", dueOn: "2026-10-12", workingDaysLeft: 2 });
    expect(timeliness("2026-10-12", null, "2026-10-12")).toEqual({ state: "open", dueOn: "2026-10-12", workingDaysLeft: 0 });
    // Friday 9 Oct due, looked at on Monday 12 Oct: one working day late (the weekend does not count).
    expect(timeliness("2026-10-09", null, "2026-10-12")).toEqual({ state: "overdue", dueOn: "2026-10-09", workingDaysLate: 1 });
  });
});

describe("request status machine", () => {
  it("walks submitted → received → processing → returned", () => {
    let s = applyRequestAction("submitted", "receive");
    expect(s).toEqual({ ok: true, to: "received" });
    s = applyRequestAction("received", "process");
    expect(s).toEqual({ ok: true, to: "processing" });
    s = applyRequestAction("processing", "return", "Đã ra quyết định thi hành án số 12/QĐ-THADS");
    expect(s).toEqual({ ok: true, to: "returned" });
    expect(applyRequestAction("received", "return", "Xác nhận ngay")).toEqual({ ok: true, to: "returned" });
  });

  it("refuses skipped, backward and repeated steps with a Vietnamese reason", () => {
    const bad: [(typeof REQUEST_STATUSES)[number], RequestAction][] = [
      ["submitted", "process"],
      ["submitted", "return"],
      ["received", "receive"],
      ["processing", "receive"],
      ["returned", "reject"],
      ["returned", "process"],
      ["rejected", "receive"],
      ["rejected", "return"],
    ];
    for (const [from, action] of bad) {
      const r = applyRequestAction(from, action, "x");
      expect(r.ok, `${from} ${action}`).toBe(false);
      if (!r.ok) {
        expect(r.code).toBe("invalid_transition");
        expect(r.message_vi).toContain("Không thể");
      }
    }
  });

  it("a rejection and a returned result need their text", () => {
    const r = applyRequestAction("submitted", "reject", "  ");
    expect(r).toMatchObject({ ok: false, code: "reason_required", message_vi: "Lý do từ chối: bắt buộc nhập." });
    expect(applyRequestAction("processing", "return", "")).toMatchObject({ ok: false, code: "reason_required" });
    expect(applyRequestAction("submitted", "reject", "Không thuộc thẩm quyền")).toEqual({ ok: true, to: "rejected" });
  });

  it("offers only the allowed actions, none once closed", () => {
    expect(actionsFor("submitted")).toEqual(["receive", "reject"]);
    expect(actionsFor("received")).toEqual(["process", "return", "reject"]);
    expect(actionsFor("processing")).toEqual(["return", "reject"]);
    expect(actionsFor("returned")).toEqual([]);
    expect(actionsFor("rejected")).toEqual([]);
    expect(REQUEST_STATUSES.filter(isClosedStatus)).toEqual(["returned", "rejected"]);
  });
});

describe("tracking codes", () => {
  it("are 12 random symbols and a check symbol, and round-trip through the display form", () => {
    const seen = new Set<string>();
    for (let i = 0; i < 2000; i++) {
      const code = newTrackingCode();
      // Letters and digits only, the check symbol included: every code can be read over the telephone.
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{13}$/);
      expect(normalizeTrackingCode(formatTrackingCode(code))).toBe(code);
      seen.add(code);
    }
    expect(seen.size).toBe(2000);
  });

  it("is deterministic for given random bytes (the check symbol is Crockford's mod 37)", () => {
    const zeros = newTrackingCode((n) => new Uint8Array(n));
    expect(zeros).toBe("0000000000000");
    const ones = newTrackingCode((n) => new Uint8Array(n).fill(1));
    // 0x111111111111 in base 32 digits of 1 = sum 32^k for k<12, mod 37.
    let mod = 0;
    for (let i = 0; i < 12; i++) mod = (mod * 32 + 1) % 37;
    expect(ones).toBe(`111111111111${"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U"[mod]}`);
  });

  it("steps the last symbol when the check would be *, ~, $, = or U, and still reads codes issued with those", () => {
    // Twelve symbols whose mod 37 is 32..36 get their last symbol stepped until the check is readable.
    for (let last = 0; last < 32; last++) {
      const code = newTrackingCode((n) => Uint8Array.from({ length: n }, (_, i) => (i === n - 1 ? last : 5)));
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{13}$/);
      expect(normalizeTrackingCode(code)).toBe(code);
      expect(code.slice(0, 11)).toBe("55555555555");
    }
    let legacy = "";
    for (let last = 0; last < 32 && !legacy; last++) {
      const body = `55555555555${"0123456789ABCDEFGHJKMNPQRSTVWXYZ"[last]}`;
      let mod = 0;
      for (const ch of body) mod = (mod * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(ch)) % 37;
      if (mod >= 32) legacy = body + "*~$=U"[mod - 32];
    }
    expect(legacy).not.toBe("");
    expect(normalizeTrackingCode(legacy)).toBe(legacy);
  });

  it("catches a mistyped or swapped symbol before any look-up, and reads confusable letters leniently", () => {
    const code = newTrackingCode((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + 3) & 31));
    const shown = formatTrackingCode(code);
    expect(normalizeTrackingCode(shown.toLowerCase())).toBe(code);
    expect(normalizeTrackingCode(` ${shown.replace(/-/g, " ")} `)).toBe(code);
    // Every single-symbol substitution in the body is caught.
    const alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (let i = 0; i < 12; i++) {
      for (const ch of alphabet) {
        if (ch === code[i]) continue;
        const typo = code.slice(0, i) + ch + code.slice(i + 1);
        expect(normalizeTrackingCode(typo)).toBeNull();
      }
    }
    // Adjacent transpositions of different symbols are caught.
    for (let i = 0; i < 11; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
      expect(normalizeTrackingCode(swapped)).toBeNull();
    }
    expect(normalizeTrackingCode("O000-0000-0000-0")).toBe("0000000000000");
    expect(normalizeTrackingCode("")).toBeNull();
    expect(normalizeTrackingCode("<script>")).toBeNull();
    expect(normalizeTrackingCode("X".repeat(100))).toBeNull();
  });

  it("normalizes the second factor: phone digits (84 → 0) or an ID number", () => {
    expect(normalizeSecondFactor("0912 345 678")).toBe("0912345678");
    expect(normalizeSecondFactor("+84 912-345-678")).toBe("0912345678");
    expect(normalizeSecondFactor("031190004567")).toBe("031190004567");
    expect(normalizeSecondFactor(" b1234567 ")).toBe("B1234567");
  });
});
