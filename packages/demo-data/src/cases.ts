import { PROVINCES, moneySummary, nextDeadline, provinceCode, type CaseEvent, type ObligationInput, type ProvinceDef } from "@thads/domain";
import { dayOf, iso, nextWorking } from "./days.ts";
import { buildHistory, type Outcome } from "./history.ts";
import { BANKS, WARDS, address, citizenId, companyName, personName, phone, taxCode } from "./names.ts";
import { pick, rng, stableUuid, weighted } from "./prng.ts";

export const CASE_COLUMNS = [
  "id",
  "province_id",
  "unit_id",
  "case_number",
  "accepted_on",
  "decision_date",
  "decision_kind",
  "judgment_type",
  "is_bank_credit",
  "is_corruption",
  "executor_id",
  "status",
  "debtor_name",
  "creditor_name",
  "money_due",
  "money_collected",
  "closed_on",
  "version",
  "judgment_id",
  "source",
  "next_deadline_on",
  "next_deadline_kind",
  "last_event_on",
] as const;
export const JUDGMENT_COLUMNS = [
  "id",
  "province_id",
  "unit_id",
  "court_name",
  "judgment_number",
  "judgment_date",
  "judgment_type",
] as const;
export const PARTY_COLUMNS = [
  "id",
  "case_id",
  "province_id",
  "unit_id",
  "role",
  "kind",
  "full_name",
  "id_number",
  "address",
  "contact",
] as const;
export const OBLIGATION_COLUMNS = [
  "id",
  "case_id",
  "province_id",
  "unit_id",
  "code",
  "kind",
  "amount",
  "paid",
  "description",
  "performed_on",
] as const;
/** case_events.id is an identity column: rows get increasing ids in the order they are written. */
export const EVENT_COLUMNS = ["case_id", "province_id", "unit_id", "kind", "effective_date", "payload", "actor_id"] as const;

type Row<C extends readonly string[]> = Record<C[number], string | null>;
export type CaseRow = Row<typeof CASE_COLUMNS>;
export type JudgmentRow = Row<typeof JUDGMENT_COLUMNS>;
export type PartyRow = Row<typeof PARTY_COLUMNS>;
export type ObligationRow = Row<typeof OBLIGATION_COLUMNS>;
/** `payload` is the jsonb text, exactly what the core package's `toEventRow` gives for the event. */
export type EventRow = Row<typeof EVENT_COLUMNS>;

/** One case with everything that belongs to it, as rows for the database. */
export interface GeneratedCase {
  case: CaseRow;
  judgment: JudgmentRow;
  parties: PartyRow[];
  obligations: ObligationRow[];
  events: EventRow[];
}

const JUDGMENT_TYPES = [
  ["civil", 46],
  ["criminal", 30],
  ["business", 10],
  ["family", 8],
  ["labour", 2],
  ["administrative", 2],
  ["bankruptcy", 1],
  ["arbitration", 1],
] as const;
type JudgmentType = (typeof JUDGMENT_TYPES)[number][0];

/** Judgment number suffix by type: 123/2024/DS-ST. */
const JUDGMENT_SUFFIX: Record<JudgmentType, string> = {
  civil: "DS",
  criminal: "HS",
  business: "KDTM",
  family: "HNGĐ",
  labour: "LĐ",
  administrative: "HC",
  bankruptcy: "QĐ-PS",
  arbitration: "QĐ-PQTT",
};

