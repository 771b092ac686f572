/**
 * One-stop and online procedures of a provincial bureau (docs/domain.md §7): what a
 * citizen, company or bank may ask for, the documents each needs, and the legal time the bureau
 * has to answer, in working days counted from the day the request reaches it.
 *
 * The time limits are not kept here: each procedure names its rule in the table of legal rules
 * (`LEGAL_RULE_SETS`, ../cases/rules.ts), and `procedureLimitOn(kind, date)` reads the rule set in
 * force on the day the request was received — the limits change on 01/07/2026 (Decree 152/2026).
 * A limit whose source is not verified is flagged `toConfirm`.
 */
import { addWorkingDays, compareDates, VN_CALENDAR, workingDaysBetween, type IsoDate, type WorkingCalendar } from "../cases/calendar.ts";
import { legalRuleOn, weakestVerification, type LegalInstrument, type LegalSource, type Verification } from "../cases/rules.ts";
import { PROCEDURES, type RequestKind } from "./catalog.ts";

export {
  isRequestKind,
  PROCEDURES,
  type Procedure,
  procedureBySegment,
  procedureFor,
  REQUEST_KINDS,
  type RequestKind,
  type RequiredDocument,
} from "./catalog.ts";

/** A procedure's time limit as in force on a date, with its citation. */
export interface ProcedureLimit {
  kind: RequestKind;
  /** Working days from receipt. */
  workingDays: number;
  /** First day of the rule set the limit comes from. */
  effectiveFrom: IsoDate;
  sources: readonly LegalSource[];
  /** Weakest verification mark among the sources. */
  verified: Verification;
  /** The reading of the law needs the directorate's confirmation (a source is not verified). */
  toConfirm: boolean;
  /** Vietnamese basis as shown to the public: the citation and what the limit is for. */
  basis: string;
}

const INSTRUMENT_VI: Readonly<Record<LegalInstrument, string>> = {
  "Law 26/2008/QH12 (2008 wording)": "Luật Thi hành án dân sự số 26/2008/QH12",
  "Law 26/2008 (amended)": "Luật Thi hành án dân sự 2008 (sửa đổi, bổ sung)",
  "Decree 62/2015/NĐ-CP": "Nghị định 62/2015/NĐ-CP",
  "Law 106/2025/QH15": "Luật Thi hành án dân sự số 106/2025/QH15",
  "Decree 152/2026/NĐ-CP": "Nghị định 152/2026/NĐ-CP",
  "Law on Property Auction 01/2016/QH14": "Luật Đấu giá tài sản 01/2016/QH14",
  "Circular 216/2016/TT-BTC": "Thông tư 216/2016/TT-BTC",
  "Law on Denunciations 25/2018/QH14": "Luật Tố cáo 25/2018/QH14",
  "Circular 13/2021/TT-BTP": "Thông tư 13/2021/TT-BTP",
};

/** "Nghị định 152/2026/NĐ-CP, Điều 87 khoản 2". */
export function formatSourceVi(s: LegalSource): string {
  const article = s.article === "—" ? "" : `, Điều ${s.article}`;
  const clause = s.clause ? ` khoản ${s.clause.replace(/ ¶(\d+)/, " đoạn $1")}` : "";
  const point = s.point ? ` điểm ${s.point}` : "";
  return `${INSTRUMENT_VI[s.instrument]}${article}${clause}${point}`;
}

/**
 * The time limit of a procedure for a request received on `date`: read from the rule set in force
 * that day (before 01/07/2026 Law 26/2008 as amended and Decree 62/2015; from then on Law 106/2025
 * and Decree 152/2026). Throws RangeError for a malformed date or one before the rules.
 */
export function procedureLimitOn(kind: RequestKind, date: IsoDate): ProcedureLimit {
  const p = PROCEDURES[kind];
  const r = legalRuleOn(p.rule, date);
  if (typeof r.value !== "number" || r.unit !== "working_days") throw new TypeError(`Rule '${p.rule}' is not a number of working days`);
  const verified = weakestVerification(r.sources);
  const cites = r.sources.map(formatSourceVi).join("; ");
  return {
    kind,
    workingDays: r.value,
    effectiveFrom: r.effectiveFrom,
    sources: r.sources,
    verified,
    toConfirm: verified !== "verified",
    basis: `${cites}: ${p.limitSubject_vi} trong ${String(r.value).padStart(2, "0")} ngày làm việc${verified === "verified" ? "" : " (chưa đối chiếu được văn bản)"}`,
  };
}

/**
 * Legal due date of a request: the N-th working day after it reached the bureau, N from the rule
 * set in force on that day. A request filed online on a day off reaches the bureau on the next
 * working day, so counting starts from there.
 */
export function requestDueOn(kind: RequestKind, receivedOn: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): IsoDate {
  return addWorkingDays(receivedOn, procedureLimitOn(kind, receivedOn).workingDays, calendar);
}

export type Timeliness =
  | { state: "open"; dueOn: IsoDate; workingDaysLeft: number }
  | { state: "overdue"; dueOn: IsoDate; workingDaysLate: number }
  | { state: "on_time"; dueOn: IsoDate; closedOn: IsoDate }
  | { state: "late"; dueOn: IsoDate; closedOn: IsoDate; workingDaysLate: number };

/** On time or late: closed on or before the due date is on time; open past it is overdue. */
export function timeliness(dueOn: IsoDate, closedOn: IsoDate | null, today: IsoDate, calendar: WorkingCalendar = VN_CALENDAR): Timeliness {
  if (closedOn) {
    return compareDates(closedOn, dueOn) <= 0
      ? { state: "on_time", dueOn, closedOn }
      : { state: "late", dueOn, closedOn, workingDaysLate: workingDaysBetween(dueOn, closedOn, calendar) };
  }
  return compareDates(today, dueOn) <= 0
    ? { state: "open", dueOn, workingDaysLeft: workingDaysBetween(today, dueOn, calendar) }
    : { state: "overdue", dueOn, workingDaysLate: workingDaysBetween(dueOn, today, calendar) };
}
