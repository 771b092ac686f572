import { withClaims, type Claims, type Sql, type TxSql } from "@thads/db";
import {
  acceptanceClock,
  clockStatus,
  competentLevel,
  complaintLimitation,
  complaintResolutionClock,
  denunciationResolutionClock,
  isLate,
  newTrackingCode,
  type ActorLevel,
  type ClockStatus,
  type ComplaintActKind,
  type HandlerLevel,
  type LetterKind,
  type LetterStatus,
} from "@thads/domain";
import { isUuid } from "../shared/input.ts";
import type {
  AcceptLetterInput,
  ClassifyLetterInput,
  LetterFilter,
  LinkLetterInput,
  RegisterLetterInput,
  ResolveLetterInput,
} from "./schema.ts";

/*
 * Complaint letters: register, classify and route, accept, resolve; read one or a list. Every
 * write runs in the caller's transaction under their claims (RLS decides what exists for them),
 * names its field in a refusal and writes nothing when refused; the database checks the same
 * references again (migration 20261207000100_complaints.sql).
 */

export type Refusal = { ok: false; status: number; message: string; field?: string };
export type WriteResult<T = object> = ({ ok: true; id: string } & T) | Refusal;

const refuse = (status: number, message: string, field?: string): Refusal => ({ ok: false, status, message, ...(field ? { field } : {}) });

async function letterIdByCode(tx: TxSql, code: string): Promise<string | null> {
  const normalized = code.toUpperCase().replace(/[\s-]/g, "");
  const rows = await tx<{ id: string }[]>`select id from public.complaint_letters where tracking_code = ${normalized}`;
  return rows[0]?.id ?? null;
}

/** Registers a letter once (the idempotency key makes a retry return the same letter). */
export async function registerLetter(
  tx: TxSql,
  input: RegisterLetterInput & { requestId?: string | null; userId: string },
): Promise<WriteResult<{ id: string; trackingCode: string }>> {
  const [again] = await tx<{ id: string; tracking_code: string }[]>`
    select id, tracking_code from public.complaint_letters where idempotency_key = ${input.idempotencyKey}`;
  if (again) return { ok: true, id: again.id, trackingCode: again.tracking_code };
  const [unit] = await tx<{ province_id: string }[]>`select province_id from public.units where id = ${input.unitId}`;
  if (!unit) return refuse(422, "Đơn vị nhận đơn: không thuộc phạm vi của bạn.", "unitId");
  const caseIds: string[] = [];
  for (const number of (input.caseNumbers ?? "")
    .split(/[,;\n]/)
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [c] = await tx<{ id: string }[]>`
      select id from public.cases where case_number = ${number} and province_id = ${unit.province_id} limit 1`;
    if (!c) return refuse(422, `Số việc thi hành án liên quan: không tìm thấy việc số ${number} trong tỉnh/thành phố.`, "caseNumbers");
    caseIds.push(c.id);
  }
  const dup = { id: input.duplicateOfCode ? await letterIdByCode(tx, input.duplicateOfCode) : null };
  if (input.duplicateOfCode && !dup.id) return refuse(422, "Trùng với đơn: không tìm thấy đơn có mã theo dõi này.", "duplicateOfCode");
  const same = { id: input.sameMatterCode ? await letterIdByCode(tx, input.sameMatterCode) : null };
  if (input.sameMatterCode && !same.id)
    return refuse(422, "Cùng nội dung với đơn: không tìm thấy đơn có mã theo dõi này.", "sameMatterCode");
  const trackingCode = newTrackingCode();
  const [row] = await tx<{ id: string }[]>`
    insert into public.complaint_letters (unit_id, channel, received_on, request_id, tracking_code, idempotency_key, forwarded_by,
                                          summary, content, case_ids, duplicate_of, same_matter_as, session_id, created_by)
    values (${input.unitId}, ${input.channel}, ${input.receivedOn}, ${input.requestId ?? null}, ${trackingCode}, ${input.idempotencyKey},
            ${input.forwardedBy ?? null}, ${input.summary}, ${input.content}, ${caseIds}, ${dup.id}, ${same.id}, ${input.sessionId ?? null},
            ${input.userId})
    returning id`;
  await tx`insert into public.complaint_senders (letter_id, full_name, id_number, phone, address, keep_identity_secret)
           values (${row!.id}, ${input.senderName}, ${input.senderIdNumber}, ${input.senderPhone}, ${input.senderAddress}, ${input.keepIdentitySecret})`;
  return { ok: true, id: row!.id, trackingCode };
}

