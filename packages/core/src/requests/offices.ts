import type { TxSql } from "@thads/db";
import { isUuid } from "../shared/input.ts";

/*
 * The offices that take requests: a provincial bureau or one of its current sub-bureaus (a
 * dissolved office takes none). One rule, asked three ways: a province's offices for the public
 * form and the API's office list, one office by id for a filing through the API, and offices by
 * their code for a bulk filing file. Read under the caller's role (the public, a creditor).
 */

export interface RequestOffice {
  id: string;
  code: string;
  name: string;
  kind: "province" | "subunit";
  /** The province the office belongs to (a provincial bureau's own id). */
  provinceId: string;
}

export type RequestOfficeSelector = { province: string } | { id: string } | { codes: readonly string[] };

/** The offices that take requests, by province, by id or by code (codes compared in upper case; bad codes match nothing). */
export async function requestOffices(tx: TxSql, by: RequestOfficeSelector): Promise<RequestOffice[]> {
  const codes = "codes" in by ? [...new Set(by.codes.map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z0-9_-]{1,40}$/.test(c)))] : [];
  if ("codes" in by && codes.length === 0) return [];
  // An id that is no UUID names no office (rather than an error from the database).
  if ("id" in by && !isUuid(by.id)) return [];
  if ("province" in by && !isUuid(by.province)) return [];
  const which =
    "province" in by
      ? tx`coalesce(province_id, id) = ${by.province}`
      : "id" in by
        ? tx`id = ${by.id}`
        : tx`upper(code) = any(${codes}::text[])`;
  return tx<RequestOffice[]>`
    select id, code, name, kind::text as kind, coalesce(province_id, id) as "provinceId" from public.units
     where kind in ('province', 'subunit') and dissolved_on is null and ${which}
     order by kind, code`;
}