const MONEY_DESCRIPTIONS: Record<JudgmentType, readonly string[]> = {
  civil: [
    "Trả nợ theo hợp đồng vay tài sản",
    "Bồi thường thiệt hại ngoài hợp đồng",
    "Trả lại tiền đặt cọc và tiền phạt cọc",
    "Thanh toán tiền mua bán tài sản",
  ],
  criminal: ["Bồi thường thiệt hại cho bị hại", "Nộp phạt tiền bổ sung", "Truy thu sung quỹ nhà nước", "Nộp án phí hình sự sơ thẩm"],
  business: ["Thanh toán tiền hàng và lãi chậm trả", "Bồi thường thiệt hại do vi phạm hợp đồng", "Hoàn trả tiền tạm ứng hợp đồng"],
  family: ["Cấp dưỡng nuôi con", "Thanh toán chênh lệch giá trị tài sản chung", "Trả nợ chung trong thời kỳ hôn nhân"],
  labour: ["Trả tiền lương và trợ cấp thôi việc", "Bồi thường do đơn phương chấm dứt hợp đồng lao động trái pháp luật"],
  administrative: ["Bồi thường thiệt hại do quyết định hành chính trái pháp luật", "Hoàn trả tiền thu không đúng quy định"],
  bankruptcy: ["Thanh toán nợ theo quyết định tuyên bố phá sản"],
  arbitration: ["Thanh toán theo phán quyết trọng tài thương mại"],
};
const BANK_DEBT = "Trả nợ gốc và lãi theo hợp đồng tín dụng";
const CORRUPTION_DEBT = [
  "Nộp lại số tiền chiếm đoạt",
  "Bồi thường thiệt hại cho Nhà nước",
  "Truy thu khoản tiền thu lợi bất chính",
] as const;
const ACTS: Partial<Record<JudgmentType, readonly string[]>> = {
  civil: ["Trả lại quyền sử dụng đất", "Tháo dỡ công trình xây dựng trên đất lấn chiếm", "Trả lại nhà ở", "Giao trả tài sản là xe ô tô"],
  family: ["Giao con chung cho người được thi hành án trực tiếp nuôi dưỡng", "Giao quyền sử dụng đất là tài sản chung được chia"],
};

const DAY = 86_400_000;

/**
 * Statuses in which a case can have a running agency deadline. In the others the domain's
 * `nextDeadline` is null: closed cases closed them all, and an enforceable or enforcing case got
 * there through a verification (which closes the verification deadlines) and a classification
 * "enforceable" (which opens none). Skipping the fold there saves time; the tests re-derive every
 * sample case with the domain, these included.
 */
const MAY_HAVE_DEADLINE = new Set(["accepted", "decided", "notified", "verified", "not_yet_enforceable", "postponed", "suspended"]);

/** Money due in đồng with a long tail: a few million up to hundreds of billions. */
function moneyDue(r: () => number, bankCredit: boolean, corruption: boolean): bigint {
  const minExp = bankCredit ? 8 : 6.3; // 100 million / 2 million
  const maxExp = bankCredit || corruption ? 11.7 : 10; // ~500 billion / 10 billion
  const skew = r() ** 2.2; // most cases small, a few very large
  const value = 10 ** (minExp + skew * (maxExp - minExp));
  return BigInt(Math.round(value / 1000)) * 1000n;
}

export interface CaseGenUnit {
  id: string;
  provinceId: string;
  code: string;
  executors: string[];
  /** Clerks of the unit (they record acceptances and decisions). */
  clerks?: string[];
  /** Head of the unit (re-assigns executors). */
  headId?: string | null;
}

export interface CaseGenOptions {
  count: number;
  seed?: number;
  /** Sub-bureaus with their province and executors. */
  units: CaseGenUnit[];
  /** "Today" for the generator: cases are spread over the five statistical years before it. */
  today?: string;
  /**
   * Executors with demo accounts: their unit takes 3 times its share of cases and they get a
   * third of the unit's cases, so their lists (open cases, deadlines) are well filled.
   */
  focusExecutors?: readonly string[];
}

export const DEFAULT_TODAY = "2026-11-27";

/**
 * The odds of a case's outcome by its age (days from acceptance to the generator's today). Cases
 * with means are mostly done within months (history.ts), so what stays open for years is the
 * exception: the older the case, the rarer an open enforceable standing, as in the published
 * figures, where about 84 % of the enforceable cases of a year are done within it
 * (packages/demo-data/src/calibration.ts measures it).
 */
