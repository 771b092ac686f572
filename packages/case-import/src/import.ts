import { acceptanceDeadline, acceptanceEvent, acceptanceRow, intakeLimitation, type Actor } from "@thads/core";
import { asCaseWriter, type TxSql } from "@thads/db";
import { mayRecordStep, todayInVietnam } from "@thads/domain";
import { columnName, findDuplicatesInFile, validateRow, type Scope, type UnitRef, type ValidRow } from "./validate.ts";
import type { ColumnKey } from "./columns.ts";
import type { ImportError, ImportProgress, OnProgress, ParseResult, SourceRow } from "./types.ts";

export interface ImportOptions {
  /** Who imports: the acceptance events carry this user id; the roles decide whether they may take cases in. */
  actor: Actor;
  /** true (default): any invalid row and nothing is written. false: the valid rows are written, the others reported. */
  allOrNothing?: boolean;
  /** Validate and write inside a savepoint, then roll back: every check runs, nothing stays. */
  dryRun?: boolean;
  onProgress?: OnProgress;
  /** Rows per set-based write (default 5,000). */
  chunkSize?: number;
  /**
   * true (default): rows for units outside the user's scope are reported per
   * row before writing. Row-level security refuses them either way; false
   * leaves it to RLS alone (the refusal is still reported, less precisely).
   */
  checkScopeFirst?: boolean;
  /** Errors kept in the result (default 10,000); `errorCount` counts them all. */
  maxErrors?: number;
  /** Today in Việt Nam (default: the clock's): no acceptance or judgment may be dated after it. */
  today?: string;
  /**
   * A case's columns as its whole ledger leaves them, when more than its acceptance is written with
   * it (a province's migration, ./migration/migrate.ts): the case row is inserted in that state
   * rather than inserted as accepted and then updated.
   */
  projection?: (row: ValidRow) => CaseProjection | undefined;
  /**
   * The caller has already looked the file's case numbers up in the database (a province's
   * migration): skip the per-chunk look-up. A number taken all the same (by a row the user cannot
   * see) is still refused by the insert and reported on its row.
   */
  numbersChecked?: boolean;
}

/** The case row's columns that follow from its ledger (recordEvent's projection). */
export interface CaseProjection {
  status: string;
  executor_id: string | null;
  decision_date: string | null;
  money_due: string | null;
  money_collected: string;
  closed_on: string | null;
  next_deadline_on: string | null;
  next_deadline_kind: string | null;
  last_event_on: string;
  transferred_to_province_id: string | null;
  transferred_to_agency: string | null;
}

export interface ImportResult {
  /** No error at all: every row of the file was imported (or, in a dry run, would be). */
  ok: boolean;
  /** Rows were written to the caller's transaction (false: refused as a whole, or a dry run). */
  written: boolean;
  dryRun: boolean;
  /** Data rows read from the file (well-formed or not). */
  total: number;
  /** Rows that passed validation. */
  valid: number;
  /** Cases written (a dry run: cases that would be written). */
  imported: number;
  judgments: { created: number; reused: number };
  /** Sorted by line; at most maxErrors of them. */
  errors: ImportError[];
  errorCount: number;
}

const DEFAULT_CHUNK = 5_000;

class ErrorList {
  readonly list: ImportError[] = [];
  count = 0;
  constructor(private readonly max: number) {}
  add(errors: readonly ImportError[]) {
    for (const e of errors) {
      this.count++;
      if (this.list.length < this.max) this.list.push(e);
    }
  }
  sorted(): ImportError[] {
    return [...this.list].sort((a, b) => a.line - b.line);
  }
}

/** The write met rows it may not write (hidden conflicts or RLS): roll back the savepoint and report them. */
class RowsRefused extends Error {
  constructor(readonly errors: ImportError[]) {
    super("rows refused");
  }
}
class DryRunRollback extends Error {}

/** The SQLSTATE of an error the database raised (postgres.js PostgresError), else undefined. */
const pgCode = (e: unknown): string | undefined => {
  const err = e as { name?: unknown; code?: unknown } | null;
  return err?.name === "PostgresError" && typeof err.code === "string" ? err.code : undefined;
};

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Units of the file by code, as the user sees them (units are a public directory). */
export async function loadUnits(tx: TxSql, rows: readonly SourceRow[]): Promise<Map<string, UnitRef>> {
  const codes = [...new Set(rows.map((r) => (r.values.don_vi ?? "").trim().toUpperCase()).filter(Boolean))];
  const units = new Map<string, UnitRef>();
  for (const part of chunks(codes, 10_000)) {
    const found = await tx<{ id: string; code: string; name: string; kind: UnitRef["kind"]; province_id: string | null }[]>`
      select id, code, name, kind, province_id from public.units where code = any(${part}::text[])`;
    for (const u of found) units.set(u.code, { id: u.id, code: u.code, name: u.name, kind: u.kind, provinceId: u.province_id });
  }
  return units;
}