/**
 * A complaint filed online and taken in at the desk becomes a registered letter (channel online),
 * its sender and content copied from the request; the request is linked so it is registered once.
 */
export async function letterFromRequest(
  tx: TxSql,
  input: { requestId: string; idempotencyKey: string; receivedOn: string; userId: string },
): Promise<WriteResult<{ id: string; trackingCode: string }>> {
  if (!isUuid(input.requestId)) return refuse(404, "Không tìm thấy yêu cầu.");
  const [existing] = await tx<{ id: string; tracking_code: string }[]>`
    select id, tracking_code from public.complaint_letters where request_id = ${input.requestId}`;
  if (existing) return { ok: true, id: existing.id, trackingCode: existing.tracking_code };
  const [r] = await tx<
    {
      kind: string;
      unit_id: string;
      requester_name: string;
      requester_id_number: string | null;
      requester_phone: string | null;
      requester_address: string | null;
      details: Record<string, string | null>;
      received_on: string | null;
    }[]
  >`select kind, unit_id, requester_name, requester_id_number, requester_phone, requester_address, details,
           to_char(received_on, 'YYYY-MM-DD') as received_on
      from public.service_requests where id = ${input.requestId}`;
  if (!r) return refuse(404, "Không tìm thấy yêu cầu.");
  if (r.kind !== "complaint") return refuse(422, "Chỉ đơn khiếu nại gửi trực tuyến mới được vào sổ đơn thư.");
  const content = String(r.details.content ?? r.details.complaintContent ?? "").trim() || "Đơn khiếu nại gửi trực tuyến.";
  return registerLetter(tx, {
    idempotencyKey: input.idempotencyKey,
    unitId: r.unit_id,
    channel: "online",
    receivedOn: r.received_on ?? input.receivedOn,
    forwardedBy: null,
    senderName: r.requester_name,
    senderIdNumber: r.requester_id_number,
    senderPhone: r.requester_phone,
    senderAddress: r.requester_address,
    keepIdentitySecret: false,
    summary: content.slice(0, 300),
    content: content.slice(0, 8000),
    caseNumbers: null,
    duplicateOfCode: null,
    sameMatterCode: null,
    sessionId: null,
    requestId: input.requestId,
    userId: input.userId,
  });
}

interface LetterRow {
  id: string;
  province_id: string;
  unit_id: string;
  received_on: string;
  status: LetterStatus;
  kind: LetterKind | null;
  act_kind: ComplaintActKind | null;
  round: 1 | 2;
  version: number;
}

async function lockLetter(tx: TxSql, id: string, version: number): Promise<LetterRow | Refusal> {
  if (!isUuid(id)) return refuse(404, "Không tìm thấy đơn.");
  const [l] = await tx<LetterRow[]>`
    select id, province_id, unit_id, to_char(received_on, 'YYYY-MM-DD') as received_on, status, kind, act_kind, round, version
      from public.complaint_letters where id = ${id} for update`;
  if (!l) return refuse(404, "Không tìm thấy đơn.");
  if (l.version !== version) return refuse(409, "Đơn vừa được người khác cập nhật. Tải lại trang để xem trạng thái mới.");
  return l;
}

/** Where the competent level sits: the actor's office, the province bureau, the directorate. */
async function handlerUnitFor(tx: TxSql, level: HandlerLevel, actorUnitId: string, provinceId: string): Promise<string | null> {
  if (level === "regional_head") return actorUnitId;
  if (level === "province_head") return provinceId;
  const [n] = await tx<{ id: string }[]>`select id from public.units where kind = 'national' limit 1`;
  return n?.id ?? null;
}

/**
 * Classifies a letter and routes it: the competent level follows from whose act it is about; a
 * complaint's limitation is worked out under the law in force on the act's date (late letters are
 * flagged with the article), and the time to accept runs from the day the letter was received.
 */
