import type { TxSql } from "@thads/db";
import { isUuid } from "../shared/input.ts";
import type { ConfirmLinkInput } from "./link-schema.ts";

/*
 * Desk staff confirm, on a request filed from a creditor account, that the account holds the ID
 * number / tax code given on the request (public.confirm_creditor_link: one call, idempotent).
 */

/** What the desk sees of a request's account link: whether one may be confirmed, and the standing one. */
export interface RequestLinkState {
  /** Filed from a signed-in account with an ID number or tax code. */
  linkable: boolean;
  idNumber: string | null;
  link: { id: string; party_kind: "person" | "organization"; channel: string; confirmed_at: string } | null;
}

/**
 * The standing link of the request's account for the request's number, as the caller reads it
 * (RLS: links confirmed at the caller's desks, province or nationally).
 */
export async function requestLinkState(tx: TxSql, requestId: string): Promise<RequestLinkState | null> {
  if (!isUuid(requestId)) return null;
  const [r] = await tx<
    {
      requester_id: string | null;
      requester_id_number: string | null;
      link_id: string | null;
      party_kind: "person" | "organization" | null;
      channel: string | null;
      confirmed_at: string | null;
    }[]
  >`
    select r.requester_id, r.requester_id_number, l.id as link_id, l.party_kind, l.channel::text as channel,
           to_char(l.confirmed_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as confirmed_at
      from public.service_requests r
      left join public.creditor_links l
        on l.account_id = r.requester_id and l.id_number = r.requester_id_number and l.revoked_at is null
     where r.id = ${requestId}`;
  if (!r) return null;
  const linkable = r.requester_id !== null && r.requester_id_number !== null;
  return {
    linkable,
    idNumber: r.requester_id_number,
    link:
      r.link_id && r.party_kind && r.channel && r.confirmed_at
        ? { id: r.link_id, party_kind: r.party_kind, channel: r.channel, confirmed_at: r.confirmed_at }
        : null,
  };
}

export type ConfirmLinkResult = { ok: true; linkId: string } | { ok: false; status: number; message: string };

/** The function's refusals, as the desk reads them (its messages are English and internal). */
function refusal(err: { code?: string; message?: string }): ConfirmLinkResult | null {
  const m = err.message ?? "";
  if (err.code === "42501") {
    return { ok: false, status: 403, message: "Yêu cầu: bạn không có quyền xác nhận liên kết tài khoản cho yêu cầu này." };
  }
  if (err.code === "23505") {
    return {
      ok: false,
      status: 409,
      message: "Số CCCD / mã số thuế: đã liên kết với một tài khoản khác; tài khoản đó phải được thu hồi liên kết trước.",
    };
  }
  if (err.code === "23514") {
    if (m.includes("not filed from an account")) {
      return { ok: false, status: 422, message: "Yêu cầu: không được gửi từ tài khoản đã đăng nhập nên không có tài khoản để liên kết." };
    }
    if (m.includes("no ID number")) {
      return { ok: false, status: 422, message: "Số CCCD / mã số thuế: yêu cầu không ghi số nên không thể liên kết." };
    }
    if (m.includes("not a creditor account")) {
      return { ok: false, status: 422, message: "Tài khoản người yêu cầu: không phải tài khoản người được thi hành án." };
    }
    return { ok: false, status: 422, message: "Liên kết tài khoản: dữ liệu không hợp lệ." };
  }
  return null;
}

/**
 * Confirms that the account that filed the request holds the request's number. Runs in the
 * caller's transaction, in a savepoint: a refusal comes back as a Vietnamese message with a 4xx
 * status and writes nothing. Confirming a standing link of the same account again returns it.
 */
export async function confirmCreditorLink(tx: TxSql, requestId: string, input: ConfirmLinkInput): Promise<ConfirmLinkResult> {
  if (!isUuid(requestId)) return { ok: false, status: 404, message: "Yêu cầu: không tìm thấy." };
  try {
    const [row] = await tx.savepoint(
      (sp) => sp<{ id: string }[]>`select public.confirm_creditor_link(${requestId}, ${input.partyKind}::public.party_kind) as id`,
    );
    if (!row) return { ok: false, status: 404, message: "Yêu cầu: không tìm thấy." };
    return { ok: true, linkId: row.id };
  } catch (e) {
    const r = refusal(e as { code?: string; message?: string });
    if (r) return r;
    throw e;
  }
}
