import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  LEGAL_RULE_CODES,
  LEGAL_RULE_SETS,
  legalRuleOn,
  legalRuleSetFor,
  legalValueOn,
  type LegalRuleCode,
} from "../../src/cases/index.ts";
import { renderLegalRulesDoc } from "../../src/legal-rules-doc.ts";

const docsDir = new URL("../../../../docs/", import.meta.url);

/** Expected value of every rule the day before and the day the new law takes effect. */
const BOUNDARY: Readonly<Record<LegalRuleCode, readonly [string | number | null, string | number | null, string, string]>> = {
  // code: [value on 30/06/2026, value on 01/07/2026, first source on 30/06, first source on 01/07]
  limitationYears: [5, 5, "Law 26/2008 (amended) 30(1)", "Law 106/2025/QH15 34(2 ¶1)"],
  limitationStopReasons: [
    "postponement, suspension, objective_obstacle, force_majeure",
    "emergency, objective_obstacle, force_majeure",
    "Law 26/2008 (amended) 30(2, 3)",
    "Law 106/2025/QH15 34(2 ¶2)",
  ],
  courtTransferDays: [30, 15, "Law 26/2008 (amended) 28(1)", "Law 106/2025/QH15 33(1)"],
  incompleteRequestWorkingDays: [null, 1, "", "Decree 152/2026/NĐ-CP 9(6)"],
  decisionWorkingDays: [5, 5, "Law 26/2008 (amended) 36(1)", "Law 106/2025/QH15 34(3 ¶2)"],
  bankruptcyDecisionWorkingDays: [3, 3, "Law 26/2008 (amended) 36(2 ¶4)(e)", "Law 106/2025/QH15 33(3)(c)"],
  caseFileWorkingDays: [null, 2, "", "Decree 152/2026/NĐ-CP 12(2)"],
  notificationWorkingDays: [3, 3, "Law 26/2008 (amended) 39(2)", "Law 106/2025/QH15 35(1 ¶2)"],
  voluntaryDays: [10, 10, "Law 26/2008 (amended) 45(1)", "Law 106/2025/QH15 36(1)"],
  verificationDays: [10, 9, "Law 26/2008 (amended) 44(1)", "Law 106/2025/QH15 37(1)"],
  reverificationMonths: [6, 6, "Law 26/2008 (amended) 44(2)", "Law 106/2025/QH15 38(3)"],
  reverificationMonthsExtended: [12, 12, "Law 26/2008 (amended) 44(2)", "Law 106/2025/QH15 38(3)"],
  reverificationStopsAfter: [2, null, "Law 26/2008 (amended) 44(2)", ""],
  newInformationVerificationDays: [10, 10, "Decree 62/2015/NĐ-CP 9(4 ¶2)", "Law 106/2025/QH15 38(2 ¶2)"],
  registerAfterMonths: [12, 24, "Decree 62/2015/NĐ-CP 9(5)(a)", "Law 106/2025/QH15 38(4)"],
  registerAfterMonthsExtended: [24, 24, "Decree 62/2015/NĐ-CP 9(5)(a)", "Law 106/2025/QH15 38(4)"],
  registerMinVerifications: [2, 1, "Decree 62/2015/NĐ-CP 9(5)(b)", "Law 106/2025/QH15 38(4)"],
  registerWorkingDays: [3, 0, "Decree 62/2015/NĐ-CP 9(5)", "Decree 152/2026/NĐ-CP 22(1)"],
  requestReturnOnRequest: [null, "request returned; the case ends", "", "Law 106/2025/QH15 38(4)"],
  publishDebtorWorkingDays: [5, 5, "Decree 62/2015/NĐ-CP 11(1)", "Decree 152/2026/NĐ-CP 23(1)"],
  publishChangeWorkingDays: [3, 3, "Decree 62/2015/NĐ-CP 11(2)", "Decree 152/2026/NĐ-CP 23(2 ¶1)"],
  publishWithdrawWorkingDays: [2, 3, "Decree 62/2015/NĐ-CP 11(3)", "Decree 152/2026/NĐ-CP 23(2 ¶2)"],
  resultConfirmationWorkingDays: [5, 3, "Law 26/2008 (amended) 53", "Decree 152/2026/NĐ-CP 32(3)"],
  executorChangeWorkingDays: [5, 3, "Decree 62/2015/NĐ-CP 10(3)", "Decree 152/2026/NĐ-CP 13(3)"],
  feeExemptionWorkingDays: [5, 5, "Circular 216/2016/TT-BTC —", "Circular 216/2016/TT-BTC —"],
  coercionCostExemptionWorkingDays: [5, 3, "Decree 62/2015/NĐ-CP 44(2 ¶3)", "Decree 152/2026/NĐ-CP 87(2 ¶3)"],
  complaintAcceptanceWorkingDays: [5, 5, "Law 26/2008 (amended) 148", "Law 106/2025/QH15 104"],
  secondComplaintAcceptanceDays: [10, 10, "Circular 13/2021/TT-BTP 9(1)", "Law 106/2025/QH15 104"],
  denunciationAcceptanceWorkingDays: [7, 7, "Circular 13/2021/TT-BTP 16(1)", "Law on Denunciations 25/2018/QH14 24"],
  complaintBeforeCoercionDays: [15, 15, "Law 26/2008 (amended) 140(2)(a)", "Law 106/2025/QH15 96(2)(a)"],
  complaintAccountFreezeWorkingDays: [3, null, "Law 26/2008 (amended) 140(2)(b ¶1)", ""],
  complaintSecurityMeasureDays: [10, 10, "Law 26/2008 (amended) 140(2)(b ¶2)", "Law 106/2025/QH15 96(2)(b)"],
  complaintCoercionAndAfterDays: [30, 30, "Law 26/2008 (amended) 140(2)(c, d)", "Law 106/2025/QH15 96(2)(c)"],
  secondComplaintDays: [15, 15, "Law 26/2008 (amended) 140(2)", "Law 106/2025/QH15 96(3)"],
  complaintResolutionDays: [15, 15, "Law 26/2008 (amended) 146(1)", "Law 106/2025/QH15 102(1)"],
  secondComplaintResolutionDays: [30, 30, "Law 26/2008 (amended) 146(1)", "Law 106/2025/QH15 102(1)"],
  complaintResolutionSecurityWorkingDays: [5, 5, "Law 26/2008 (amended) 146(2)", "Law 106/2025/QH15 102(2)"],
  complaintResolutionCoercionDays: [30, 30, "Law 26/2008 (amended) 146(3)", "Law 106/2025/QH15 102(3)"],
  secondComplaintResolutionCoercionDays: [45, 45, "Law 26/2008 (amended) 146(3)", "Law 106/2025/QH15 102(3)"],
  complaintResolutionExtensionDays: [30, 30, "Law 26/2008 (amended) 146(3 ¶2, 5)", "Law 106/2025/QH15 102(3 ¶2, 4)"],
  denunciationResolutionDays: [60, 30, "Law 26/2008 (amended) 157(2 ¶3)", "Law 106/2025/QH15 110(2 ¶4)"],
  denunciationResolutionComplexDays: [90, 60, "Law 26/2008 (amended) 157(2 ¶3)", "Law 106/2025/QH15 110(2 ¶4)"],
  denunciationResolutionVeryComplexDays: [null, 90, "", "Law 106/2025/QH15 110(2 ¶4)"],
  revaluationRequestWorkingDays: [5, 5, "Law 26/2008 (amended) 99(1)", "Law 106/2025/QH15 82(2)"],
  revaluationOnRequestTimes: [1, 1, "Law 26/2008 (amended) 99(1)", "Law 106/2025/QH15 82(2)"],
  priceChangeValuationPercent: [20, 20, "Decree 62/2015/NĐ-CP 17(1)(c)", "Law 106/2025/QH15 82(5)"],
  failedAuctionNoticeWorkingDays: [5, 2, "Law 26/2008 (amended) 104(1)", "Decree 152/2026/NĐ-CP 65(6 ¶1)"],
  reductionAgreementDays: [10, null, "Law 26/2008 (amended) 104(1)", ""],
  reductionDecisionWorkingDays: [null, 5, "", "Law 106/2025/QH15 83(3 ¶1)"],
  maxPriceReductionPercent: [10, 10, "Law 26/2008 (amended) 104(5)", "Law 106/2025/QH15 83(3 ¶1)"],
  creditorMayTakeAfterReductions: [2, 2, "Law 26/2008 (amended) 104(2)", "Law 106/2025/QH15 83(3 ¶2)"],
  auctionFloor: ["coercion costs", "enforcement costs", "Law 26/2008 (amended) 104(3)", "Law 106/2025/QH15 83(3 ¶3)"],
  buyerPaymentDays: [30, 30, "Decree 62/2015/NĐ-CP 27(3 ¶2)", "Decree 152/2026/NĐ-CP 65(1)"],
  buyerPaymentMaxDaysByAgreement: [30, 60, "Decree 62/2015/NĐ-CP 27(3 ¶2)", "Decree 152/2026/NĐ-CP 65(1)"],
  depositMinPercent: [5, 5, "Law on Property Auction 01/2016/QH14 39(1)", "Law on Property Auction 01/2016/QH14 39(1)"],
  depositMaxPercent: [20, 20, "Law on Property Auction 01/2016/QH14 39(1)", "Law on Property Auction 01/2016/QH14 39(1)"],
  paymentDays: [10, 10, "Law 26/2008 (amended) 47(5)", "Law 106/2025/QH15 54(6)"],
};

