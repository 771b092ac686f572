import { z } from "zod";
import type { TxSql } from "@thads/db";
import { text } from "../shared/fields.ts";
import { isUuid } from "../shared/input.ts";
import type { WriteResult } from "./letters.ts";

/*
 * Documents attached to a letter: the letter itself, the forwarding letter, the decisions. Row
 * security decides who attaches (the letter's handlers) and who reads (migration 20261207000100;
 * never the person a denunciation is about). The file's type comes from its first bytes, checked
 * before this is called; the table checks type and size again.
 */

export const AttachDocumentSchema = z.object({
  title: text("Tên tài liệu", 300),
});

/** The most documents one letter carries. */
export const MAX_DOCUMENTS = 30;

export interface DocumentFile {
  name: string;
  type: "application/pdf" | "image/png" | "image/jpeg";
  bytes: Uint8Array;
}

export interface LetterDocument {
  id: string;
  title: string;
  file_name: string;
  content_type: string;
  size_bytes: number;
  created_on: string;
}

/** Attaches the files under one title, all or none (the caller's transaction). */
export async function attachDocuments(
  tx: TxSql,
  letterId: string,
  input: { title: string; files: readonly DocumentFile[] },
): Promise<WriteResult> {
  if (!isUuid(letterId)) return { ok: false, status: 404, message: "Không tìm thấy đơn." };
  if (input.files.length === 0) return { ok: false, status: 422, message: "Tệp đính kèm: chọn ít nhất một tệp.", field: "files" };
  const [letter] = await tx<{ id: string; documents: number }[]>`
    select l.id, (select count(*)::int from public.complaint_documents d where d.letter_id = l.id) as documents
      from public.complaint_letters l where l.id = ${letterId} for update`;
  if (!letter) return { ok: false, status: 404, message: "Không tìm thấy đơn." };
  if (letter.documents + input.files.length > MAX_DOCUMENTS) {
    return { ok: false, status: 422, message: `Tệp đính kèm: một đơn có tối đa ${MAX_DOCUMENTS} tài liệu.`, field: "files" };
  }
  let first = "";
  for (const f of input.files) {
    const [row] = await tx<{ id: string }[]>`
      insert into public.complaint_documents (letter_id, title, file_name, content_type, size_bytes, content)
      values (${letterId}, ${input.title}, ${f.name}, ${f.type}, ${f.bytes.byteLength}, ${Buffer.from(f.bytes)})
      returning id`;
    first ||= row!.id;
  }
  return { ok: true, id: first };
}

/** The documents of a letter the caller may read, without their content. */
export async function letterDocuments(tx: TxSql, letterId: string): Promise<LetterDocument[]> {
  if (!isUuid(letterId)) return [];
  return tx<LetterDocument[]>`
    select id, title, file_name, content_type, size_bytes,
           to_char(created_at at time zone 'Asia/Ho_Chi_Minh', 'YYYY-MM-DD') as created_on
      from public.complaint_documents where letter_id = ${letterId}
     order by created_at, file_name
     limit ${MAX_DOCUMENTS}`;
}

/** One document with its content, if the caller may read it. */
export async function letterDocument(tx: TxSql, letterId: string, documentId: string) {
  if (!isUuid(letterId) || !isUuid(documentId)) return null;
  const [row] = await tx<{ file_name: string; content_type: string; content: Buffer }[]>`
    select file_name, content_type, content from public.complaint_documents where id = ${documentId} and letter_id = ${letterId}`;
  return row ?? null;
}
