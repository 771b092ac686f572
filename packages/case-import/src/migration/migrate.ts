/*
 * Moving a province in: its cases with their state and history. The cases file is taken in as by
 * today's import; each case's history (the events file, or in snapshot mode the minimal history
 * of its state at the cut-over date) is replayed through the lifecycle's rules, exactly as steps
 * recorded on the case page, and written in bulk: ledger rows, obligations, the case's projection.
 * Statistics follow from the ledger's own triggers (ADR 009); the audit trail from the tables'.
 */
import { fromEventRow, toEventRow, type Actor } from "@thads/core";
import { asCaseWriter, type TxSql } from "@thads/db";
import {
  applyEvent,
  CASE_EVENT_LABELS,
  checkPastDate,
  deriveState,
  mayRecordStep,
  moneySummary,
  nextDeadline,
  todayInVietnam,
  type CaseEvent,
  type CaseState,
  type IsoDate,
  type ObligationInput,
} from "@thads/domain";
import { acceptanceOf, importCases, loadScope, loadUnits, type CaseProjection } from "../import.ts";
import type { ImportError, ParseResult } from "../types.ts";
import { validateRow, type ValidRow } from "../validate.ts";
import { cellsOf, columnOfRule, eventKey, parseObligations, rowEvent, snapshotHistory } from "./events.ts";

export interface MigrationFiles {
  /** The cases file (parsed with MIGRATION_CASE_FILE). */
  cases?: ParseResult;
  /** The events file (parsed with EVENT_FILE). */
  events?: ParseResult;
}

export interface MigrationProgress {
  phase: "validate" | "replay" | "write" | "done";
  /** Cases and events checked so far, and of how many. */
  checked: number;
  /** Rows written so far (cases, then events). */
  written: number;
  total: number;
}

export interface MigrationOptions {
  actor: Actor;
  /** true (default): any error and nothing is written. false: cases whose rows and history are valid are written. */
  allOrNothing?: boolean;
  dryRun?: boolean;
  /** The cases file carries each case's state at the cut-over (trang_thai…): its minimal history is made from it. */
  snapshot?: boolean;
  /** Snapshot mode: the cut-over date (default: today). */
  cutover?: IsoDate;
  today?: IsoDate;
  onProgress?: (p: MigrationProgress) => void;
  /**
   * Ledger rows per insert (default 100,000). Each insert's statistics trigger updates every
   * aggregate row its cases touch (all the days and offices of a province), so fewer, larger
   * inserts do much less work: a 30,000-case migration took 124 s in 20,000-row inserts, 79 s in
   * 100,000-row ones (docs/benchmarks.md). 100,000 rows is a JSON parameter of about 20 MB.
   */
  chunkSize?: number;
}

export interface MigrationError extends ImportError {
  file: "cases" | "events";
}

export interface MigrationResult {
  ok: boolean;
  written: boolean;
  dryRun: boolean;
  cases: { total: number; imported: number; unchanged: number };
  events: { total: number; imported: number; unchanged: number; synthetic: number };
  errors: MigrationError[];
  errorCount: number;
}

/** A step to write: where it came from and its ledger identity. */
interface NewStep {
  file: "cases" | "events";
  line: number;
  /** The column an error of this step is reported on (snapshot steps: the cases file's column). */
  column?: string;
  event: CaseEvent;
  key: string;
  migrated: "history" | "snapshot";
}

interface CaseEntry {
  provinceId: string;
  unitId: string;
  caseNumber: string;
  decisionKind: "ex_officio" | "on_request";
  obligations: ObligationInput[];
  executorId?: string;
  /** The cases-file row of a case not yet in the database. */
  row?: ValidRow;
  /** The cases-file row's cells. */
  cells?: Record<string, string | undefined>;
  existing?: { id: string; version: number };
  base: CaseEvent[];
  keys: Set<string>;
  steps: NewStep[];
  failed: boolean;
  /** Identity → occurrences so far (the n-th step of a kind on a date). */
  seen: Map<string, number>;
  final?: { state: CaseState; events: CaseEvent[] };
  /** The case row was inserted in its final state (a new case): no update after its events. */
  insertedFinal?: boolean;
}

