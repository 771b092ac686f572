import type { TxSql } from "@thads/db";
import { isUuid } from "../shared/input.ts";
import type { ConfirmLinkInput } from "./link-schema.ts";

/*
 * Desk staff confirm, on a request filed from a creditor account, that the account holds the ID
 * number / tax code given on the request (public.confirm_creditor_link: one call, idempotent).
 */

/** What the desk sees of a request's account link: whether one may be confirmed, and the standing one. */
export interface RequestLinkState {
  /** Filed from a signed-in account with an ID number or tax code, and not closed. */
  linkable: boolean;
  /** The request was returned or refused: no new link is confirmed from it. */
  closed: boolean;
  idNumber: string | null;
  link: {
    id: string;
    party_kind: "person" | "organization";
    channel: string;
    confirmed_at: string;
    /** The province whose desk confirmed it, when confirmed at a desk. */
    confirmed_in: string | null;
  } | null;
}

/**
 * The request (as row security lets the caller read it) and the standing link of its account for
 * its number, wherever that link was confirmed (public.request_link_state, for the staff who
 * handle the request).
 */
export async function requestLinkState(tx: TxSql, requestId: string): Promise<RequestLinkState | null> {
  if (!isUuid(requestId)) return null;
  const [r] = await tx<{ requester_id: string | null; requester_id_number: string | null; status: string }[]>`
    select r.requester_id, r.requester_id_number, r.status::text as status from public.service_requests r where r.id = ${requestId}`;
  if (!r) return null;
  const [l] = await tx<
    { link_id: string; party_kind: "person" | "organization"; channel: string; confirmed_on: string; confirmed_in: string | null }[]
  >`select link_id, party_kind, channel, to_char(confirmed_on, 'YYYY-MM-DD') as confirmed_on, confirmed_in
      from public.request_link_state(${requestId})`;
  const closed = r.status === "returned" || r.status === "rejected";
  return {
    linkable: r.requester_id !== null && r.requester_id_number !== null,
    closed,
    idNumber: r.requester_id_number,
    link: l
      ? { id: l.link_id, party_kind: l.party_kind, channel: l.channel, confirmed_at: l.confirmed_on, confirmed_in: l.confirmed_in }
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
    if (m.includes("the request is closed")) {
      return {
        ok: false,
        status: 422,
        message: "Yêu cầu: đã trả kết quả hoặc đã từ chối, không xác nhận liên kết tài khoản từ yêu cầu này.",
      };
    }
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
