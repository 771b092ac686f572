import type { TxSql } from "@thads/db";
import { normalizeSecondFactor, type RequestKind } from "@thads/domain";
import type { RequestFormInput } from "./schema.ts";

/*
 * Filing a request: the row and its attachments, written in the filer's transaction (the public
 * as `anon`, a signed-in creditor or desk officer under their claims). A retry of the same form
 * (same idempotency key) hits the idempotency constraint; the first filing's code is then looked
 * up as the public, with the second factor (service_request_code).
 */

/** An attachment already checked for count, size and content type. */
export interface RequestAttachment {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** The second factors a request is tracked with (phone, ID number), normalised, without repeats. */
export function factorKeys(input: { requesterPhone: string | null; requesterIdNumber: string | null }): string[] {
  return [...new Set([input.requesterPhone, input.requesterIdNumber].filter((v): v is string => !!v).map(normalizeSecondFactor))];
}

export interface NewRequest {
  id: string;
  code: string;
  kind: RequestKind;
  channel: "online" | "desk";
  /** The signed-in creditor filing its own request, else null. */
  requesterId: string | null;
  input: RequestFormInput;
  files: RequestAttachment[];
}

/** Writes the request and its attachments. Throws the database's unique violation on a resent form or a taken code (see submitConflict). */
export async function insertRequest(tx: TxSql, r: NewRequest): Promise<void> {
  const { idempotencyKey, unitId, requesterName, requesterIdNumber, requesterPhone, requesterEmail, requesterAddress, ...rest } = r.input;
  const keys = factorKeys(r.input);
  await tx`
    insert into public.service_requests (id, unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name,
                                         requester_id_number, requester_phone, requester_email, requester_address, factor_keys, details)
    values (${r.id}, ${unitId}, ${r.kind}, ${r.channel}, ${r.code}, ${idempotencyKey},
            ${r.requesterId}, ${requesterName},
            ${requesterIdNumber}, ${requesterPhone}, ${requesterEmail}, ${requesterAddress}, ${keys}, ${tx.json(rest as never)})`;
  for (const f of r.files) {
    await tx`
      insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
      values (${r.id}, ${f.name}, ${f.type}, ${f.bytes.byteLength}, ${"0".repeat(64)}, ${Buffer.from(f.bytes.buffer, f.bytes.byteOffset, f.bytes.byteLength)})`;
  }
}

/**
 * What a failed insertRequest means: "same_form" when this form was filed before (idempotency key
 * taken), "code_taken" when the random tracking code collided (file again with a new code), null
 * for any other error.
 */
export function submitConflict(e: unknown): "same_form" | "code_taken" | null {
  const err = e as { code?: string; constraint_name?: string };
  if (err.code === "23505" && err.constraint_name === "service_requests_idempotency") return "same_form";
  if (err.code === "23505" && err.constraint_name === "service_requests_code_unique") return "code_taken";
  return null;
}

/** The code of the first filing of a resent form, when the second factor matches; else null. */
export async function retriedRequestCode(tx: TxSql, idempotencyKey: string, factorKey: string): Promise<string | null> {
  const [row] = await tx<{ code: string | null }[]>`select public.service_request_code(${idempotencyKey}, ${factorKey}) as code`;
  return row?.code ?? null;
}

/** The same form sent again with other contact details: refused, the first filing stands. */
export class DuplicateFormError extends Error {
  constructor() {
    super("This form was already submitted");
  }
}