/** The case row's columns as its whole ledger leaves them (what recordEvent sets after each step). */
function projectionOf(e: CaseEntry, today: IsoDate): CaseProjection {
  const { state, events } = e.final!;
  const money = moneySummary(state);
  const next = nextDeadline(events, today, { actors: ["agency"] });
  return {
    status: state.status,
    executor_id: state.executorId,
    decision_date: state.decidedOn,
    money_due: state.decidedOn ? money.due.toString() : null,
    money_collected: money.paid.toString(),
    closed_on: state.closedOn,
    next_deadline_on: next?.dueDate ?? null,
    next_deadline_kind: next?.kind ?? null,
    last_event_on: state.lastEventDate,
    transferred_to_province_id: state.transferredTo?.provinceId ?? null,
    transferred_to_agency: state.transferredTo?.militaryAgency ?? null,
  };
}

const caseKey = (provinceId: string, caseNumber: string) => `${provinceId}\u0000${caseNumber}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

class Rollback extends Error {}

/**
 * Imports a province's cases and their histories in the caller's transaction (the importing
 * user's, under row-level security). Validates both files, replays every case's history through
 * the lifecycle, then writes in a savepoint. Re-running the same files changes nothing: cases are
 * matched by number, events by their identity (ma_su_kien, or kind + date + order within the day).
 */
export async function importMigration(tx: TxSql, files: MigrationFiles, opts: MigrationOptions): Promise<MigrationResult> {
  const today = opts.today ?? todayInVietnam();
  const allOrNothing = opts.allOrNothing ?? true;
  const dryRun = opts.dryRun ?? false;
  const chunkSize = opts.chunkSize ?? 100_000;
  const casesFile = files.cases;
  const eventsFile = files.events;
  const errors: MigrationError[] = [];
  const add = (file: "cases" | "events", list: readonly ImportError[]) => {
    for (const e of list) errors.push({ ...e, file });
  };
  const colOf = (f: ParseResult | undefined) => (key: string) => (f?.headers as Record<string, string> | undefined)?.[key] ?? key;
  const caseCol = colOf(casesFile);
  const eventCol = colOf(eventsFile);
  const total = (casesFile?.rows.length ?? 0) + (eventsFile?.rows.length ?? 0);
  const progress: MigrationProgress = { phase: "validate", checked: 0, written: 0, total };
  const report = () => opts.onProgress?.({ ...progress });
  const counts = { casesImported: 0, casesUnchanged: 0, eventsImported: 0, eventsUnchanged: 0, synthetic: 0 };
  const result = (written: boolean): MigrationResult => {
    progress.phase = "done";
    report();
    errors.sort((a, b) => (a.file === b.file ? a.line - b.line : a.file === "cases" ? -1 : 1));
    return {
      ok: errors.length === 0,
      written,
      dryRun,
      cases: { total: casesFile?.records ?? 0, imported: written || dryRun ? counts.casesImported : 0, unchanged: counts.casesUnchanged },
      events: {
        total: eventsFile?.records ?? 0,
        imported: written || dryRun ? counts.eventsImported : 0,
        unchanged: counts.eventsUnchanged,
        synthetic: written || dryRun ? counts.synthetic : 0,
      },
      errors: errors.slice(0, 10_000),
      errorCount: errors.length,
    };
  };
  if (casesFile) add("cases", casesFile.errors);
  if (eventsFile) add("events", eventsFile.errors);
  if (casesFile?.fatal || eventsFile?.fatal) return result(false);
  if (!mayRecordStep(opts.actor.roles, "acceptance")) {
    add("cases", [
      {
        line: 0,
        column: null,
        code: "forbidden",
        message: "Bạn không có quyền thụ lý việc thi hành án (cần vai trò thư ký, trưởng phòng khu vực hoặc cán bộ cấp tỉnh).",
      },
    ]);
    return result(false);
  }
  report();
  await asCaseWriter(tx);

  // 1. The cases file: each row as today's import validates it.
  const units = await loadUnits(tx, casesFile?.rows ?? []);
  const scope = await loadScope(tx);
  const entries = new Map<string, CaseEntry>();
  const byNumber = new Map<string, CaseEntry[]>();
  const index = (e: CaseEntry) => {
    entries.set(caseKey(e.provinceId, e.caseNumber), e);
    byNumber.set(e.caseNumber, [...(byNumber.get(e.caseNumber) ?? []), e]);
  };
  const ctx = { headers: casesFile?.headers ?? {}, units, scope, today, legacy: true };
  const valid: ValidRow[] = [];
  for (const row of casesFile?.rows ?? []) {
    const r = validateRow(row, ctx);
    if (!r.ok) add("cases", r.errors);
    else valid.push(r.row);
    progress.checked++;
  }
  const executorEmails = new Set<string>();
  for (const row of [...(casesFile?.rows ?? []), ...(eventsFile?.rows ?? [])]) {
    const email = (cellsOf(row).chap_hanh_vien ?? "").trim().toLowerCase();
    if (email) executorEmails.add(email);
  }
  const executors = new Map<string, string>();
  for (const part of chunks([...executorEmails], 10_000)) {
    const found = await tx<{ id: string; email: string; unit_id: string }[]>`
      select p.id, lower(p.email) as email, m.unit_id from public.memberships m join public.profiles p on p.id = m.user_id
      where m.role = 'executor' and lower(p.email) = any(${part}::text[])`;
    for (const f of found) executors.set(`${f.email}\u0000${f.unit_id}`, f.id);
  }
  const executorIn = (unitId: string) => (email: string) => executors.get(`${email}\u0000${unitId}`) ?? null;

  // Provinces the events may name a case in: the file's and the user's.
  const [own] = await tx<{ provinces: string[] }[]>`
    select coalesce(array_agg(distinct u.province_id::text), '{}') as provinces from public.units u
    where u.id = any(${[...scope.unitIds]}::uuid[]) or u.id = any(${[...scope.provinceIds]}::uuid[]) and u.province_id is not null`;
  const provinces = new Set([...(own?.provinces ?? []), ...scope.provinceIds, ...valid.map((r) => r.unit.provinceId)]);
  const numbers = new Set<string>([...valid.map((r) => r.input.caseNumber)]);
  for (const row of eventsFile?.rows ?? []) numbers.add((cellsOf(row).so_thu_ly ?? "").trim());
  numbers.delete("");
  const inDb = new Map<
    string,
    { id: string; province_id: string; unit_id: string; case_number: string; version: number; decision_kind: string; money_due: string }
  >();
  for (const part of chunks([...numbers], 10_000)) {
    const found = await tx<
      { id: string; province_id: string; unit_id: string; case_number: string; version: number; decision_kind: string; money_due: string }[]
    >`
      select id, province_id, unit_id, case_number, version, decision_kind, money_due::text as money_due from public.cases
      where case_number = any(${part}::text[]) and province_id = any(${[...provinces]}::uuid[])`;
    for (const c of found) inDb.set(caseKey(c.province_id, c.case_number), c);
  }

  const rowByLine = new Map((casesFile?.rows ?? []).map((r) => [r.line, r]));
  const seenInFile = new Map<string, number>();
  for (const r of valid) {
    const key = caseKey(r.unit.provinceId, r.input.caseNumber);
    const first = seenInFile.get(key);
    if (first !== undefined) {
      add("cases", [
        {
          line: r.line,
          column: caseCol("so_thu_ly"),
          code: "duplicate_in_file",
          message: `Số thụ lý / số quyết định: "${r.input.caseNumber}" trùng với dòng ${first} trong tệp.`,
        },
      ]);
      continue;
    }
    seenInFile.set(key, r.line);
    const cells = cellsOf(rowByLine.get(r.line)!);
    let obligations: ObligationInput[] = [{ id: "O1", kind: "money", amount: r.input.amount }];
    const oblRaw = (cells.khoan_phai_thi_hanh ?? "").trim();
    if (oblRaw) {
      const o = parseObligations(oblRaw);
      if (!o.ok) {
        add("cases", [{ line: r.line, column: caseCol("khoan_phai_thi_hanh"), code: "invalid", message: o.message }]);
        continue;
      }
      obligations = o.obligations;
    }
    const email = (cells.chap_hanh_vien ?? "").trim().toLowerCase();
    const executorId = email ? (executorIn(r.unit.id)(email) ?? undefined) : undefined;
    if (email && !executorId) {
      add("cases", [
        {
          line: r.line,
          column: caseCol("chap_hanh_vien"),
          code: "invalid",
          message: `Chấp hành viên: "${email}" không phải chấp hành viên của đơn vị "${r.unit.code}".`,
        },
      ]);
      continue;
    }
    const existing = inDb.get(key);
    if (existing) counts.casesUnchanged++;
    const acceptance = acceptanceOf(r);
    const entry: CaseEntry = {
      provinceId: r.unit.provinceId,
      unitId: existing?.unit_id ?? r.unit.id,
      caseNumber: r.input.caseNumber,
      decisionKind: r.input.decisionKind,
      obligations,
      executorId,
      row: existing ? undefined : r,
      cells: { ...cells },
      existing: existing ? { id: existing.id, version: existing.version } : undefined,
      base: existing ? [] : [acceptance],
      keys: new Set(),
      steps: [],
      failed: false,
      seen: new Map(),
    };
    index(entry);
  }
  for (const c of inDb.values()) {
    if (entries.has(caseKey(c.province_id, c.case_number))) continue;
    index({
      provinceId: c.province_id,
      unitId: c.unit_id,
      caseNumber: c.case_number,
      decisionKind: c.decision_kind as "ex_officio" | "on_request",
      obligations: [{ id: "O1", kind: "money", amount: BigInt(c.money_due) }],
      existing: { id: c.id, version: c.version },
      base: [],
      keys: new Set(),
      steps: [],
      failed: false,
      seen: new Map(),
    });
  }

  // 2. The ledgers of the cases already in the database (only those the files add to).
  const transferTargets = new Map<string, string>();
  // Receiving provinces named by transfers: in the events file, and by snapshots of transferred cases.
  const codes = [
    ...new Set(
      [...(eventsFile?.rows ?? []), ...(opts.snapshot ? (casesFile?.rows ?? []) : [])]
        .map((r) => (cellsOf(r).tinh_nhan ?? "").trim().toUpperCase())
        .filter(Boolean),
    ),
  ];
  if (codes.length) {
    const found = await tx<{ id: string; code: string }[]>`
      select id, code from public.units where code = any(${codes}::text[]) and kind = 'province' and dissolved_on is null`;
    for (const u of found) transferTargets.set(u.code, u.id);
  }
  // Receiving district agencies of transfers within a province (before 01/07/2025), dissolved ones too.
  const unitTargets = new Map<string, { id: string; provinceId: string; dissolvedOn: string | null }>();
  const unitCodes = [...new Set((eventsFile?.rows ?? []).map((r) => (cellsOf(r).don_vi_nhan ?? "").trim().toUpperCase()).filter(Boolean))];
  if (unitCodes.length) {
    const found = await tx<{ id: string; code: string; province_id: string; dissolved_on: string | null }[]>`
      select id, code, province_id, dissolved_on::text from public.units where code = any(${unitCodes}::text[]) and kind = 'subunit'`;
    for (const u of found) unitTargets.set(u.code, { id: u.id, provinceId: u.province_id, dissolvedOn: u.dissolved_on });
  }
  // The units each unit took over on a reorganisation (for the receiving unit of a transfer within a province).
  const predecessors = new Map<string, string[]>();
  if (unitCodes.length) {
    const found = await tx<{ predecessor_id: string; successor_id: string }[]>`
      select predecessor_id::text, successor_id::text from public.unit_successions`;
    for (const x of found) predecessors.set(x.successor_id, [...(predecessors.get(x.successor_id) ?? []), x.predecessor_id]);
  }
  /** Whether `unit` is `holder` or a unit `holder` took over, directly or through others. */
  const heldByOrBefore = (unit: string, holder: string): boolean => {
    const seen = new Set<string>();
    const queue = [holder];
    while (queue.length) {
      const u = queue.pop()!;
      if (u === unit) return true;
      if (seen.has(u)) continue;
      seen.add(u);
      queue.push(...(predecessors.get(u) ?? []));
    }
    return false;
  };
  const touchedExisting = new Set<string>();
  for (const row of eventsFile?.rows ?? []) {
    for (const e of byNumber.get((cellsOf(row).so_thu_ly ?? "").trim()) ?? []) if (e.existing) touchedExisting.add(e.existing.id);
  }
  if (opts.snapshot) for (const e of entries.values()) if (e.existing && e.cells) touchedExisting.add(e.existing.id);
  const byId = new Map([...entries.values()].filter((e) => e.existing).map((e) => [e.existing!.id, e]));
  for (const part of chunks([...touchedExisting], 5_000)) {
    const rows = await tx<
      {
        case_id: string;
        kind: CaseEvent["kind"];
        effective_date: string;
        payload: Record<string, unknown>;
        idempotency_key: string | null;
      }[]
    >`
      select case_id, kind, effective_date::text as effective_date, payload, idempotency_key from public.case_events
      where case_id = any(${part}::uuid[]) order by case_id, effective_date, id`;
    for (const r of rows) {
      const e = byId.get(r.case_id);
      if (!e) continue;
      e.base.push(fromEventRow(r));
      if (r.idempotency_key) e.keys.add(r.idempotency_key);
    }
    for (const id of part) {
      const e = byId.get(id)!;
      const dec = e.base.find((x) => x.kind === "decision");
      if (dec?.kind === "decision") e.obligations = [...dec.obligations];
    }
  }

  // 3. Snapshot mode: each new case's state at the cut-over → its minimal history.
  if (opts.snapshot) {
    const cutover = opts.cutover ?? today;
    for (const e of entries.values()) {
      if (!e.cells || !e.row) continue;
      const cells = e.cells;
      if (!(cells.trang_thai ?? "").trim()) continue;
      const snap = snapshotHistory(cells, {
        acceptance: e.base[0]!,
        decisionKind: e.decisionKind,
        caseNumber: e.caseNumber,
        obligations: e.obligations,
        executorId: e.executorId,
        cutover,
        provinceByCode: (code) => transferTargets.get(code) ?? null,
      });
      if (!snap.ok) {
        add("cases", [{ line: e.row.line, column: caseCol(snap.column), code: "rule", message: snap.message }]);
        e.failed = true;
        continue;
      }
      // Each synthetic step is one the importing user may record on the page (a transfer is the heads').
      const barred = snap.steps.find((s) => !mayRecordStep(opts.actor.roles, s.event.kind));
      if (barred) {
        add("cases", [
          {
            line: e.row.line,
            column: caseCol("trang_thai"),
            code: "forbidden",
            message: `Trạng thái: bạn không có quyền ghi nhận bước "${CASE_EVENT_LABELS[barred.event.kind].vi}" mà trạng thái này cần (cần vai trò trưởng phòng khu vực hoặc cán bộ cấp tỉnh).`,
          },
        ]);
        e.failed = true;
        continue;
      }
      for (const s of snap.steps) {
        e.steps.push({
          file: "cases",
          line: e.row.line,
          column: caseCol(s.column),
          event: s.event,
          key: eventKey(e.provinceId, e.caseNumber, s.identity),
          migrated: "snapshot",
        });
      }
    }
  }

  // 4. The events file: each row → its case's step, with its identity.
  for (const row of eventsFile?.rows ?? []) {
    progress.checked++;
    const v = cellsOf(row);
    const number = (v.so_thu_ly ?? "").trim();
    const found = byNumber.get(number) ?? [];
    if (found.length !== 1) {
      add("events", [
        {
          line: row.line,
          column: eventCol("so_thu_ly"),
          code: found.length ? "ambiguous_case" : "unknown_case",
          message: found.length
            ? `Số thụ lý: "${number}" có ở nhiều tỉnh bạn quản lý; nhập riêng tệp sự kiện của từng tỉnh.`
            : `Số thụ lý: không có việc "${number}" trong tệp việc hoặc trong tỉnh (hoặc dòng của việc này trong tệp việc có lỗi).`,
        },
      ]);
      continue;
    }
    const e = found[0]!;
    const r = rowEvent(
      row,
      {
        decisionKind: e.decisionKind,
        obligations: e.obligations,
        defaultExecutorId: e.executorId,
        executorIn: executorIn(e.unitId),
        provinceByCode: (code) => transferTargets.get(code) ?? null,
        unitOfProvince: (code) => {
          const u = unitTargets.get(code);
          return u && u.provinceId === e.provinceId ? { id: u.id, dissolvedOn: u.dissolvedOn } : null;
        },
      },
      eventCol,
    );
    if (!r.ok) {
      add("events", r.errors);
      e.failed = true;
      continue;
    }
    if (r.event.kind === "acceptance") {
      const accepted = e.base[0]?.kind === "acceptance" ? e.base[0].effectiveDate : null;
      if (accepted !== r.event.effectiveDate) {
        add("events", [
          {
            line: row.line,
            column: eventCol("ngay_thuc_hien"),
            code: "rule",
            message: `Thụ lý: việc "${number}" được thụ lý ngày ${accepted ?? "?"}; bước thụ lý lấy từ tệp việc, không ghi lại.`,
          },
        ]);
        e.failed = true;
      } else counts.eventsUnchanged++;
      continue;
    }
    if (!mayRecordStep(opts.actor.roles, r.event.kind)) {
      add("events", [
        {
          line: row.line,
          column: eventCol("loai_su_kien"),
          code: "forbidden",
          message: `Bước: bạn không có quyền ghi nhận bước "${(v.loai_su_kien ?? "").trim()}" (cần vai trò trưởng phòng khu vực hoặc cán bộ cấp tỉnh).`,
        },
      ]);
      e.failed = true;
      continue;
    }
    let identity = r.identity;
    if (!identity.startsWith("id:")) {
      const n = e.seen.get(identity) ?? 0;
      e.seen.set(identity, n + 1);
      identity = `${identity}|${n}`;
    }
    const key = eventKey(e.provinceId, e.caseNumber, identity);
    if (e.keys.has(key)) {
      counts.eventsUnchanged++;
      continue;
    }
    e.keys.add(key);
    e.steps.push({ file: "events", line: row.line, event: r.event, key, migrated: "history" });
    if (progress.checked % 10_000 === 0) report();
  }

  // 5. Replay: each case's ledger, then its new steps in date order, through the lifecycle.
  progress.phase = "replay";
  report();
  for (const e of entries.values()) {
    if (e.failed) continue;
    // Snapshot steps already in the ledger (a re-run) are no-ops.
    e.steps = e.steps.filter((s) => {
      if (s.migrated === "snapshot" && e.keys.has(s.key)) {
        counts.eventsUnchanged++;
        return false;
      }
      return true;
    });
    if (!e.steps.length) continue;
    const before = deriveState(e.base);
    if (!before.ok) {
      add("events", [
        { line: e.steps[0]!.line, column: null, code: "rule", message: `Việc "${e.caseNumber}": ${before.error.message_vi}` },
      ]);
      e.failed = true;
      continue;
    }
    let state = before.state;
    const ordered = e.steps
      .map((s, i) => ({ s, i }))
      .sort((a, b) =>
        a.s.event.effectiveDate < b.s.event.effectiveDate ? -1 : a.s.event.effectiveDate > b.s.event.effectiveDate ? 1 : a.i - b.i,
      )
      .map((x) => x.s);
    for (const s of ordered) {
      const column = s.column ?? eventCol(columnOfRule("invalid_date", s.event.kind));
      const badDate = checkPastDate(s.event.effectiveDate, {
        field: { key: "effectiveDate", vi: "Ngày thực hiện", en: "Effective date" },
        today,
      });
      if (badDate) {
        add(s.file, [{ line: s.line, column, code: "invalid", message: badDate.message_vi }]);
        e.failed = true;
        break;
      }
      const applied = applyEvent(state, s.event);
      if (!applied.ok) {
        add(s.file, [
          {
            line: s.line,
            column: s.column ?? eventCol(columnOfRule(applied.error.code, s.event.kind)),
            code: "rule",
            message: `Việc "${e.caseNumber}": ${applied.error.message_vi}`,
          },
        ]);
        e.failed = true;
        break;
      }
      state = applied.state;
    }
    // A case transferred within its province came to the unit it names: the last such transfer names
    // the unit that holds the case (its don_vi), or a unit that unit took over (ADR 032).
    const within = [
      ...e.base.map((event) => ({ event, s: undefined as NewStep | undefined })),
      ...ordered.map((s) => ({ event: s.event, s })),
    ]
      .filter((x) => x.event.kind === "intra_province_transfer")
      .at(-1);
    if (!e.failed && within?.s && within.event.kind === "intra_province_transfer" && !heldByOrBefore(within.event.unitId, e.unitId)) {
      add(within.s.file, [
        {
          line: within.s.line,
          column: eventCol("don_vi_nhan"),
          code: "rule",
          message: `Việc "${e.caseNumber}": đơn vị nhận ủy thác trong tỉnh phải là đơn vị đang thụ lý việc (cột don_vi của tệp việc) hoặc đơn vị mà đơn vị đó đã tiếp nhận khi sắp xếp; việc ở lại nơi ủy thác thì không ghi bước ủy thác.`,
        },
      ]);
      e.failed = true;
    }
    if (!e.failed && state) {
      e.steps = ordered;
      e.final = { state, events: [...e.base, ...ordered.map((s) => s.event)] };
    }
  }

  if (errors.length && allOrNothing) return result(false);

  // 6. Write, in a savepoint: a refusal or a dry run leaves nothing.
  const failedRows = new Set([...entries.values()].filter((e) => e.failed && e.row).map((e) => e.row!.line));
  const badCaseLines = new Set(errors.filter((x) => x.file === "cases").map((x) => x.line));
  const newRows = [...entries.values()].filter((e) => e.row && !failedRows.has(e.row.line) && !badCaseLines.has(e.row.line));
  const newSet = new Set(newRows);
  const writable = [...entries.values()].filter((e) => !e.failed && e.final && (e.existing || newSet.has(e)));
  let written = false;
  try {
    await tx.savepoint(async (spRaw) => {
      const sp = spRaw as unknown as TxSql;
      progress.phase = "write";
      report();
      if (newRows.length && casesFile) {
        const lines = new Set(newRows.map((e) => e.row!.line));
        const sub: ParseResult = { ...casesFile, rows: casesFile.rows.filter((r) => lines.has(r.line)), errors: [], records: lines.size };
        const imported = await importCases(sp, sub, {
          actor: opts.actor,
          allOrNothing: true,
          today,
          numbersChecked: true,
          projection: (r) => {
            const e = entries.get(caseKey(r.unit.provinceId, r.input.caseNumber));
            // The case row's id is its row's idempotency key, and a new row's version is 1 (all or
            // nothing: a row the insert refuses rolls the whole migration back).
            if (e) e.existing = { id: r.input.idempotencyKey, version: 1 };
            // A transferred case is written as taken in, and given its final state after its ledger:
            // nothing more may be written under a case once it has left for another province.
            if (!e?.final || e.failed || e.final.state.status === "transferred_out") return undefined;
            e.insertedFinal = true;
            return projectionOf(e, today);
          },
          onProgress: (p) => {
            progress.written = p.written;
            report();
          },
        });
        if (!imported.written) {
          add("cases", imported.errors);
          throw new Rollback();
        }
        counts.casesImported = imported.imported;
      }
      await writeHistories(sp, writable, { actor: opts.actor, today, chunkSize }, (n) => {
        counts.eventsImported += n;
        progress.written += n;
        report();
      });
      counts.synthetic = writable.reduce((n, e) => n + e.steps.filter((s) => s.migrated === "snapshot").length, 0);
      if (dryRun) throw new Rollback();
      written = true;
    });
  } catch (e) {
    if (!(e instanceof Rollback)) {
      const code = (e as { code?: string }).code;
      if (typeof code !== "string") throw e;
      add("cases", [
        {
          line: 0,
          column: null,
          code: "db_error",
          message: `Cơ sở dữ liệu từ chối ghi (${code}: ${(e as Error).message}). Không có dòng nào được ghi.`,
        },
      ]);
    }
    return result(false);
  }
  return result(written);
}

/**
 * The new steps of every case: ledger rows (in date order, so that their ids follow the ledger),
 * obligations (the decision's, with what has been paid and performed), the case row's projection
 * (status, executor, money, deadline, version) and, for a transfer, the receiving province's case.
 */
async function writeHistories(
  tx: TxSql,
  entries: readonly CaseEntry[],
  opts: { actor: Actor; today: IsoDate; chunkSize: number },
  onWritten: (n: number) => void,
) {
  const rows: Record<string, unknown>[] = [];
  for (const e of entries) {
    for (const s of e.steps) {
      const r = toEventRow(s.event);
      rows.push({
        case_id: e.existing!.id,
        kind: r.kind,
        effective_date: r.effective_date,
        payload: { ...r.payload, migrated: s.migrated },
        key: s.key,
      });
    }
  }
  // Every chunk is sent at once (pipelined on the transaction's connection, run in order): Node
  // encodes the next chunks while the database writes the first, instead of the two taking turns.
  await Promise.all(
    chunks(rows, opts.chunkSize).map((part) =>
      tx`
        insert into public.case_events (case_id, kind, effective_date, payload, actor_id, idempotency_key)
        select e.case_id, e.kind, e.effective_date, e.payload, ${opts.actor.userId}::uuid, e.key
        from json_to_recordset(${tx.json(part as never)}::json)
          as e(case_id uuid, kind public.case_event_kind, effective_date date, payload jsonb, key uuid)`.then(() => onWritten(part.length)),
    ),
  );

  const newObligations: Record<string, unknown>[] = [];
  const changedObligations: Record<string, unknown>[] = [];
  const projections: Record<string, unknown>[] = [];
  const transfers: string[] = [];
  for (const e of entries) {
    const { state } = e.final!;
    const decidedNow = e.steps.some((s) => s.event.kind === "decision");
    for (const o of state.obligations) {
      const row = {
        case_id: e.existing!.id,
        code: o.id,
        kind: o.kind,
        amount: o.kind === "money" ? o.amount.toString() : null,
        paid: o.kind === "money" ? o.paid.toString() : "0",
        description: o.description ?? null,
        performed_on: o.kind === "act" ? o.performedOn : null,
      };
      if (decidedNow) newObligations.push(row);
      else if (e.steps.some((s) => (s.event.kind === "payment" || s.event.kind === "act_performed") && s.event.obligationId === o.id))
        changedObligations.push(row);
    }
    if (!e.insertedFinal) {
      const p = projectionOf(e, opts.today);
      projections.push({ id: e.existing!.id, version: e.existing!.version, ...p, transferred_to: p.transferred_to_province_id });
    }
    // A transfer to another province opens the receiving province's case; a military-region agency has none here.
    if (e.steps.some((s) => s.event.kind === "transfer") && e.final?.state.transferredTo?.provinceId) transfers.push(e.existing!.id);
  }
  for (const part of chunks(newObligations, opts.chunkSize)) {
    await tx`
      insert into public.case_obligations (case_id, code, kind, amount, paid, description, performed_on)
      select o.case_id, o.code, o.kind, o.amount, o.paid, o.description, o.performed_on
      from json_to_recordset(${tx.json(part as never)}::json)
        as o(case_id uuid, code text, kind public.obligation_kind, amount bigint, paid bigint, description text, performed_on date)`;
  }
  for (const part of chunks(changedObligations, opts.chunkSize)) {
    await tx`
      update public.case_obligations t set paid = o.paid, performed_on = o.performed_on
      from json_to_recordset(${tx.json(part as never)}::json) as o(case_id uuid, code text, paid bigint, performed_on date)
      where t.case_id = o.case_id and t.code = o.code`;
  }
  for (const part of chunks(projections, opts.chunkSize)) {
    const updated = await tx<{ id: string }[]>`
      update public.cases c set
        status = p.status, executor_id = p.executor_id, decision_date = p.decision_date,
        money_due = coalesce(p.money_due, c.money_due), money_collected = p.money_collected, closed_on = p.closed_on,
        next_deadline_on = p.next_deadline_on, next_deadline_kind = p.next_deadline_kind, last_event_on = p.last_event_on,
        transferred_to_province_id = p.transferred_to, transferred_to_agency = p.transferred_to_agency, version = c.version + 1
      from json_to_recordset(${tx.json(part as never)}::json) as p(
        id uuid, version integer, status public.case_status, executor_id uuid, decision_date date, money_due bigint,
        money_collected bigint, closed_on date, next_deadline_on date, next_deadline_kind text, last_event_on date, transferred_to uuid,
        transferred_to_agency text)
      where c.id = p.id and c.version = p.version
      returning c.id`;
    if (updated.length !== part.length)
      throw Object.assign(new Error("a case changed while it was imported, or is out of your scope"), { code: "40001" });
  }
  for (const id of transfers) await tx`select app_private.open_transferred_case(${id})`;
}
