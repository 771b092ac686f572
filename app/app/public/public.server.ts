/**
 * Data access for the public pages and the one-stop desk. The public runs as `anon` (it may
 * file a request, never read one: status goes through public.track_service_request); staff and
 * signed-in creditors run under their own claims, so RLS scopes every read and write.
 */
import { randomUUID } from "node:crypto";
import { asAnon, withClaims, type TxSql } from "@thads/db";
import {
  byUnitName,
  applyRequestAction,
  newTrackingCode,
  normalizeSecondFactor,
  requestDueOn,
  type RequestAction,
  type RequestKind,
  type RequestStatus,
} from "@thads/domain";
import { appSql } from "../utils/db.server.ts";
import { todayVn } from "../utils/today.ts";
import type { CurrentUser } from "../utils/user.server.ts";
import type { RequestFormInput } from "../schemas/public-request.ts";
import type { UploadedFile } from "./upload.server.ts";
import { readDeskQueue, type DeskQueueFilter, type QueueRow } from "./desk-queue.server.ts";
import { isUuid } from "@thads/core/input";

export type { QueueRow };

export const anon = <T>(fn: (tx: TxSql) => Promise<T>) => asAnon(appSql(), fn);
const asUser = <T>(user: CurrentUser, fn: (tx: TxSql) => Promise<T>) => withClaims(appSql(), user.claims, fn);

export interface ProvinceRow {
  id: string;
  name: string;
  slug: string;
  address: string | null;
  phone: string | null;
  email: string | null;
}

export async function listProvinces(): Promise<ProvinceRow[]> {
  return byUnitName(await anon((tx) => tx<ProvinceRow[]>`
    select id, name, slug, address, phone, email from public.units
    where kind = 'province' and dissolved_on is null and slug is not null`));
}

export async function provinceBySlug(slug: string): Promise<ProvinceRow | null> {
  if (!/^[a-z0-9-]{2,60}$/.test(slug)) return null;
  const [row] = await anon((tx) => tx<ProvinceRow[]>`
    select id, name, slug, address, phone, email from public.units
    where slug = ${slug} and kind = 'province' and dissolved_on is null`);
  return row ?? null;
}

export interface PageContent {
  intro: string;
  contacts: string;
  deskHours: string;
  proceduresNote: string;
}

export async function provincePage(provinceId: string) {
  return anon(async (tx) => {
    const [page] = await tx<{ intro: string; contacts: string; desk_hours: string; procedures_note: string }[]>`
      select intro, contacts, desk_hours, procedures_note from public.public_pages where province_id = ${provinceId}`;
    const units = await tx<{ id: string; name: string; address: string | null; phone: string | null; email: string | null }[]>`
      select id, name, address, phone, email from public.units
      where province_id = ${provinceId} and kind = 'subunit' and dissolved_on is null order by code`;
    const announcements = await tx<{ id: string; title: string; body: string; published_on: string }[]>`
      select id, title, body, to_char(published_on, 'YYYY-MM-DD') as published_on from public.public_announcements
      where province_id = ${provinceId} order by published_on desc, created_at desc limit 10`;
    const content: PageContent = {
      intro: page?.intro ?? "",
      contacts: page?.contacts ?? "",
      deskHours: page?.desk_hours ?? "",
      proceduresNote: page?.procedures_note ?? "",
    };
    return { content, units, announcements };
  });
}

/** Where a request may be sent: the provincial bureau and its current sub-bureaus. */
export function requestUnits(provinceId: string) {
  return anon((tx) => tx<{ id: string; name: string; kind: string }[]>`
    select id, name, kind::text as kind from public.units
    where (id = ${provinceId} or (province_id = ${provinceId} and kind = 'subunit')) and dissolved_on is null
    order by kind, code`);
}

export function factorKeys(input: { requesterPhone: string | null; requesterIdNumber: string | null }): string[] {
  return [...new Set([input.requesterPhone, input.requesterIdNumber].filter((v): v is string => !!v).map(normalizeSecondFactor))];
}

/**
 * Files a request and its attachments in one transaction. A retry of the same form (same
 * idempotency key) stores nothing new and gets the first filing's code back.
 */