export async function classifyLetter(
  tx: TxSql,
  id: string,
  input: ClassifyLetterInput,
): Promise<WriteResult<{ late: boolean; citation: string | null }>> {
  const l = await lockLetter(tx, id, input.version);
  if ("ok" in l) return l;
  if (l.status !== "received" && l.status !== "classified") return refuse(422, "Đơn đã thụ lý hoặc đã xử lý: không phân loại lại được.");
  let actorLevel: ActorLevel | null = null;
  let handlerLevel: HandlerLevel | null = null;
  let handlerUnit: string | null = l.unit_id;
  if (input.actorUnitId && input.actorRole) {
    const [u] = await tx<
      { kind: string; province_id: string }[]
    >`select kind, province_id from public.units where id = ${input.actorUnitId}`;
    if (!u || u.province_id !== l.province_id) {
      return refuse(422, "Đơn vị có quyết định, hành vi bị khiếu nại, tố cáo: phải thuộc tỉnh/thành phố nhận đơn.", "actorUnitId");
    }
    const regional = u.kind === "subunit";
    actorLevel = regional
      ? input.actorRole === "head"
        ? "regional_head"
        : "regional_executor"
      : input.actorRole === "head"
        ? "province_head"
        : "province_executor";
    handlerLevel = competentLevel(actorLevel, input.round);
    if (!handlerLevel) return refuse(422, "Khiếu nại lần hai về quyết định của Cục: quyết định giải quyết đã có hiệu lực.", "round");
    handlerUnit = await handlerUnitFor(tx, handlerLevel, input.actorUnitId, l.province_id);
  }
  if (input.subjectUserId) {
    const [m] = await tx<{ ok: boolean }[]>`
      select true as ok from public.memberships m where m.user_id = ${input.subjectUserId} and m.unit_id = ${input.actorUnitId} limit 1`;
    if (!m) return refuse(422, "Người bị khiếu nại, tố cáo: phải là cán bộ của đơn vị đã chọn.", "subjectUserId");
  }
  let limitationLastDay: string | null = null;
  let late = false;
  const citations: string[] = [];
  let acceptDue: string | null = null;
  if (input.kind === "complaint" && input.actKind && input.actKnownOn) {
    const lim = complaintLimitation({
      act: input.actKind,
      round: input.round,
      knownOn: input.actKnownOn,
      firstDecisionOn: input.firstDecisionOn ?? null,
    });
    limitationLastDay = lim.lastDay;
    late = isLate(lim, l.received_on);
    citations.push(lim.citation);
  }
  if (input.kind === "complaint" || input.kind === "denunciation") {
    const acc = acceptanceClock(input.kind, input.round, l.received_on);
    acceptDue = acc.lastDay;
    citations.push(acc.citation);
  }
  const status: LetterStatus = input.kind === "not_competent" ? "forwarded" : "classified";
  const rows = await tx`
    update public.complaint_letters
       set kind = ${input.kind}, act_kind = ${input.kind === "complaint" ? (input.actKind ?? null) : null}, actor_level = ${actorLevel},
           subject_user_id = ${input.subjectUserId}, act_known_on = ${input.actKnownOn ?? null}, round = ${input.round},
           first_decision_on = ${input.round === 2 ? (input.firstDecisionOn ?? null) : null},
           handler_level = ${handlerLevel}, handler_unit_id = ${handlerUnit},
           forward_to = ${input.kind === "not_competent" ? input.forwardTo : null},
           forwarding_letter_no = ${input.kind === "not_competent" ? input.forwardingLetterNo : null},
           limitation_last_day = ${limitationLastDay}, late = ${late}, accept_due_on = ${acceptDue},
           citation = ${citations.length ? citations.join(" · ") : null}, status = ${status},
           version = version + 1, updated_at = now()
     where id = ${id} and version = ${input.version} returning id`;
  if (rows.length !== 1) return refuse(403, "Không có quyền cập nhật đơn này.");
  return { ok: true, id, late, citation: late ? (citations[0] ?? null) : null };
}

/** Accepts (thụ lý) a classified complaint or denunciation; its time to resolve runs from that day. */
export async function acceptLetter(tx: TxSql, id: string, input: AcceptLetterInput): Promise<WriteResult<{ resolveDueOn: string }>> {
  const l = await lockLetter(tx, id, input.version);
  if ("ok" in l) return l;
  if (l.status !== "classified" || (l.kind !== "complaint" && l.kind !== "denunciation")) {
    return refuse(422, "Chỉ thụ lý đơn khiếu nại hoặc tố cáo đã phân loại.");
  }
  if (input.acceptedOn < l.received_on) return refuse(422, "Ngày thụ lý: không được trước ngày nhận đơn.", "acceptedOn");
  const clock =
    l.kind === "complaint"
      ? complaintResolutionClock({ act: l.act_kind!, round: l.round, acceptedOn: input.acceptedOn, extended: input.extended })
      : denunciationResolutionClock(input.acceptedOn, input.complexity);
  const rows = await tx`
    update public.complaint_letters
       set accepted_on = ${input.acceptedOn}, resolve_due_on = ${clock.lastDay}, status = 'accepted',
           citation = concat_ws(' · ', citation, ${clock.citation}::text), version = version + 1, updated_at = now()
     where id = ${id} and version = ${input.version} returning id`;
  if (rows.length !== 1) return refuse(403, "Không có quyền cập nhật đơn này.");
  return { ok: true, id, resolveDueOn: clock.lastDay };
}