/** The units and provinces where the user may insert cases: the terms of the cases_insert policy. */
export async function loadScope(tx: TxSql): Promise<Scope> {
  const [s] = await tx<{ units: string[]; provinces: string[] }[]>`
    select app_private.units_for('{subunit_head,clerk}')::text[] as units,
           app_private.provinces_for('{province_head,province_staff}')::text[] as provinces`;
  return { unitIds: new Set(s?.units ?? []), provinceIds: new Set(s?.provinces ?? []) };
}

/** Case numbers of the file already in the database (those the user can see; the rest surface on insert). */
async function findDuplicatesInDb(tx: TxSql, rows: readonly ValidRow[], headers: ParseResult["headers"]): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  for (const part of chunks(rows, 10_000)) {
    const keys = part.map((r) => ({ province_id: r.unit.provinceId, case_number: r.input.caseNumber }));
    const taken = await tx<{ province_id: string; case_number: string }[]>`
      select c.province_id, c.case_number
      from json_to_recordset(${tx.json(keys as never)}::json) as k(province_id uuid, case_number text)
      join public.cases c on c.province_id = k.province_id and c.case_number = k.case_number`;
    if (!taken.length) continue;
    const set = new Set(taken.map((t) => `${t.province_id}\u0000${t.case_number}`));
    for (const r of part) {
      if (set.has(`${r.unit.provinceId}\u0000${r.input.caseNumber}`)) errors.push(duplicateInDb(r, headers));
    }
  }
  return errors;
}

function duplicateInDb(r: ValidRow, headers: ParseResult["headers"]): ImportError {
  return {
    line: r.line,
    column: columnName({ headers }, "so_thu_ly"),
    code: "duplicate_in_db",
    message: `Số thụ lý / số quyết định: "${r.input.caseNumber}" đã có trong tỉnh.`,
  };
}

/** What the writes so far have done and met (one per savepoint). */
interface WriteState {
  imported: number;
  judgmentsCreated: number;
  judgmentsReused: number;
  /** Judgment ids by province + court + number, resolved by earlier chunks. */
  judgmentIds: Map<string, string>;
  /** Rows the database would not take (a number or judgment held by another office): reported, not written. */
  refused: ImportError[];
  /** First deadlines by acceptance date. */
  deadlines: Map<string, ReturnType<typeof acceptanceDeadline>>;
}

const newWriteState = (): WriteState => ({
  imported: 0,
  judgmentsCreated: 0,
  judgmentsReused: 0,
  judgmentIds: new Map(),
  refused: [],
  deadlines: new Map(),
});

/** The acceptance event intake writes for a row: the ledger row and the case's first deadline come from it. */
export const acceptanceOf = (r: ValidRow) =>
  acceptanceEvent({
    acceptedOn: r.input.acceptedOn,
    provinceId: r.unit.provinceId,
    unitId: r.unit.id,
    source: r.input.source,
    fromAgency: r.input.fromAgency,
    entrustingDecisionNumber: r.input.entrustingDecisionNumber,
    entrustingDecisionOn: r.input.entrustingDecisionOn,
  });

/** A new case's first deadline depends on its acceptance date alone: worked out once per date. */
function firstDeadline(state: WriteState, r: ValidRow) {
  const on = r.input.acceptedOn;
  if (!state.deadlines.has(on)) state.deadlines.set(on, acceptanceDeadline(acceptanceOf(r)));
  return state.deadlines.get(on) ?? null;
}

const judgmentKey = (provinceId: string, court: string, number: string) => `${provinceId}\u0000${court}\u0000${number}`;

/**
 * The set-based write of one chunk: judgments (reused per province + court +
 * number, as intake does), cases, parties, acceptance events; each statement
 * inserts the whole chunk from one JSON parameter. Rows that meet a row the
 * user cannot see (a case number or judgment of another office in the
 * province) are not written and are added to state.refused.
 */
