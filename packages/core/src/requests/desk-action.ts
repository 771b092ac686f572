import type { TxSql } from "@thads/db";
import { applyRequestAction, requestDueOn, type RequestAction, type RequestKind, type RequestStatus } from "@thads/domain";

export type DeskResult = { ok: true; status: RequestStatus } | { ok: false; message: string; status: number };

/** Moves a request one step, with a version check (two officers on the same request: the second is refused). */
export async function deskAction(
  tx: TxSql,
  input: { id: string; action: RequestAction; version: number; note: string | null; today: string },
): Promise<DeskResult & { notify?: { email: string | null; phone: string | null; code: string; kind: RequestKind } }> {
  const { id, action, version, note, today } = input;
  const [r] = await tx<
    {
      status: RequestStatus;
      version: number;
      kind: RequestKind;
      submitted_on: string;
      requester_email: string | null;
      requester_phone: string | null;
      tracking_code: string;
    }[]
  >`
    select status, version, kind, to_char(submitted_on, 'YYYY-MM-DD') as submitted_on, requester_email, requester_phone, tracking_code
    from public.service_requests where id = ${id} for update`;
  if (!r) return { ok: false as const, message: "Không tìm thấy yêu cầu.", status: 404 };
  if (r.version !== version) {
    return { ok: false as const, message: "Yêu cầu vừa được người khác cập nhật. Tải lại trang để xem trạng thái mới.", status: 409 };
  }
  const next = applyRequestAction(r.status, action, note);
  if (!next.ok) return { ok: false as const, message: next.message_vi, status: 422 };
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
}
