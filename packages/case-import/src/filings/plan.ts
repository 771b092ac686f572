import { randomUUID } from "node:crypto";
import { normalizeJudgmentText } from "@thads/core/creditors";
import { REQUEST_FORM_SCHEMAS, type Requester, type RequestFormInput } from "@thads/core/requests/schema";
import type { ImportError, SourceRow } from "../types.ts";
import { FILING_COLUMNS } from "./columns.ts";

/*
 * From the rows of a bulk filing file to the requests to file: each row checked by the public
 * enforcement-request form's own schema (the requester given once on the page), its office known,
 * its judgment's copy among the uploaded files, no judgment twice in the file. Every problem is
 * reported with its line and column; one problem anywhere and nothing is filed.
 */

export interface PlannedFiling {
  line: number;
  unitCode: string;
  input: RequestFormInput;
  fileName: string;
}

/** The form field each column fills (the requester's fields come from the page). */
const FIELD_OF_COLUMN: Record<string, string> = {
  toa_an: "judgmentCourt",
  so_ban_an: "judgmentNumber",
  ngay_ban_an: "judgmentDate",
  nguoi_phai_thi_hanh: "debtorName",
  dia_chi_nguoi_phai: "debtorAddress",
  noi_dung: "content",
  chap_hanh_vien_de_nghi: "preferredExecutor",
};
const COLUMN_OF_FIELD = Object.fromEntries(Object.entries(FIELD_OF_COLUMN).map(([c, f]) => [f, c]));

/** Court and number compared as the filing compares them (normalizeJudgmentText): rows that match are the same judgment. */
const norm = normalizeJudgmentText;

export function planFilings(
  rows: readonly SourceRow[],
  headers: Readonly<Record<string, string | undefined>>,
  ctx: {
    requester: Requester;
    /** Office codes (upper case) that take requests → their unit id. */
    units: ReadonlyMap<string, string>;
    /** The names of the uploaded judgment copies. */
    files: ReadonlySet<string>;
  },
): { planned: PlannedFiling[]; errors: ImportError[] } {
  const planned: PlannedFiling[] = [];
  const errors: ImportError[] = [];
  const header = (key: string) => headers[key] ?? FILING_COLUMNS.find((c) => c.key === key)?.label ?? key;
  const seen = new Map<string, number>();
  for (const row of rows) {
    const v = row.values as Record<string, string | undefined>;
    const rowErrors: ImportError[] = [];
    const unitCode = (v.noi_nhan ?? "").trim().toUpperCase();
    const unitId = ctx.units.get(unitCode);
    if (!unitCode) {
      rowErrors.push({ line: row.line, column: header("noi_nhan"), code: "invalid", message: "Mã cơ quan nhận yêu cầu: bắt buộc nhập." });
    } else if (!unitId) {
      rowErrors.push({
        line: row.line,
        column: header("noi_nhan"),
        code: "unknown_unit",
        message: `Mã cơ quan nhận yêu cầu "${unitCode}": không phải cục hay phòng thi hành án dân sự khu vực đang nhận yêu cầu.`,
      });
    }
    const fileName = (v.tep_ban_an ?? "").trim();
    if (!fileName) {
      rowErrors.push({ line: row.line, column: header("tep_ban_an"), code: "invalid", message: "Tên tệp bản sao bản án: bắt buộc nhập." });
    } else if (!ctx.files.has(fileName)) {
      rowErrors.push({
        line: row.line,
        column: header("tep_ban_an"),
        code: "missing_file",
        message: `Tên tệp bản sao bản án "${fileName}": không có trong các tệp tải lên cùng.`,
      });
    }
    const fields: Record<string, string> = Object.fromEntries(
      Object.entries(FIELD_OF_COLUMN).map(([column, field]) => [field, (v[column] ?? "").trim()]),
    );
    const parsed = REQUEST_FORM_SCHEMAS.enforcement_request.safeParse({
      ...ctx.requester,
      requesterIdNumber: ctx.requester.requesterIdNumber ?? "",
      requesterPhone: ctx.requester.requesterPhone ?? "",
      requesterEmail: ctx.requester.requesterEmail ?? "",
      ...fields,
      unitId: unitId ?? "00000000-0000-4000-8000-000000000000",
      // Unpredictable: a judgment filed before is recognised by the account's own requests (fileBulk), never by a key someone else could reuse.
      idempotencyKey: randomUUID(),
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const column = COLUMN_OF_FIELD[String(issue.path[0])];
        rowErrors.push({ line: row.line, column: column ? header(column) : null, code: "invalid", message: issue.message });
      }
    }
    const judgment = `${norm(fields.judgmentCourt ?? "")}\u001f${norm(fields.judgmentNumber ?? "")}`;
    const first = seen.get(judgment);
    if (first !== undefined && fields.judgmentNumber) {
      rowErrors.push({
        line: row.line,
        column: header("so_ban_an"),
        code: "duplicate_in_file",
        message: `Số bản án, quyết định "${fields.judgmentNumber}" của tòa án này đã có ở dòng ${first}.`,
      });
    } else if (fields.judgmentNumber) {
      seen.set(judgment, row.line);
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else if (parsed.success && unitId) planned.push({ line: row.line, unitCode, input: { ...parsed.data, unitId }, fileName });
  }
  return { planned: errors.length ? [] : planned, errors };
}
