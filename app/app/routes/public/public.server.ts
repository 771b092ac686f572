/**
 * Request plumbing of the public pages and the one-stop desk. The public runs as `anon` (it may
 * file a request, never read one: status goes through public.track_service_request); staff and
 * signed-in creditors run under their own claims, so RLS scopes every read and write. The
 * queries and commands live in @thads/core/requests.
 */
import { randomUUID } from "node:crypto";
import { asAnon, type TxSql } from "@thads/db";
import { hasRole, newTrackingCode, type RequestKind } from "@thads/domain";
import {
  DuplicateFormError,
  factorKeys,
  insertRequest,
  intakePrefill as prefillFromRequest,
  retriedRequestCode,
  submitConflict,
  trackRequest,
  type TrackedRequest,
  type RequestAttachment,
  type RequestFormInput,
} from "@thads/core/requests";
import { appSql } from "../../utils/db.server.ts";
import { asUser, type CurrentUser } from "../../utils/user.server.ts";

export { DuplicateFormError, linkRequestToCase } from "@thads/core/requests";

/** Runs queries as the public (`anon`), in one short transaction. */
export const anon = <T>(fn: (tx: TxSql) => Promise<T>) => asAnon(appSql(), fn);

/**
 * Files a request and its attachments in one transaction, as the filer (or the public). A retry
 * of the same form (same idempotency key) stores nothing new and gets the first filing's code back.
 */
export async function submitRequest(
  kind: RequestKind,
  input: RequestFormInput,
  files: RequestAttachment[],
  filer: { user: CurrentUser; as: "creditor" | "desk" } | null,
): Promise<{ code: string; id: string | null; retried: boolean }> {
  const id = randomUUID();
  const code = newTrackingCode();
  const write = (tx: TxSql) =>
    insertRequest(tx, {
      id,
      code,
      kind,
      channel: filer?.as === "desk" ? "desk" : "online",
      requesterId: filer?.as === "creditor" ? filer.user.id : null,
      input,
      files,
    });
  try {
    if (filer) await asUser(filer.user, write);
    else await anon(write);
    return { code, id, retried: false };
  } catch (e) {
    const conflict = submitConflict(e);
    if (conflict === "same_form") {
      const first = await anon((tx) => retriedRequestCode(tx, input.idempotencyKey, factorKeys(input)[0]!));
      if (first) return { code: first, id: null, retried: true };
      // The same form sent again with other contact details: refused, the first filing stands.
      throw new DuplicateFormError();
    }
    // 60 random bits colliding: file again with a new code.
    if (conflict === "code_taken") return submitRequest(kind, input, files, filer);
    throw e;
  }
}

/**
 * Who files a request: desk staff of this province file a walk-in request for a citizen (province
 * head and staff for any office, sub-bureau heads and clerks for their own); a signed-in creditor
 * files its own; anyone else files as the public.
 */
export function filerOf(
  user: CurrentUser | null,
  provinceId: string,
  unitId: string,
): { user: CurrentUser; as: "creditor" | "desk" } | null {
  if (!user) return null;
  const desk = user.memberships.some(
    (m) =>
      m.provinceId === provinceId &&
      (m.role === "province_head" ||
        m.role === "province_staff" ||
        ((m.role === "subunit_head" || m.role === "clerk") && m.unitId === unitId)),
  );
  if (desk) return { user, as: "desk" };
  return hasRole(user.memberships, "creditor") ? { user, as: "creditor" } : null;
}

/** A request by its tracking code and second factor, only when it belongs to this province. */
export async function trackInProvince(provinceId: string, code: string, factor: string): Promise<TrackedRequest | null> {
  const found = await anon((tx) => trackRequest(tx, code, factor));
  return found && found.provinceId === provinceId ? found : null;
}

/** Intake form values prefilled from an enforcement request the user may handle. */
export async function intakePrefill(user: CurrentUser, requestId: string | null): Promise<Record<string, string> | null> {
  if (!requestId) return null;
  return asUser(user, (tx) => prefillFromRequest(tx, requestId));
}