async function writeChunk(
  tx: TxSql,
  part: readonly ValidRow[],
  state: WriteState,
  opts: {
    actor: Actor;
    headers: ParseResult["headers"];
    projection?: ImportOptions["projection"];
    /** Projections already worked out for these rows (while the previous chunk was written). */
    projected?: ReadonlyMap<ValidRow, CaseProjection | undefined>;
  },
): Promise<void> {
  const stats = state;
  const judgmentIds = state.judgmentIds;
  const refused = state.refused;
  {
    // 1. Judgments this chunk needs that no earlier chunk resolved.
    const needed = new Map<string, ValidRow>();
    for (const r of part) {
      const j = r.input.judgment;
      const key = judgmentKey(r.unit.provinceId, j.courtName, j.number);
      if (!judgmentIds.has(key) && !needed.has(key)) needed.set(key, r);
    }
    if (needed.size) {
      const keys = [...needed.values()].map((r) => ({
        province_id: r.unit.provinceId,
        court_name: r.input.judgment.courtName,
        judgment_number: r.input.judgment.number,
      }));
      const existing = await tx<{ id: string; province_id: string; court_name: string; judgment_number: string }[]>`
        select j.id, j.province_id, j.court_name, j.judgment_number
        from json_to_recordset(${tx.json(keys as never)}::json) as k(province_id uuid, court_name text, judgment_number text)
        join public.judgments j on j.province_id = k.province_id and j.court_name = k.court_name and j.judgment_number = k.judgment_number`;
      for (const j of existing) {
        judgmentIds.set(judgmentKey(j.province_id, j.court_name, j.judgment_number), j.id);
        needed.delete(judgmentKey(j.province_id, j.court_name, j.judgment_number));
      }
      stats.judgmentsReused += existing.length;
    }
    if (needed.size) {
      const fresh = [...needed.values()].map((r) => ({
        unit_id: r.unit.id,
        court_name: r.input.judgment.courtName,
        judgment_number: r.input.judgment.number,
        judgment_date: r.input.judgment.date,
        judgment_type: r.input.judgment.type,
      }));
      const inserted = await tx<{ id: string; province_id: string; court_name: string; judgment_number: string }[]>`
        insert into public.judgments (unit_id, court_name, judgment_number, judgment_date, judgment_type)
        select k.unit_id, k.court_name, k.judgment_number, k.judgment_date, k.judgment_type
        from json_to_recordset(${tx.json(fresh as never)}::json)
          as k(unit_id uuid, court_name text, judgment_number text, judgment_date date, judgment_type public.judgment_type)
        on conflict (province_id, court_name, judgment_number) do nothing
        returning id, province_id, court_name, judgment_number`;
      for (const j of inserted) judgmentIds.set(judgmentKey(j.province_id, j.court_name, j.judgment_number), j.id);
      stats.judgmentsCreated += inserted.length;
    }

    // 2. Cases: one row each, in status accepted, with the judgment's amount due.
    const caseRows: Record<string, unknown>[] = [];
    const byId = new Map<string, ValidRow>();
    for (const r of part) {
      const i = r.input;
      const judgmentId = judgmentIds.get(judgmentKey(r.unit.provinceId, i.judgment.courtName, i.judgment.number));
      if (!judgmentId) {
        refused.push({
          line: r.line,
          column: columnName({ headers: opts.headers }, "so_ban_an"),
          code: "judgment_elsewhere",
          message: `Số bản án: bản án "${i.judgment.number}" của "${i.judgment.courtName}" đã được một đơn vị khác trong tỉnh nhập; bạn không có quyền dùng lại. Nhờ đơn vị đó hoặc cấp tỉnh nhập việc này.`,
        });
        continue;
      }
      byId.set(i.idempotencyKey, r);
      const deadline = firstDeadline(state, r);
      const p = opts.projected?.has(r) ? opts.projected.get(r) : opts.projection?.(r);
      caseRows.push({
        id: i.idempotencyKey,
        unit_id: r.unit.id,
        province_id: r.unit.provinceId,
        case_number: i.caseNumber,
        accepted_on: i.acceptedOn,
        decision_kind: i.decisionKind,
        judgment_type: i.judgment.type,
        is_bank_credit: i.isBankCredit,
        is_corruption: i.isCorruption,
        debtor_name: i.debtor.fullName,
        creditor_name: i.creditor.fullName,
        judgment_id: judgmentId,
        source: i.source,
        money_due: p?.money_due ?? i.amount.toString(),
        next_deadline_on: p ? p.next_deadline_on : (deadline?.on ?? null),
        next_deadline_kind: p ? p.next_deadline_kind : (deadline?.kind ?? null),
        ...(p
          ? {
              status: p.status,
              executor_id: p.executor_id,
              decision_date: p.decision_date,
              money_collected: p.money_collected,
              closed_on: p.closed_on,
              last_event_on: p.last_event_on,
              transferred_to_province_id: p.transferred_to_province_id,
              transferred_to_agency: p.transferred_to_agency,
            }
          : {}),
      });
    }
    if (!caseRows.length) return;
    const insertedCases = await tx<{ id: string }[]>`
      insert into public.cases (id, unit_id, province_id, case_number, accepted_on, decision_kind, judgment_type, is_bank_credit,
                                is_corruption, debtor_name, creditor_name, judgment_id, source, status, last_event_on, money_due,
                                next_deadline_on, next_deadline_kind, executor_id, decision_date, money_collected, closed_on,
                                transferred_to_province_id, transferred_to_agency)
      select c.id, c.unit_id, c.province_id, c.case_number, c.accepted_on, c.decision_kind, c.judgment_type, c.is_bank_credit,
             c.is_corruption, c.debtor_name, c.creditor_name, c.judgment_id, c.source, coalesce(c.status, 'accepted'),
             coalesce(c.last_event_on, c.accepted_on), c.money_due, c.next_deadline_on, c.next_deadline_kind, c.executor_id,
             c.decision_date, coalesce(c.money_collected, 0), c.closed_on, c.transferred_to_province_id,
             c.transferred_to_agency
      from json_to_recordset(${tx.json(caseRows as never)}::json) as c(
        id uuid, unit_id uuid, province_id uuid, case_number text, accepted_on date, decision_kind public.decision_kind,
        judgment_type public.judgment_type, is_bank_credit boolean, is_corruption boolean, debtor_name text, creditor_name text,
        judgment_id uuid, source public.case_source, money_due bigint, next_deadline_on date, next_deadline_kind text,
        status public.case_status, last_event_on date, executor_id uuid, decision_date date, money_collected bigint, closed_on date,
        transferred_to_province_id uuid, transferred_to_agency text)
      on conflict (province_id, case_number) do nothing
      returning id`;
    const written = new Set(insertedCases.map((c) => c.id));
    for (const [id, r] of byId) {
      if (!written.has(id)) refused.push(duplicateInDb(r, opts.headers));
    }
    const done = [...byId.entries()].filter(([id]) => written.has(id)).map(([, r]) => r);

    // 3. Parties: the creditor and the debtor of each case.
    const parties = done.flatMap((r) =>
      (["creditor", "debtor"] as const).map((role) => {
        const p = r.input[role];
        return { case_id: r.input.idempotencyKey, role, kind: p.kind, full_name: p.fullName, id_number: p.idNumber, address: p.address };
      }),
    );
    if (parties.length) {
      await tx`
        insert into public.case_parties (case_id, role, kind, full_name, id_number, address)
        select p.case_id, p.role, p.kind, p.full_name, p.id_number, p.address
        from json_to_recordset(${tx.json(parties as never)}::json)
          as p(case_id uuid, role public.party_role, kind public.party_kind, full_name text, id_number text, address text)`;
    }

    // 4. The acceptance event of each case: the ledger row intake writes (acceptanceRow, with the limitation check), keyed by the case id.
    const events = done.map((r) => {
      const limitation = intakeLimitation(r.input);
      const e = acceptanceRow(acceptanceOf(r), limitation.ok ? limitation.record : null);
      return { case_id: r.input.idempotencyKey, kind: e.kind, effective_date: e.effective_date, payload: e.payload };
    });
    if (events.length) {
      await tx`
        insert into public.case_events (case_id, kind, effective_date, payload, actor_id, idempotency_key)
        select e.case_id, e.kind, e.effective_date, e.payload, ${opts.actor.userId}::uuid, e.case_id
        from json_to_recordset(${tx.json(events as never)}::json)
          as e(case_id uuid, kind public.case_event_kind, effective_date date, payload jsonb)`;
    }
    stats.imported += done.length;
  }
}

