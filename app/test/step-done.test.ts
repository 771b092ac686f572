import { describe, expect, it } from "vitest";
import type { CaseEvent } from "@thads/domain";
import { translate, type Lang } from "../app/i18n.ts";
import { describeTimeline } from "../app/routes/cases/event-facts.ts";
import { casesMessages, type CasesMessageKey } from "../app/routes/cases/messages.ts";
import { doneMessage, parseDone } from "../app/routes/cases/step-done.ts";

const EXECUTOR = "0b6f1a52-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
const EVENTS: CaseEvent[] = [
  { kind: "acceptance", effectiveDate: "2026-10-05", provinceId: "P", source: "court_transfer" },
  {
    kind: "decision",
    effectiveDate: "2026-10-07",
    mode: "on_request",
    decisionNumber: "12/QĐ-THADS",
    obligations: [{ id: "O1", kind: "money", amount: 150_000_000n }],
  },
  { kind: "executor_change", effectiveDate: "2026-10-08", executorId: EXECUTOR },
];

const translator = (lang: Lang) => (key: CasesMessageKey, params?: Record<string, string>) => translate(casesMessages, lang, key, params);

/** The timeline as the case page builds it: each ledger row with its name and facts. */
function timelineOf(events: CaseEvent[], lang: Lang = "vi") {
  const entries = events.map(({ kind, effectiveDate, ...rest }) => ({
    kind,
    effectiveDate,
    payload: JSON.parse(JSON.stringify(rest, (_k, v) => (typeof v === "bigint" ? v.toString() : v))) as Record<string, unknown>,
  }));
  const described = describeTimeline(entries, { lang, names: { [EXECUTOR]: "Nguyễn Văn An" }, obligations: [] });
  return events.map((e, i) => ({ kind: e.kind, described: described[i]! }));
}

describe("the confirmation after a step", () => {
  it("takes only a known step kind from the address, never other text", () => {
    expect(parseDone("decision")).toBe("decision");
    expect(parseDone("executor_change")).toBe("executor_change");
    expect(parseDone("steering_propose")).toBe("steering_propose");
    for (const bad of [null, undefined, "", "acceptance", "Decision", "decision ", "<script>alert(1)</script>", "__proto__", "toString"]) {
      expect(parseDone(bad), String(bad)).toBeNull();
    }
  });

  it("names the step as the timeline does, and the case, in both languages", () => {
    const vi = timelineOf(EVENTS);
    expect(doneMessage("decision", "TEST-1", vi, translator("vi"))).toBe("Đã ghi nhận: Ra quyết định thi hành án — việc số TEST-1");
    expect(doneMessage("executor_change", "TEST-1", vi, translator("vi"))).toBe("Đã ghi nhận: Phân công chấp hành viên — việc số TEST-1");
    expect(doneMessage("steering_propose", "TEST-1", vi, translator("vi"))).toBe(
      "Đã gửi đề xuất đưa vào danh sách theo dõi — việc số TEST-1",
    );
    const en = timelineOf(EVENTS, "en");
    expect(doneMessage("decision", "TEST-1", en, translator("en"))).toBe("Recorded: Enforcement decision — case no. TEST-1");
    expect(doneMessage("executor_change", "TEST-1", en, translator("en"))).toBe("Recorded: Executor assigned — case no. TEST-1");
  });

  it("names a later executor a change", () => {
    const events: CaseEvent[] = [
      ...EVENTS,
      { kind: "executor_change", effectiveDate: "2026-10-09", executorId: "1c7a2b63-4d5e-4f60-9b7c-8d9e0f1a2b3c", reason: "Điều động" },
    ];
    expect(doneMessage("executor_change", "TEST-1", timelineOf(events), translator("vi"))).toBe(
      "Đã ghi nhận: Thay đổi chấp hành viên — việc số TEST-1",
    );
  });

  it("shows nothing for a step the case does not have", () => {
    expect(doneMessage("payment", "TEST-1", timelineOf(EVENTS), translator("vi"))).toBeNull();
  });
});