export async function submitRequest(
  kind: RequestKind,
  input: RequestFormInput,
  files: UploadedFile[],
  filer: { user: CurrentUser; as: "creditor" | "desk" } | null,
): Promise<{ code: string; id: string | null; retried: boolean }> {
  const { idempotencyKey, unitId, requesterName, requesterIdNumber, requesterPhone, requesterEmail, requesterAddress, ...rest } = input;
  const keys = factorKeys(input);
  const id = randomUUID();
  const code = newTrackingCode();
  const write = async (tx: TxSql) => {
    await tx`
      insert into public.service_requests (id, unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name,
                                           requester_id_number, requester_phone, requester_email, requester_address, factor_keys, details)
      values (${id}, ${unitId}, ${kind}, ${filer?.as === "desk" ? "desk" : "online"}, ${code}, ${idempotencyKey},
              ${filer?.as === "creditor" ? filer.user.id : null}, ${requesterName},
              ${requesterIdNumber}, ${requesterPhone}, ${requesterEmail}, ${requesterAddress}, ${keys}, ${tx.json(rest as never)})`;
    for (const f of files) {
      await tx`
        insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
        values (${id}, ${f.name}, ${f.type}, ${f.bytes.byteLength}, ${"0".repeat(64)}, ${Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength)})`;
    }
  };
  try {
    if (filer) await asUser(filer.user, write);
    else await anon(write);
    return { code, id, retried: false };
  } catch (e) {
    const err = e as { code?: string; constraint_name?: string };
    if (err.code === "23505" && err.constraint_name === "service_requests_idempotency") {
      const [row] = await anon((tx) => tx<{ code: string | null }[]>`select public.service_request_code(${idempotencyKey}, ${keys[0]!}) as code`);
      if (row?.code) return { code: row.code, id: null, retried: true };
      // The same form sent again with other contact details: refused, the first filing stands.
      throw new DuplicateFormError();
    }
    if (err.code === "23505" && err.constraint_name === "service_requests_code_unique") {
      // 60 random bits colliding: file again with a new code.
      return submitRequest(kind, input, files, filer);
    }
    throw e;
  }
}

export class DuplicateFormError extends Error {
  constructor() {
    super("This form was already submitted");
  }
}

export interface TrackedRequest {
  code: string;
  kind: RequestKind;
  status: RequestStatus;
  provinceId: string;
  unitName: string;
  submittedOn: string;
  receivedOn: string | null;
  dueOn: string | null;
  closedOn: string | null;
  resultNote: string | null;
  rated: boolean;
  history: { status: RequestStatus; at: string; note: string | null }[];
}

export async function trackRequest(code: string, factor: string): Promise<TrackedRequest | null> {
  const [row] = await anon((tx) => tx<{ r: TrackedRequest | null }[]>`select public.track_service_request(${code}, ${normalizeSecondFactor(factor)}) as r`);
  return row?.r ?? null;
}

export async function rateRequest(code: string, factor: string, score: number, comment: string | null) {
  const [row] = await anon((tx) => tx<{ r: string }[]>`
    select public.rate_service_request(${code}, ${normalizeSecondFactor(factor)}, ${score}, ${comment}) as r`);
  return row!.r as "ok" | "not_found" | "not_closed" | "already_rated" | "invalid";
}

export async function publicDebtors(provinceId: string, q: string, page: number, pageSize = 50) {
  const rows = await anon((tx) => tx<{
    debtor_name: string; debtor_address: string | null; money_outstanding: string; acts: string | null; bureau: string; total: bigint;
  }[]>`select * from public.public_debtors(${provinceId}, ${q || null}, ${pageSize}, ${(page - 1) * pageSize})`);
  return {
    total: Number(rows[0]?.total ?? 0n),
    rows: rows.map((r) => ({
      name: r.debtor_name,
      address: r.debtor_address,
      moneyOutstanding: r.money_outstanding,
      acts: r.acts,
      bureau: r.bureau,
    })),
  };
}

// ---------------------------------------------------------------------------------------------
// One-stop desk (staff)
// ---------------------------------------------------------------------------------------------


/** The units whose desk this user works (sub-bureau heads and clerks: theirs; province staff: all of the province). */
export function deskUnits(user: CurrentUser) {
  const units = user.memberships.filter((m) => m.role === "subunit_head" || m.role === "clerk").map((m) => m.unitId!);
  const provinces = user.memberships.filter((m) => m.role === "province_head" || m.role === "province_staff").map((m) => m.provinceId!);
  return asUser(user, (tx) => tx<{ id: string; name: string }[]>`
    select u.id, u.name from public.units u
    where u.dissolved_on is null and u.kind <> 'national'
      and (u.id = any (${units}::uuid[]) or u.province_id = any (${provinces}::uuid[]))
    order by u.kind, u.code`);
}

/** One page of the desk queue (desk-queue.server.ts), as the user. */
export function deskQueue(user: CurrentUser, filter: DeskQueueFilter) {
  return asUser(user, (tx) => readDeskQueue(tx, filter));
}