/** Records the decision on an accepted letter, and its effect on the case (a step annulled or redone). */
export async function resolveLetter(tx: TxSql, id: string, input: ResolveLetterInput): Promise<WriteResult> {
  const l = await lockLetter(tx, id, input.version);
  if ("ok" in l) return l;
  if (l.status !== "accepted") return refuse(422, "Chỉ giải quyết đơn đã thụ lý.");
  if (input.resolvedOn < l.received_on) return refuse(422, "Ngày giải quyết: không được trước ngày nhận đơn.", "resolvedOn");
  const rows = await tx`
    update public.complaint_letters
       set resolved_on = ${input.resolvedOn}, outcome = ${input.outcome}, decision_no = ${input.decisionNo},
           resolution_note = ${input.note}, case_effect = ${input.caseEffect}, case_effect_note = ${input.caseEffectNote},
           status = 'resolved', version = version + 1, updated_at = now()
     where id = ${id} and version = ${input.version} returning id`;
  if (rows.length !== 1) return refuse(403, "Không có quyền cập nhật đơn này.");
  return { ok: true, id };
}

export interface LetterListRow {
  id: string;
  tracking_code: string;
  unit_name: string;
  handler_unit_name: string | null;
  handler_name: string | null;
  received_on: string;
  kind: LetterKind | null;
  status: LetterStatus;
  summary: string;
  late: boolean;
  due_on: string | null;
  clock: ClockStatus | null;
}

/** The letters the caller may see, open ones first by their next deadline; overdue and due-soon filters as for case deadlines. */
export async function letterList(tx: TxSql, filter: LetterFilter, today: string, limit = 200): Promise<LetterListRow[]> {
  const rows = await tx<Omit<LetterListRow, "clock">[]>`
    select l.id, l.tracking_code, u.name as unit_name, hu.name as handler_unit_name, p.full_name as handler_name,
           to_char(l.received_on, 'YYYY-MM-DD') as received_on, l.kind, l.status, l.summary, l.late,
           to_char(case l.status when 'classified' then l.accept_due_on when 'accepted' then l.resolve_due_on end, 'YYYY-MM-DD') as due_on
      from public.complaint_letters l
      join public.units u on u.id = l.unit_id
      left join public.units hu on hu.id = l.handler_unit_id
      left join public.profiles p on p.id = l.handler_id
     where true
       ${filter.status === "open" ? tx`and l.status in ('received', 'classified', 'accepted')` : filter.status === "resolved" ? tx`and l.status = 'resolved'` : tx``}
       ${filter.unit ? tx`and coalesce(l.handler_unit_id, l.unit_id) = ${filter.unit}` : tx``}
       ${filter.province ? tx`and l.province_id = ${filter.province}` : tx``}
       ${filter.handler ? tx`and l.handler_id = ${filter.handler}` : tx``}
       ${filter.case ? tx`and l.case_ids @> array[${filter.case}::uuid]` : tx``}
       ${searchWhere(tx, filter.q)}
       ${figureWhere(tx, filter)}
     order by due_on nulls last, l.received_on desc
     limit ${limit}`;
  const out = rows.map((r) => ({ ...r, clock: r.due_on ? clockStatus(r.due_on, today) : null }));
  return filter.due ? out.filter((r) => r.clock === filter.due) : out;
}

/** A search: the letter whose tracking code this is, or the letters whose summary contains the words. */
function searchWhere(tx: TxSql, q: string | undefined) {
  if (!q) return tx``;
  const code = q.toUpperCase().replace(/[\s-]/g, "");
  const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return tx`and (l.tracking_code = ${code} or l.summary ilike ${like})`;
}