/** Works out the rows' projections in slices, giving the event loop a turn between slices (as validateSlices). */
async function projectSlices(rows: readonly ValidRow[], projection: NonNullable<ImportOptions["projection"]>) {
  const out = new Map<ValidRow, CaseProjection | undefined>();
  for (let i = 0; i < rows.length; i += 250) {
    for (const r of rows.slice(i, i + 250)) out.set(r, projection(r));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  return out;
}

/** Validates rows in slices, giving the event loop a turn between slices so that a write in flight can go on. */
async function validateSlices(
  rows: readonly SourceRow[],
  ctx: Parameters<typeof validateRow>[1],
  onRow: (r: ReturnType<typeof validateRow>) => void,
) {
  for (let i = 0; i < rows.length; i += 250) {
    for (const row of rows.slice(i, i + 250)) onRow(validateRow(row, ctx));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Imports parsed rows as cases, in the caller's transaction (run it inside
 * withClaims, as the importing user: row-level security decides what may be
 * written). Every row is validated with the intake schema; unit codes are
 * resolved; case numbers are checked against the file and the database.
 * All or nothing by default: with any error nothing is written. The writes
 * run in a savepoint, so a refusal leaves the caller's transaction usable.
 *
 * Chunk by chunk, the next chunk is validated (in Node) while the database
 * writes the previous one.
 */
export async function importCases(tx: TxSql, input: ParseResult | readonly SourceRow[], opts: ImportOptions): Promise<ImportResult> {
  const parsed: ParseResult = Array.isArray(input)
    ? { format: "csv", headers: {}, rows: input as SourceRow[], records: input.length, errors: [], fatal: false }
    : (input as ParseResult);
  const allOrNothing = opts.allOrNothing ?? true;
  const dryRun = opts.dryRun ?? false;
  const chunkSize = opts.chunkSize ?? DEFAULT_CHUNK;
  const errors = new ErrorList(opts.maxErrors ?? 10_000);
  const progress: ImportProgress = { phase: "validate", parsed: parsed.rows.length, validated: 0, written: 0, total: parsed.rows.length };
  const report = () => opts.onProgress?.({ ...progress });
  const valid: ValidRow[] = [];
  const result = (written: boolean, state?: WriteState): ImportResult => {
    progress.phase = "done";
    report();
    return {
      ok: errors.count === 0,
      written,
      dryRun,
      total: parsed.records,
      valid: valid.length,
      imported: written || dryRun ? (state?.imported ?? 0) : 0,
      judgments:
        written || dryRun ? { created: state?.judgmentsCreated ?? 0, reused: state?.judgmentsReused ?? 0 } : { created: 0, reused: 0 },
      errors: errors.sorted(),
      errorCount: errors.count,
    };
  };
  errors.add(parsed.errors);

  if (!mayRecordStep(opts.actor.roles, "acceptance")) {
    errors.add([
      {
        line: 0,
        column: null,
        code: "forbidden",
        message: "Bạn không có quyền thụ lý việc thi hành án (cần vai trò thư ký, trưởng phòng khu vực hoặc cán bộ cấp tỉnh).",
      },
    ]);
    return result(false);
  }
  await asCaseWriter(tx);

  const units = await loadUnits(tx, parsed.rows);
  const scope = opts.checkScopeFirst === false ? undefined : await loadScope(tx);
  const ctx = { headers: parsed.headers, units, scope, today: opts.today ?? todayInVietnam() };
  const seen = new Map<string, number>();
  // Writing stops at the first error when all or nothing (validation goes on, to report every error).
  const mayWrite = () => !parsed.fatal && !(allOrNothing && errors.count > 0);
  const writeOpts = { actor: opts.actor, headers: parsed.headers, projection: opts.projection };

  /**
   * Validation of every row, each chunk written while the next one is
   * validated. A chunk's results are recorded only once the previous write
   * has succeeded, so that after a failed write the pass can go on from the
   * first chunk not recorded, without writing (sp null).
   */
  const allChunks = chunks(parsed.rows, chunkSize);
  let nextChunk = 0;
  const firstPass = async (sp: TxSql | null, state: WriteState) => {
    let inflight: Promise<void> = Promise.resolve();
    while (nextChunk < allChunks.length) {
      const part = allChunks[nextChunk]!;
      const ok: ValidRow[] = [];
      const invalid: ImportError[] = [];
      await validateSlices(part, ctx, (r) => {
        if (r.ok) ok.push(r.row);
        else invalid.push(...r.errors);
      });
      // A migration's case rows in their final state: worked out here, while the previous chunk is written.
      const projected = sp && opts.projection && mayWrite() ? await projectSlices(ok, opts.projection) : undefined;
      await inflight; // the previous chunk's write: its failure surfaces here
      const inDb = opts.numbersChecked ? [] : await findDuplicatesInDb(sp ?? tx, ok, parsed.headers);
      const inFile = findDuplicatesInFile(ok, parsed, seen);
      errors.add(invalid);
      errors.add(inFile);
      errors.add(inDb);
      const bad = new Set([...inFile, ...inDb].map((e) => e.line));
      const good = bad.size ? ok.filter((r) => !bad.has(r.line)) : ok;
      valid.push(...good);
      nextChunk++;
      progress.validated += part.length;
      report();
      if (sp && mayWrite() && good.length) {
        progress.phase = "write";
        inflight = writeChunk(sp, good, state, { ...writeOpts, projected }).then(() => {
          progress.written = state.imported;
          report();
        });
        inflight.catch(() => {}); // awaited at the next chunk or below
      }
    }
    await inflight;
  };

  /** A later pass: the rows already validated, less those refused, written again from the start. */
  const rewrite = async (sp: TxSql, rows: readonly ValidRow[], state: WriteState) => {
    progress.phase = "write";
    for (const part of chunks(rows, chunkSize)) {
      await writeChunk(sp, part, state, writeOpts);
      progress.written = state.imported;
      report();
    }
  };

  if (!mayWrite()) {
    await firstPass(null, newWriteState());
    return result(false);
  }

  // Write in a savepoint: refused rows, all-or-nothing errors and dry runs roll it back.
  let excluded = new Set<number>();
  for (let attempt = 0; attempt < 4; attempt++) {
    const state = newWriteState();
    let keep = false;
    try {
      await tx.savepoint(async (sp) => {
        const s = sp as unknown as TxSql;
        if (attempt === 0) await firstPass(s, state);
        else
          await rewrite(
            s,
            valid.filter((r) => !excluded.has(r.line)),
            state,
          );
        if (state.refused.length) throw new RowsRefused(state.refused);
        if (!mayWrite()) throw new RowsRefused([]);
        if (dryRun) throw new DryRunRollback();
        keep = true;
      });
    } catch (e) {
      if (e instanceof DryRunRollback) return result(false, state);
      // The database refused a write before every row was validated: validate the rest (nothing more is written).
      if (pgCode(e) && nextChunk < allChunks.length) await firstPass(null, newWriteState());
      let refused: ImportError[];
      if (e instanceof RowsRefused) refused = e.errors;
      else if (pgCode(e) === "42501")
        refused = await explainRefusal(
          tx,
          valid.filter((r) => !excluded.has(r.line)),
          parsed.headers,
        );
      else if (pgCode(e)) {
        errors.add([
          {
            line: 0,
            column: null,
            code: "db_error",
            message: `Cơ sở dữ liệu từ chối ghi (${pgCode(e)}: ${(e as Error).message}). Không có dòng nào được ghi.`,
          },
        ]);
        return result(false);
      } else throw e;
      errors.add(refused);
      if (!refused.length || allOrNothing || refused.some((r) => r.line === 0)) return result(false);
      excluded = new Set([...excluded, ...refused.map((r) => r.line)]);
      if (valid.every((r) => excluded.has(r.line))) return result(false);
      progress.written = 0;
      continue;
    }
    if (keep) return result(true, state);
  }
  return result(false);
}

/** Row-level security refused a write: name the rows whose unit is outside the user's scope, or the file as a whole. */
async function explainRefusal(tx: TxSql, rows: readonly ValidRow[], headers: ParseResult["headers"]): Promise<ImportError[]> {
  const scope = await loadScope(tx);
  const out: ImportError[] = rows
    .filter((r) => !scope.unitIds.has(r.unit.id) && !scope.provinceIds.has(r.unit.provinceId))
    .map((r) => ({
      line: r.line,
      column: columnName({ headers }, "don_vi" as ColumnKey),
      code: "rls_refused",
      message: `Đơn vị thụ lý: hệ thống từ chối ghi việc cho đơn vị "${r.unit.code}" (${r.unit.name}) vì đơn vị này ngoài phạm vi của bạn.`,
    }));
  return out.length
    ? out
    : [
        {
          line: 0,
          column: null,
          code: "rls_refused",
          message:
            "Hệ thống từ chối ghi (quyền truy cập theo dòng dữ liệu): bạn không có quyền thụ lý một số việc trong tệp. Không có dòng nào được ghi.",
        },
      ];
}
