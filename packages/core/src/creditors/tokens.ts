import type { TxSql } from "@thads/db";
import { addCalendarDays, compareDates } from "@thads/domain";
import { isUuid } from "../shared/input.ts";
import type { TokenScope } from "@thads/domain";
import type { CreateTokenInput } from "./token-schema.ts";

/*
 * API tokens of a creditor organisation (migration 20261211000500): created, listed and revoked by
 * the account itself, under row security. The secret is made and hashed by @thads/auth; only its
 * hash and prefix reach the database.
 */

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: TokenScope[];
  created_on: string;
  expires_on: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

export type TokenResult = { ok: true; id: string; expiresOn: string } | { ok: false; status: number; message: string; field?: string };

/** The longest a token lives, and how long when no day is given. */
export const TOKEN_MAX_DAYS = 365;
export const TOKEN_DEFAULT_DAYS = 90;

/** Whether the signed-in account may create tokens: a creditor linked as an organisation. */
export async function mayCreateTokens(tx: TxSql): Promise<boolean> {
  const [r] = await tx<{ ok: boolean }[]>`select app_private.is_creditor_organization() as ok`;
  return r?.ok ?? false;
}

export async function listApiTokens(tx: TxSql): Promise<ApiTokenRow[]> {
  return tx<ApiTokenRow[]>`
    select id, name, prefix, scopes,
           to_char(created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as created_on,
           to_char(expires_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as expires_on,
           to_char(revoked_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as revoked_at,
           to_char(last_used_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD HH24:MI') as last_used_at
      from public.api_tokens
     order by revoked_at is not null, created_at desc
     limit 200`;
}

/**
 * Stores a new token for the signed-in account. The token works to the end of `expiresOn`
 * (Vietnam time), at most TOKEN_MAX_DAYS ahead.
 */
export async function createApiToken(
  tx: TxSql,
  input: CreateTokenInput & { hash: string; prefix: string },
  today: string,
): Promise<TokenResult> {
  if (!(await mayCreateTokens(tx))) {
    return { ok: false, status: 403, message: "Mã truy cập API: chỉ tài khoản tổ chức đã liên kết mới tạo được mã." };
  }
  const expiresOn = input.expiresOn ?? addCalendarDays(today, TOKEN_DEFAULT_DAYS);
  if (compareDates(expiresOn, today) <= 0) {
    return { ok: false, status: 422, message: "Ngày hết hạn: phải sau hôm nay.", field: "expiresOn" };
  }
  if (compareDates(expiresOn, addCalendarDays(today, TOKEN_MAX_DAYS)) > 0) {
    return { ok: false, status: 422, message: "Ngày hết hạn: tối đa một năm kể từ hôm nay.", field: "expiresOn" };
  }
  try {
    const [row] = await tx.savepoint(
      (sp) => sp<{ id: string }[]>`
        insert into public.api_tokens (name, token_hash, prefix, scopes, expires_at)
        values (${input.name}, ${input.hash}, ${input.prefix}, ${input.scopes},
                (${expiresOn}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh')
        returning id`,
    );
    return { ok: true, id: row!.id, expiresOn };
  } catch (e) {
    const err = e as { code?: string; message?: string; column_name?: string };
    if (err.code === "23514") return { ok: false, status: 422, message: err.message ?? "Mã truy cập API: không hợp lệ.", field: "name" };
    if (err.code === "23505") return { ok: false, status: 409, message: "Mã truy cập API: trùng mã, hãy tạo lại." };
    if (err.code === "42501") {
      return { ok: false, status: 403, message: "Mã truy cập API: chỉ tài khoản tổ chức đã liên kết mới tạo được mã." };
    }
    throw e;
  }
}

/** Revokes one of the account's tokens (again: no change). */
export async function revokeApiToken(tx: TxSql, tokenId: string): Promise<TokenResult> {
  if (!isUuid(tokenId)) return { ok: false, status: 404, message: "Mã truy cập: không tìm thấy." };
  const [row] = await tx<{ id: string; expires_on: string }[]>`
    update public.api_tokens set revoked_at = coalesce(revoked_at, now()) where id = ${tokenId}
    returning id, to_char(expires_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as expires_on`;
  if (!row) return { ok: false, status: 404, message: "Mã truy cập: không tìm thấy." };
  return { ok: true, id: row.id, expiresOn: row.expires_on };
}