export function outcomeOdds(ageDays: number, mine: boolean) {
  const old = ageDays > 420;
  return [
    ["completed", ageDays > 365 ? 88 : 44],
    ["terminated", 4],
    ["enforcing", old ? 0.2 : 14],
    ["not_yet_enforceable", 14],
    ["postponed", old ? 0.4 : 2],
    ["suspended", old ? 0.3 : 1],
    ["enforceable", old ? 0.1 : 3],
    ["stalled", ageDays < 200 ? (mine ? 15 : 6) : 0],
  ] as const;
}

interface UnitInfo extends CaseGenUnit {
  province: ProvinceDef;
  /** Regional office number (KV01 → 1). */
  n: number;
  /** Province part of the case number: QĐ-HAI-PHONG. */
  numberCode: string;
  focus: string | null;
}

function unitInfo(u: CaseGenUnit, focus: ReadonlySet<string>): UnitInfo {
  const province = PROVINCES.find((p) => u.code.startsWith(`${provinceCode(p)}-`)) ?? PROVINCES[0]!;
  const n = Number(/KV(\d+)$/.exec(u.code)?.[1] ?? 1);
  return {
    ...u,
    province,
    n,
    numberCode: u.code.replace(/^P-/, "").split("-KV")[0]!,
    focus: u.executors.find((e) => focus.has(e)) ?? null,
  };
}

function courtName(r: () => number, unit: UnitInfo, judgmentDay: number, appeal: boolean, mergerDay: number): string {
  const p = unit.province;
  if (judgmentDay >= mergerDay) {
    if (appeal || r() < 0.15) return `Tòa án nhân dân ${p.city ? "thành phố" : "tỉnh"} ${p.name}`;
    const n = r() < 0.8 ? unit.n : 1 + Math.floor(r() * p.subunits);
    return `Tòa án nhân dân khu vực ${n} – ${p.name}`;
  }
  // Before 1 Jul 2025: the courts of the former provinces and their districts.
  const former = p.formerProvinces.length > 1 && r() < 0.4 ? pick(r, p.formerProvinces.slice(1)) : p.formerProvinces[0]!;
  const kind = former === p.formerProvinces[0] && p.city ? "thành phố" : "tỉnh";
  if (appeal || r() < 0.15) return `Tòa án nhân dân ${kind} ${former}`;
  return `Tòa án nhân dân ${pick(r, ["huyện", "huyện", "thị xã", "thành phố"] as const)} ${pick(r, WARDS)}`;
}

const bigintJson = (_k: string, v: unknown) => (typeof v === "bigint" ? v.toString() : v);

/** The jsonb payload of an event: what `toEventRow` (packages/core) stores. */
export function eventPayload(event: CaseEvent): string {
  const { kind: _kind, effectiveDate: _date, ...rest } = event as CaseEvent & Record<string, unknown>;
  return JSON.stringify(rest, bigintJson);
}

/**
 * Generates cases one at a time with their judgment, parties, obligations and event ledger
 * (streams millions without holding them). Deterministic for a given seed, count, unit list and
 * today. The case row is the projection the core package's recordEvent would hold after recording
 * the same events one by one on `today`:
 *  - status, executor_id, decision_date, closed_on, last_event_on, source: the derived state;
 *  - money_due: the sum of the money obligations once decided (before, the judgment's amount, as
 *    intake writes it); money_collected: what was paid;
 *  - next_deadline_on/kind: the domain's nextDeadline(events, today, agency deadlines only);
 *  - version: the number of events (intake writes version 1 with the acceptance, each recorded
 *    event adds one).
 */
