import { PROCEDURES } from "@thads/domain";
import { myRequests, REQUEST_FORM_SCHEMAS, requestOffices } from "@thads/core/requests";
import {
  API_FILING_MAX_BODY_BYTES,
  API_FILING_MAX_FILE_BYTES,
  ApiFilingSchema,
  filingFields,
  linkedNumbers,
  sameFiling,
} from "@thads/core/creditors";
import { errorMessagesOf, fieldErrorsOf } from "@thads/core/field-errors";
import type { Route } from "./+types/creditor-requests";
import { apiError, creditorApiCaller } from "../../utils/api.server.ts";
import { readCapped } from "../../utils/form.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { hit } from "../public/rate-limit.server.ts";
import { DuplicateFormError, submitRequest } from "../public/public.server.ts";
import { checkedUpload, type UploadedFile } from "../public/upload.server.ts";

const NO_STORE = { "Cache-Control": "private, no-store" };

/** GET /api/v1/creditor/requests: the creditor's requests, as on its home page (scope requests:read). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await creditorApiCaller(request, "requests:read");
  if (user instanceof Response) return user;
  const rows = await asUser(user, (tx) => myRequests(tx));
  return Response.json({ data: rows, total: rows.length }, { headers: NO_STORE });
}

const invalid = (message: string, fields: Record<string, string> = {}) => apiError(400, "invalid_request", message, { fields });

/**
 * POST /api/v1/creditor/requests: files a request in the account's name (scope requests:write, an
 * API token only: a browser session files on the public forms, which carry their CSRF token). The
 * body is JSON: the procedure, the public form's fields, and up to three attachments in base64
 * (PDF, PNG or JPEG by their first bytes). The same idempotencyKey again answers the first filing's
 * code (200, `retried`), never a second request.
 */
export async function action({ request }: Route.ActionArgs) {
  if (request.method !== "POST") return apiError(405, "method_not_allowed", "Chỉ nhận GET hoặc POST.", {}, { Allow: "GET, POST" });
  const user = await creditorApiCaller(request, "requests:write");
  if (user instanceof Response) return user;
  if (user.scopes === "session") {
    return apiError(
      403,
      "forbidden",
      "Nộp yêu cầu qua API cần mã truy cập API (Authorization: Bearer thads_pat_…); khi đăng nhập, dùng biểu mẫu trực tuyến.",
    );
  }
  // Filings of one account: as many a minute as the public form allows one client.
  const limited = await hit(appSql(), "submit", `acct:${user.id}`);
  if (!limited.ok) {
    return apiError(
      429,
      "rate_limited",
      "Tài khoản đã nộp quá nhiều yêu cầu trong một phút; thử lại sau.",
      {},
      {
        "Retry-After": String(limited.retryAfterSeconds),
      },
    );
  }
  if (!(request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/json")) {
    return apiError(415, "unsupported_media_type", "Dữ liệu gửi lên phải là JSON (Content-Type: application/json).");
  }
  const raw = await readCapped(request, API_FILING_MAX_BODY_BYTES);
  if (raw === "too_large") {
    return apiError(
      413,
      "too_large",
      `Dữ liệu gửi lên quá lớn: tối đa 3 tệp, mỗi tệp không quá ${API_FILING_MAX_FILE_BYTES / 1024 / 1024} MB.`,
    );
  }
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(raw ?? new Uint8Array()));
  } catch {
    return invalid("Dữ liệu gửi lên không phải JSON hợp lệ (UTF-8).");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) return invalid("Dữ liệu gửi lên phải là một đối tượng JSON.");
  const filing = ApiFilingSchema.safeParse(body);
  if (!filing.success) return invalid(errorMessagesOf(filing.error).join(" "), fieldErrorsOf(filing.error, { depth: "top" }));
  const kind = filing.data.procedure;
  const parsed = REQUEST_FORM_SCHEMAS[kind].safeParse(filingFields(filing.data));
  if (!parsed.success) return invalid(errorMessagesOf(parsed.error).join(" "), fieldErrorsOf(parsed.error, { depth: "top" }));
  const input = parsed.data;

  const files: UploadedFile[] = [];
  for (const [i, a] of filing.data.attachments.entries()) {
    const bytes = new Uint8Array(Buffer.from(a.contentBase64, "base64"));
    const c = await checkedUpload(
      "Tệp đính kèm",
      { name: a.name, size: bytes.byteLength, bytes: async () => bytes },
      API_FILING_MAX_FILE_BYTES,
    );
    if (!c.ok) return invalid(c.message, { [`attachments.${i}`]: c.message });
    files.push(c.file);
  }
  if (PROCEDURES[kind].attachmentRequired && files.length === 0) {
    return invalid("Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp (bản sao bản án, giấy tờ chứng minh…).", {
      attachments: "Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp.",
    });
  }
  // The office takes requests, and the requester is the organisation itself (one of its linked numbers).
  const scope = await asUser(user, async (tx) => ({
    province: (await requestOffices(tx, { id: input.unitId }))[0]?.provinceId ?? null,
    numbers: await linkedNumbers(tx),
  }));
  if (!scope.province) {
    return invalid("Nơi nhận yêu cầu (unitId): không phải cục hay phòng thi hành án dân sự đang nhận yêu cầu.", {
      unitId: "Nơi nhận yêu cầu: chọn một đơn vị.",
    });
  }
  if (!input.requesterIdNumber || !scope.numbers.includes(input.requesterIdNumber)) {
    return invalid("Số CCCD / mã số doanh nghiệp (requesterIdNumber): phải là số đã được liên kết với tài khoản.", {
      requesterIdNumber: "Số CCCD / mã số doanh nghiệp: phải là số đã được liên kết với tài khoản.",
    });
  }
  let result: Awaited<ReturnType<typeof submitRequest>>;
  try {
    result = await submitRequest(kind, input, files, { user, as: "creditor" });
  } catch (e) {
    if (!(e instanceof DuplicateFormError)) throw e;
    return apiError(409, "duplicate", "Mã chống gửi trùng (idempotencyKey) đã dùng cho một yêu cầu khác: tạo mã mới cho yêu cầu mới.");
  }
  // The same key again must describe the same request: another request under a reused key is refused.
  if (
    result.retried &&
    !(await asUser(user, (tx) => sameFiling(tx, result.code, { kind, unitId: input.unitId, content: input.content })))
  ) {
    return apiError(409, "duplicate", "Mã chống gửi trùng (idempotencyKey) đã dùng cho một yêu cầu khác: tạo mã mới cho yêu cầu mới.");
  }
  // No e-mail or SMS to the contacts given in the body (nobody verified them): the account is told in the app.
  return Response.json(
    { data: { trackingCode: result.code, procedure: kind, retried: result.retried } },
    { status: result.retried ? 200 : 201, headers: NO_STORE },
  );
}
