import type { TxSql } from "@thads/db";
import type { RequestStatus } from "@thads/domain";
import { isUuid } from "../shared/input.ts";
import type { QueueRow } from "./desk-queue.ts";

/*
 * One request as the desk (or the creditor who filed it) sees it, under the caller's claims: RLS
 * decides whether it exists for them.
 */

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

export async function requestDetail(tx: TxSql, id: string): Promise<RequestDetail | null> {
  if (!isUuid(id)) return null;
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
  const [rating] = await tx<
    { score: number; comment: string | null }[]
  >`select score, comment from public.service_ratings where request_id = ${id}`;
  return { ...r, history, files, rating: rating ?? null };
}

/** An attachment of a request, with its content; null when it does not exist for the caller. */
export async function attachment(tx: TxSql, requestId: string, fileId: string) {
  if (!isUuid(requestId) || !isUuid(fileId)) return null;
  const [row] = await tx<{ file_name: string; content_type: string; content: Buffer }[]>`
    select file_name, content_type, content from public.service_request_attachments where id = ${fileId} and request_id = ${requestId}`;
  return row ?? null;
}