const cite = (code: LegalRuleCode, date: string) => {
  const s = legalRuleOn(code, date).sources[0]!;
  return `${s.instrument} ${s.article}${s.clause ? `(${s.clause})` : ""}${s.point ? `(${s.point})` : ""}`;
};

describe("the table of legal rules", () => {
  it("picks the old set until 30/06/2026 and the Law 106 / Decree 152 set from 01/07/2026", () => {
    expect(LEGAL_RULE_SETS.map((s) => s.effectiveFrom)).toEqual(["2009-07-01", "2015-07-01", "2026-07-01"]);
    expect(legalRuleSetFor("2026-06-30").effectiveFrom).toBe("2015-07-01");
    expect(legalRuleSetFor("2026-07-01").effectiveFrom).toBe("2026-07-01");
    expect(() => legalRuleSetFor("2009-06-30")).toThrow(RangeError);
  });

  it.each(LEGAL_RULE_CODES)("%s has its value and source on both sides of 01/07/2026", (code) => {
    const [before, after, citeBefore, citeAfter] = BOUNDARY[code];
    for (const [date, value, source] of [
      ["2026-06-30", before, citeBefore],
      ["2026-07-01", after, citeAfter],
    ] as const) {
      if (value === null) {
        expect(() => legalRuleOn(code, date)).toThrow(RangeError);
        continue;
      }
      expect(legalRuleOn(code, date).value).toBe(value);
      expect(cite(code, date)).toBe(source);
      if (typeof value === "number") expect(legalValueOn(code, date)).toBe(value);
    }
  });

  it("gives every rule a source with an instrument, an article and a verification mark", () => {
    for (const set of LEGAL_RULE_SETS) {
      for (const [code, r] of Object.entries(set.rules)) {
        expect(r.sources.length, `${set.effectiveFrom} ${code}`).toBeGreaterThan(0);
        for (const s of r.sources) {
          expect(s.article.length).toBeGreaterThan(0);
          expect(["verified", "partly", "unverified"]).toContain(s.verified);
        }
      }
    }
  });

  it("never marks a source more firmly than docs/law-sources.md marks its row", () => {
    const research = readFileSync(new URL("law-sources.md", docsDir), "utf8");
    const marks = new Map<string, string>();
    for (const line of research.split("\n")) {
      const m = /^\|\s*([A-Z]\d+[a-z]*)\s*\|/.exec(line);
      if (!m) continue;
      const status = line
        .trim()
        .replace(/\|\s*$/, "")
        .split("|")
        .pop()!
        .trim();
      marks.set(m[1]!, status);
    }
    const rank = { unverified: 0, partly: 1, verified: 2 } as const;
    const rowRank = (status: string) => (/^VERIFIED/.test(status) ? 2 : /^PARTLY/.test(status) ? 1 : 0);
    for (const set of LEGAL_RULE_SETS) {
      for (const [code, r] of Object.entries(set.rules)) {
        for (const s of r.sources) {
          if (!s.row) {
            expect(s.verified, `${code}: a source without a research row cannot be verified`).toBe("unverified");
            continue;
          }
          expect(marks.has(s.row), `${set.effectiveFrom} ${code}: row ${s.row} in law-sources.md`).toBe(true);
          expect(rank[s.verified], `${set.effectiveFrom} ${code} ${s.row}: ${s.verified} vs ${marks.get(s.row)}`).toBeLessThanOrEqual(
            rowRank(marks.get(s.row)!),
          );
        }
      }
    }
  });
});

describe("docs/legal-rules.md", () => {
  it("is what `npm run docs:legal-rules` generates (run it after changing the rules)", () => {
    const committed = readFileSync(new URL("legal-rules.md", docsDir), "utf8");
    expect(committed).toBe(renderLegalRulesDoc());
  });

  it("lists every rule of every set with its mark", () => {
    const doc = renderLegalRulesDoc();
    for (const set of LEGAL_RULE_SETS) for (const code of Object.keys(set.rules)) expect(doc).toContain(`| \`${code}\` |`);
    expect(doc).toContain("Decree 152/2026/NĐ-CP, Art. 32(3) — verified (O1n)");
    expect(doc).toContain("| **unverified** |");
  });
});