/** The rows a statistics figure counts (its drill-down), with the same definitions as `complaintStats`. */
function figureWhere(tx: TxSql, f: LetterFilter) {
  const from = f.from ?? "1900-01-01";
  const to = f.to ?? "2999-12-31";
  switch (f.figure) {
    case undefined:
      return tx``;
    case "received":
      return tx`and l.received_on between ${from} and ${to} and l.duplicate_of is null`;
    case "competent":
      return tx`and l.received_on between ${from} and ${to} and l.duplicate_of is null and l.kind in ('complaint', 'denunciation')`;
    case "late":
      return tx`and l.received_on between ${from} and ${to} and l.duplicate_of is null and l.late`;
    case "resolved":
      return tx`and l.resolved_on between ${from} and ${to} and l.status = 'resolved'`;
    case "on_time":
      return tx`and l.resolved_on between ${from} and ${to} and l.status = 'resolved' and l.resolved_on <= l.resolve_due_on`;
    case "upheld":
      return tx`and l.resolved_on between ${from} and ${to} and l.outcome = 'upheld'`;
    case "partly_upheld":
      return tx`and l.resolved_on between ${from} and ${to} and l.outcome = 'partly_upheld'`;
  }
}

export interface LetterDetail {
  id: string;
  tracking_code: string;
  province_id: string;
  unit_id: string;
  unit_name: string;
  channel: string;
  received_on: string;
  forwarded_by: string | null;
  summary: string;
  content: string;
  case_ids: string[];
  kind: LetterKind | null;
  act_kind: ComplaintActKind | null;
  actor_level: ActorLevel | null;
  round: 1 | 2;
  handler_level: HandlerLevel | null;
  handler_unit_name: string | null;
  limitation_last_day: string | null;
  late: boolean;
  accept_due_on: string | null;
  accepted_on: string | null;
  resolve_due_on: string | null;
  resolved_on: string | null;
  outcome: string | null;
  decision_no: string | null;
  case_effect: string;
  case_effect_note: string | null;
  citation: string | null;
  forward_to: string | null;
  forwarding_letter_no: string | null;
  status: LetterStatus;
  version: number;
  /** Null when the caller may read the letter but not its sender (a steering committee member). */
  sender: {
    full_name: string;
    id_number: string | null;
    phone: string | null;
    address: string | null;
    keep_identity_secret: boolean;
  } | null;
}

export async function letterDetail(tx: TxSql, id: string): Promise<LetterDetail | null> {
  if (!isUuid(id)) return null;
  const [l] = await tx<Omit<LetterDetail, "sender">[]>`
    select l.id, l.tracking_code, l.province_id, l.unit_id, u.name as unit_name, l.channel, to_char(l.received_on, 'YYYY-MM-DD') as received_on,
           l.forwarded_by, l.summary, l.content, l.case_ids, l.kind, l.act_kind, l.actor_level, l.round, l.handler_level, hu.name as handler_unit_name,
           to_char(l.limitation_last_day, 'YYYY-MM-DD') as limitation_last_day, l.late, to_char(l.accept_due_on, 'YYYY-MM-DD') as accept_due_on,
           to_char(l.accepted_on, 'YYYY-MM-DD') as accepted_on, to_char(l.resolve_due_on, 'YYYY-MM-DD') as resolve_due_on,
           to_char(l.resolved_on, 'YYYY-MM-DD') as resolved_on, l.outcome, l.decision_no, l.case_effect, l.case_effect_note, l.citation,
           l.forward_to, l.forwarding_letter_no, l.status, l.version
      from public.complaint_letters l join public.units u on u.id = l.unit_id left join public.units hu on hu.id = l.handler_unit_id
     where l.id = ${id}`;
  if (!l) return null;
  const [sender] = await tx<NonNullable<LetterDetail["sender"]>[]>`
    select full_name, id_number, phone, address, keep_identity_secret from public.complaint_senders where letter_id = ${id}`;
  return { ...l, sender: sender ?? null };
}

/**
 * Runs a complaint write under the caller's claims in one transaction: a refusal after writes
 * began rolls everything back, and a reference the database refuses (23514) comes back as a
 * refusal naming its column, never as a server error.
 */