export interface RequestDetail extends QueueRow {
  province_id: string;
  unit_id: string;
  requester_id_number: string | null;
  requester_phone: string | null;
  requester_email: string | null;
  requester_address: string | null;
  details: Record<string, string | null>;
  received_on: string | null;
  result_note: string | null;
  version: number;
  history: { to_status: RequestStatus; at: string; note: string | null; actor: string | null }[];
  files: { id: string; file_name: string; content_type: string; size_bytes: number }[];
  rating: { score: number; comment: string | null } | null;
}

export function requestDetail(user: CurrentUser, id: string): Promise<RequestDetail | null> {
  if (!isUuid(id)) return Promise.resolve(null);
  return asUser(user, async (tx) => {
    const [r] = await tx<Omit<RequestDetail, "history" | "files" | "rating">[]>`
      select r.id, r.kind, r.status, r.channel, r.tracking_code, r.requester_name, u.name as unit_name, r.province_id, r.unit_id,
             to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on, to_char(r.due_on, 'YYYY-MM-DD') as due_on,
             to_char(r.closed_on, 'YYYY-MM-DD') as closed_on, to_char(r.received_on, 'YYYY-MM-DD') as received_on, r.case_id,
             r.requester_id_number, r.requester_phone, r.requester_email, r.requester_address, r.details, r.result_note, r.version
      from public.service_requests r join public.units u on u.id = r.unit_id
      where r.id = ${id}`;
    if (!r) return null;
    const history = await tx<RequestDetail["history"]>`
      select e.to_status, e.at::text as at, e.note, p.full_name as actor
      from public.service_request_events e left join public.profiles p on p.id = e.actor_id
      where e.request_id = ${id} order by e.id`;
    const files = await tx<RequestDetail["files"]>`
      select id, file_name, content_type, size_bytes from public.service_request_attachments where request_id = ${id} order by created_at, id`;
    const [rating] = await tx<{ score: number; comment: string | null }[]>`select score, comment from public.service_ratings where request_id = ${id}`;
    return { ...r, history, files, rating: rating ?? null };
  });
}

export type DeskResult = { ok: true; status: RequestStatus } | { ok: false; message: string; status: number };

/** Moves a request one step, with a version check (two officers on the same request: the second is refused). */
export async function deskAction(
  user: CurrentUser,
  id: string,
  action: RequestAction,
  version: number,
  note: string | null,
): Promise<DeskResult & { notify?: { email: string | null; phone: string | null; code: string; kind: RequestKind } }> {
  return asUser(user, async (tx) => {
    const [r] = await tx<{ status: RequestStatus; version: number; kind: RequestKind; submitted_on: string; requester_email: string | null; requester_phone: string | null; tracking_code: string }[]>`
      select status, version, kind, to_char(submitted_on, 'YYYY-MM-DD') as submitted_on, requester_email, requester_phone, tracking_code
      from public.service_requests where id = ${id} for update`;
    if (!r) return { ok: false as const, message: "Không tìm thấy yêu cầu.", status: 404 };
    if (r.version !== version) {
      return { ok: false as const, message: "Yêu cầu vừa được người khác cập nhật. Tải lại trang để xem trạng thái mới.", status: 409 };
    }
    const next = applyRequestAction(r.status, action, note);
    if (!next.ok) return { ok: false as const, message: next.message_vi, status: 422 };
    const today = todayVn();
    // The legal deadline runs from the day the request reached the bureau: the filing day
    // (online) counts from the next working day when it fell on a day off (requestDueOn).
    const dueOn = action === "receive" ? requestDueOn(r.kind, r.submitted_on) : null;
    const rows = await tx`
      update public.service_requests
      set status = ${next.to}, version = version + 1,
          received_on = ${action === "receive" ? today : tx`received_on`},
          due_on = ${dueOn ?? tx`due_on`},
          result_note = ${action === "return" || action === "reject" ? note : tx`result_note`}
      where id = ${id} and version = ${version}
      returning id`;
    if (rows.length !== 1) return { ok: false as const, message: "Không có quyền cập nhật yêu cầu này.", status: 403 };
    return {
      ok: true as const,
      status: next.to,
      notify: { email: r.requester_email, phone: r.requester_phone, code: r.tracking_code, kind: r.kind },
    };
  });
}

export async function attachment(user: CurrentUser, requestId: string, fileId: string) {
  if (!isUuid(requestId) || !isUuid(fileId)) return null;
  const [row] = await asUser(user, (tx) => tx<{ file_name: string; content_type: string; content: Buffer }[]>`
    select file_name, content_type, content from public.service_request_attachments where id = ${fileId} and request_id = ${requestId}`);
  return row ?? null;
}