export function* generateCaseHistories(opts: CaseGenOptions): Generator<GeneratedCase> {
  const seed = opts.seed ?? 7;
  const r = rng(seed);
  const todayIso = opts.today ?? DEFAULT_TODAY;
  const todayDay = dayOf(todayIso);
  const today = todayDay * DAY;
  const start = today - 5 * 365 * DAY;
  const mergerDay = dayOf("2025-07-01");
  const focus = new Set(opts.focusExecutors ?? []);
  const units = opts.units.map((u) => unitInfo(u, focus));
  // Larger provinces' offices carry more cases: weight by executors (demo offices × 3).
  const cumulative: number[] = [];
  units.reduce((s, u, i) => (cumulative[i] = s + u.executors.length * (u.focus ? 3 : 1)), 0);
  const total = cumulative[cumulative.length - 1] ?? 0;
  const seqByProvince = new Map<string, number>();
  const judgmentSeq = new Map<string, number>();

  for (let i = 0; i < opts.count; i++) {
    const x = r() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    const unit = units[lo]!;
    const seq = (seqByProvince.get(unit.provinceId) ?? 0) + 1;
    seqByProvince.set(unit.provinceId, seq);

    const judgment = weighted(r, JUDGMENT_TYPES);
    const bankCredit = (judgment === "business" || judgment === "civil") && r() < 0.12;
    const corruption = judgment === "criminal" && r() < 0.06;
    // Executor: the demo executor takes a third of their office's cases, more of them recent.
    let executor: string | null = null;
    let other: string | null = null;
    if (unit.executors.length) {
      executor = unit.focus && r() < 0.35 ? unit.focus : unit.executors[Math.floor(r() * unit.executors.length)]!;
      if (unit.executors.length > 1 && executor !== unit.focus) {
        other = unit.executors[Math.floor(r() * unit.executors.length)]!;
        if (other === executor) other = unit.executors[(unit.executors.indexOf(executor) + 1) % unit.executors.length]!;
      }
    }

    const mine = executor !== null && executor === unit.focus;
    const acceptedMs = start + Math.floor(r() ** (mine ? 0.5 : 0.7) * (today - start));
    let acceptedDay = nextWorking(Math.floor(acceptedMs / DAY));
    if (acceptedDay > todayDay) acceptedDay = todayDay;
    const accepted = iso(acceptedDay);
    const ageDays = todayDay - acceptedDay;

    const outcome: Outcome = weighted(r, outcomeOdds(ageDays, mine));

    const ids = stableIds(seed, i);
    const caseId = ids(0);
    const mode = judgment === "criminal" || r() < 0.2 ? "ex_officio" : "on_request";
    const caseNumber = `${seq}/${accepted.slice(0, 4)}/QĐ-${unit.numberCode}`;

    // Judgment: 1–60 days before acceptance.
    const judgmentDay = acceptedDay - 1 - Math.floor(r() ** 1.5 * 60);
    const appeal = r() < 0.18;
    const court = courtName(r, unit, judgmentDay, appeal, mergerDay);
    const jYear = iso(judgmentDay).slice(0, 4);
    const suffix = JUDGMENT_SUFFIX[judgment];
    const jKey = `${unit.provinceId}|${court}|${jYear}|${suffix}`;
    const jn = (judgmentSeq.get(jKey) ?? 0) + 1 + Math.floor(r() * 3);
    judgmentSeq.set(jKey, jn);
    const judgmentNumber = suffix.startsWith("QĐ") ? `${jn}/${jYear}/${suffix}` : `${jn}/${jYear}/${suffix}-${appeal ? "PT" : "ST"}`;
    const judgmentRow: JudgmentRow = {
      id: ids(1),
      province_id: unit.provinceId,
      unit_id: unit.id,
      court_name: court,
      judgment_number: judgmentNumber,
      judgment_date: iso(judgmentDay),
      judgment_type: judgment,
    };

    // Parties.
    const p = unit.province;
    const local = () => (r() < 0.9 ? p : pick(r, PROVINCES));
    /** A party as the generator writes it. */
    type Party = { kind: "person" | "organization"; name: string; idNumber: string | null; address: string | null; contact: string | null };
    const personParty = (): Party => {
      const where = local();
      return {
        kind: "person" as const,
        name: personName(r),
        idNumber: citizenId(r),
        address: address(r, where.name, where.city),
        contact: r() < 0.4 ? phone(r) : null,
      };
    };
    const companyParty = (): Party => {
      const where = local();
      return {
        kind: "organization" as const,
        name: companyName(r),
        idNumber: taxCode(r),
        address: address(r, where.name, where.city),
        contact: r() < 0.3 ? phone(r) : null,
      };
    };
    const theState = { kind: "organization" as const, name: "Nhà nước", idNumber: null, address: null, contact: null };
    let creditor: Party;
    if (bankCredit) {
      creditor = {
        kind: "organization" as const,
        name: pick(r, BANKS),
        idNumber: taxCode(r),
        address: `Chi nhánh ${p.name}, ${address(r, p.name, p.city)}`,
        contact: null,
      };
    } else if (corruption || (judgment === "criminal" && r() < 0.4)) creditor = theState;
    else if (judgment === "business" || judgment === "arbitration" || judgment === "bankruptcy")
      creditor = r() < 0.8 ? companyParty() : personParty();
    else creditor = personParty();
    const orgShare =
      judgment === "bankruptcy" || judgment === "administrative"
        ? 1
        : judgment === "business" || judgment === "arbitration"
          ? 0.8
          : judgment === "labour"
            ? 0.9
            : bankCredit
              ? 0.6
              : judgment === "criminal"
                ? 0.02
                : 0.15;
    let debtor: Party;
    if (r() < orgShare) {
      debtor =
        judgment === "administrative"
          ? {
              kind: "organization" as const,
              name: `Ủy ban nhân dân ${r() < 0.6 ? "phường" : "xã"} ${pick(r, WARDS)}`,
              idNumber: null,
              address: `${p.city ? "Thành phố" : "Tỉnh"} ${p.name}`,
              contact: null,
            }
          : companyParty();
    } else debtor = personParty();
    const related = r() < 0.05 ? personParty() : null;

    // Obligations: mostly one sum of money; some a second (court fee, late interest); a few acts.
    const due = moneyDue(r, bankCredit, corruption);
    const mainDescription = bankCredit ? BANK_DEBT : corruption ? pick(r, CORRUPTION_DEBT) : pick(r, MONEY_DESCRIPTIONS[judgment]);
    const obligations: ObligationInput[] = [];
    if (r() < 0.12 && due >= 5_000_000n) {
      const second = ((due * BigInt(3 + Math.floor(r() * 17))) / 100n / 1000n) * 1000n;
      obligations.push({ id: "K1", kind: "money", amount: due - second, description: mainDescription });
      obligations.push({
        id: "K2",
        kind: "money",
        amount: second,
        description: r() < 0.6 ? "Án phí sơ thẩm" : "Tiền lãi chậm thi hành án",
      });
    } else {
      obligations.push({ id: "K1", kind: "money", amount: due, description: mainDescription });
    }
    const acts = ACTS[judgment];
    if (acts && r() < (judgment === "family" ? 0.1 : 0.05)) {
      obligations.push({ id: `K${obligations.length + 1}`, kind: "act", description: pick(r, acts) });
    }

    const built = buildHistory(r, {
      outcome,
      acceptedDay,
      today: todayDay,
      provinceId: unit.provinceId,
      unitId: unit.id,
      source: mode === "ex_officio" ? "court_transfer" : "creditor_request",
      mode,
      decisionNumber: caseNumber,
      obligations,
      executorId: executor,
      otherExecutorId: other,
      debtorKind: debtor.kind,
      due,
      bankCredit,
      clerkId: unit.clerks?.length ? unit.clerks[Math.floor(r() * unit.clerks.length)]! : null,
      headId: unit.headId ?? null,
    });
    const s = built.state;

    // The projection (see above).
    const money = moneySummary(s);
    const next = MAY_HAVE_DEADLINE.has(s.status) ? nextDeadline(built.events, todayIso, { actors: ["agency"] }) : null;

    const caseRow: CaseRow = {
      id: caseId,
      province_id: unit.provinceId,
      unit_id: unit.id,
      case_number: caseNumber,
      accepted_on: accepted,
      decision_date: s.decidedOn,
      decision_kind: mode,
      judgment_type: judgment,
      is_bank_credit: bankCredit ? "t" : "f",
      is_corruption: corruption ? "t" : "f",
      executor_id: s.executorId,
      status: s.status,
      debtor_name: debtor.name,
      creditor_name: creditor.name,
      // Until the decision lists the obligations, the case carries the judgment's amount (intake).
      money_due: (s.decidedOn ? money.due : due).toString(),
      money_collected: money.paid.toString(),
      closed_on: s.closedOn,
      // Intake writes version 1 with the acceptance; every later event adds one.
      version: String(built.events.length),
      judgment_id: judgmentRow.id,
      source: s.source,
      next_deadline_on: next?.dueDate ?? null,
      next_deadline_kind: next?.kind ?? null,
      last_event_on: s.lastEventDate,
    };

    const parties: PartyRow[] = [];
    const addParty = (
      role: string,
      party: { kind: string; name: string; idNumber: string | null; address: string | null; contact: string | null },
    ) => {
      parties.push({
        id: ids(2 + parties.length),
        case_id: caseId,
        province_id: unit.provinceId,
        unit_id: unit.id,
        role,
        kind: party.kind,
        full_name: party.name,
        id_number: party.idNumber,
        address: party.address,
        contact: party.contact,
      });
    };
    addParty("creditor", creditor);
    addParty("debtor", debtor);
    if (related) addParty("related", related);

    // The case service writes the obligations with the decision.
    const obligationRows: ObligationRow[] = [];
    if (s.decidedOn) {
      for (const o of s.obligations) {
        obligationRows.push({
          id: ids(8 + obligationRows.length),
          case_id: caseId,
          province_id: unit.provinceId,
          unit_id: unit.id,
          code: o.id,
          kind: o.kind,
          amount: o.kind === "money" ? o.amount.toString() : null,
          paid: o.kind === "money" ? o.paid.toString() : "0",
          description: o.description ?? null,
          performed_on: o.kind === "act" ? o.performedOn : null,
        });
      }
    }

    const events: EventRow[] = built.events.map((e, k) => ({
      case_id: caseId,
      province_id: unit.provinceId,
      unit_id: unit.id,
      kind: e.kind,
      effective_date: e.effectiveDate,
      payload: eventPayload(e),
      actor_id: built.actors[k] ?? null,
    }));

    yield { case: caseRow, judgment: judgmentRow, parties, obligations: obligationRows, events };
  }
}