export async function complaintWrite<T extends WriteResult<object>>(
  sql: Sql,
  claims: Claims,
  fn: (tx: TxSql) => Promise<T>,
): Promise<T | Refusal> {
  class Refused extends Error {
    constructor(readonly result: Refusal) {
      super("refused");
    }
  }
  try {
    return await withClaims(sql, claims, async (tx) => {
      const r = await fn(tx);
      if (!r.ok) throw new Refused(r);
      return r;
    });
  } catch (e) {
    if (e instanceof Refused) return e.result;
    const err = e as { code?: string; message?: string; column_name?: string };
    if (err.code === "23514" || err.code === "42501") {
      return refuse(err.code === "42501" ? 403 : 422, err.message ?? "Dữ liệu không hợp lệ.", formFieldOf(err.column_name));
    }
    throw e;
  }
}

/** The form's field for a column the database names in a refusal: `host_id` → `hostId`; the case ids are typed as numbers. */
function formFieldOf(column: string | undefined): string | undefined {
  if (!column) return undefined;
  if (column === "case_ids") return "caseNumbers";
  return column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
}

/** The province's units still in service, for choosing whose act a letter is about. */
export async function provinceUnits(tx: TxSql, provinceId: string): Promise<{ id: string; name: string }[]> {
  return tx<{ id: string; name: string }[]>`
    select id, name from public.units where province_id = ${provinceId} and dissolved_on is null order by kind, name`;
}

export interface RelatedLetter {
  id: string;
  tracking_code: string;
  received_on: string;
  status: LetterStatus;
  summary: string;
  /** From this letter's side: it duplicates the other, the other duplicates it, or they concern the same matter. */
  relation: "duplicate_of" | "duplicated_by" | "same_matter";
}

/** The letters linked to this one, either way, as row security lets the caller read them. */
export async function relatedLetters(tx: TxSql, id: string): Promise<RelatedLetter[]> {
  if (!isUuid(id)) return [];
  return tx<RelatedLetter[]>`
    select r.id, r.tracking_code, to_char(r.received_on, 'YYYY-MM-DD') as received_on, r.status, r.summary,
           case when r.id = l.duplicate_of then 'duplicate_of' when r.duplicate_of = l.id then 'duplicated_by' else 'same_matter' end as relation
      from public.complaint_letters l
      join public.complaint_letters r
        on r.id = l.duplicate_of or r.id = l.same_matter_as or r.duplicate_of = l.id or r.same_matter_as = l.id
     where l.id = ${id}
     order by r.received_on, r.tracking_code
     limit 100`;
}

/**
 * Links a letter to another one of the province by its tracking code, or removes the link (blank
 * code). A duplicate points at the original letter (the original of a duplicate, if a duplicate's
 * code is given), is not counted again in the statistics, and must still be open: a resolved letter
 * has been counted as resolved. An original with duplicates of its own cannot become a duplicate.
 * The database checks the province again (complaint_letters_references).
 */
export async function linkLetter(tx: TxSql, id: string, input: LinkLetterInput): Promise<WriteResult> {
  const l = await lockLetter(tx, id, input.version);
  if ("ok" in l) return l;
  const column = input.relation === "duplicate" ? tx`duplicate_of` : tx`same_matter_as`;
  let target: string | null = null;
  if (input.code) {
    target = await letterIdByCode(tx, input.code);
    if (!target) return refuse(422, "Mã theo dõi của đơn liên quan: không tìm thấy đơn có mã này.", "code");
    if (target === id) return refuse(422, "Mã theo dõi của đơn liên quan: không thể liên kết đơn với chính nó.", "code");
    if (input.relation === "duplicate") {
      if (l.status === "resolved") return refuse(422, "Đơn đã giải quyết không thể đánh dấu là đơn trùng.");
      const [t] = await tx<{ duplicate_of: string | null }[]>`select duplicate_of from public.complaint_letters where id = ${target}`;
      target = t?.duplicate_of ?? target;
      if (target === id) return refuse(422, "Mã theo dõi của đơn liên quan: đơn đó là bản trùng của chính đơn này.", "code");
      const [copies] = await tx<{ n: number }[]>`select count(*)::int as n from public.complaint_letters where duplicate_of = ${id}`;
      if (copies && copies.n > 0) {
        return refuse(
          422,
          `Mã theo dõi của đơn liên quan: đơn này là đơn gốc của ${copies.n} đơn trùng, không thể đánh dấu là đơn trùng.`,
          "code",
        );
      }
    }
  }
  const rows = await tx`
    update public.complaint_letters set ${column} = ${target}, version = version + 1, updated_at = now()
     where id = ${id} and version = ${input.version} returning id`;
  if (rows.length !== 1) return refuse(403, "Không có quyền cập nhật đơn này.");
  return { ok: true, id };
}