export interface MetricsRow {
  unit_id: string;
  unit_name: string;
  received: number;
  online: number;
  closed_on_time: number;
  closed_late: number;
  open_overdue: number;
  open: number;
  ratings: number;
  average_rating: string | null;
}

export async function oneStopMetrics(user: CurrentUser, from: string, to: string): Promise<MetricsRow[]> {
  const rows = await asUser(user, (tx) => tx<Record<string, unknown>[]>`select * from public.one_stop_metrics(${from}, ${to})`);
  return rows.map((r) => ({
    unit_id: String(r.unit_id),
    unit_name: String(r.unit_name),
    received: Number(r.received),
    online: Number(r.online),
    closed_on_time: Number(r.closed_on_time),
    closed_late: Number(r.closed_late),
    open_overdue: Number(r.open_overdue),
    open: Number(r.open),
    ratings: Number(r.ratings),
    average_rating: r.average_rating === null ? null : String(r.average_rating),
  }));
}

/** A signed-in creditor's own requests (RLS lets it read only those it filed). */
export function myRequests(tx: TxSql) {
  return tx<{ tracking_code: string; kind: RequestKind; status: RequestStatus; unit_name: string; submitted_on: string; result_note: string | null }[]>`
    select r.tracking_code, r.kind, r.status, u.name as unit_name, to_char(r.submitted_on, 'YYYY-MM-DD') as submitted_on, r.result_note
    from public.service_requests r join public.units u on u.id = r.unit_id
    where r.requester_id = (select auth.uid())
    order by r.submitted_at desc limit 100`;
}

// ---------------------------------------------------------------------------------------------
// An enforcement request turned into a case
// ---------------------------------------------------------------------------------------------

/** Intake form values prefilled from an enforcement request the user may handle. */
export async function intakePrefill(user: CurrentUser, requestId: string | null): Promise<Record<string, string> | null> {
  if (!requestId) return null;
  const r = await requestDetail(user, requestId);
  if (!r || r.kind !== "enforcement_request" || r.case_id) return null;
  const d = r.details;
  const date = typeof d.judgmentDate === "string" ? d.judgmentDate : "";
  const vi = /^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}` : "";
  return {
    fromRequest: r.id,
    unitId: r.unit_id,
    source: "creditor_request",
    decisionKind: "on_request",
    "judgment.courtName": String(d.judgmentCourt ?? ""),
    "judgment.number": String(d.judgmentNumber ?? ""),
    "judgment.date": vi,
    "creditor.fullName": r.requester_name,
    "creditor.idNumber": r.requester_id_number ?? "",
    "creditor.address": r.requester_address ?? "",
    "debtor.fullName": String(d.debtorName ?? ""),
    "debtor.address": String(d.debtorAddress ?? ""),
  };
}

/**
 * Links the new case to the request, in the intake's own transaction, and moves a received
 * request on to processing. Returns false when the request cannot be linked (then the intake
 * is rolled back too).
 */
export async function linkRequestToCase(tx: TxSql, requestId: string, caseId: string): Promise<boolean> {
  if (!isUuid(requestId)) return false;
  const rows = await tx`
    update public.service_requests
    set case_id = ${caseId}, version = version + 1,
        status = case when status = 'received' then 'processing'::public.request_status else status end
    where id = ${requestId} and kind = 'enforcement_request' and case_id is null and status in ('received', 'processing')
    returning id`;
  return rows.length === 1;
}

// ---------------------------------------------------------------------------------------------
// The province's public content (its head and staff)
// ---------------------------------------------------------------------------------------------

export function savePage(user: CurrentUser, provinceId: string, c: PageContent) {
  return asUser(user, (tx) => tx`
    insert into public.public_pages (province_id, unit_id, intro, contacts, desk_hours, procedures_note, updated_by)
    values (${provinceId}, ${provinceId}, ${c.intro}, ${c.contacts}, ${c.deskHours}, ${c.proceduresNote}, ${user.id})
    on conflict (province_id) do update
      set intro = excluded.intro, contacts = excluded.contacts, desk_hours = excluded.desk_hours,
          procedures_note = excluded.procedures_note, updated_by = excluded.updated_by
    returning province_id`);
}

export function addAnnouncement(user: CurrentUser, provinceId: string, title: string, body: string) {
  return asUser(user, (tx) => tx`
    insert into public.public_announcements (unit_id, title, body, created_by) values (${provinceId}, ${title}, ${body}, ${user.id}) returning id`);
}

export function deleteAnnouncement(user: CurrentUser, id: string) {
  if (!isUuid(id)) return Promise.resolve([]);
  return asUser(user, (tx) => tx`delete from public.public_announcements where id = ${id} returning id`);
}