/** The case rows only (the projection), as before the ledger existed. */
export function* generateCases(opts: CaseGenOptions): Generator<CaseRow> {
  for (const c of generateCaseHistories(opts)) yield c.case;
}

/**
 * Ids for one case and its rows, time-ordered like UUIDv7: the first 48 bits count up with the
 * case number (from a base derived from the seed), the rest comes from a hash of seed and number.
 * Ordered ids keep the database's case_id indexes append-only while seeding. k = 0 is the case,
 * 1 its judgment, 2–7 parties, 8+ obligations.
 */
function stableIds(seed: number, i: number): (k: number) => string {
  const base = 0x019a_0000_0000 + (seed % 4096) * 0x1_0000_0000;
  const t = (base + i * 16).toString(16).padStart(12, "0");
  const h = stableUuid(`case:${seed}:${i}`).replace(/-/g, "");
  return (k) => {
    const tt = k === 0 ? t : (base + i * 16 + k).toString(16).padStart(12, "0");
    return `${tt.slice(0, 8)}-${tt.slice(8, 12)}-7${h.slice(13, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
  };
}

/** Escapes one value for COPY ... FROM STDIN (text format). */
export function copyValue(v: string | null): string {
  if (v === null) return "\\N";
  if (!/[\\\t\n\r]/.test(v)) return v;
  return v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
}
