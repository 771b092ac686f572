import { data, Form, Link, useActionData, useNavigation, useRouteLoaderData } from "react-router";
import { importCases, parseCsv, parseXlsx, type ImportResult } from "@thads/case-import";
import { formatCount, hasRole } from "@thads/domain";
import type { Route } from "./+types/cases-import";
import { PageHeader, Table } from "../components/ui.tsx";
import { parseLang, useLang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { assertCsrf, CsrfError } from "../utils/csrf.server.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";

/** Largest file accepted through the web page (the command line takes up to 50 MB). */
const MAX_UPLOAD = 20 * 1024 * 1024;
const IMPORT_ROLES = ["clerk", "subunit_head", "province_head", "province_staff"] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  return null;
}

type ActionData = { formError?: string; result?: Omit<ImportResult, "errors"> & { errors: ImportResult["errors"] } };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const vi = lang === "vi";
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const size = Number(request.headers.get("Content-Length") ?? "0");
  if (!request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    return data<ActionData>({ formError: vi ? "Dữ liệu gửi lên không đúng định dạng biểu mẫu." : "Not a file upload." }, { status: 415 });
  }
  if (!size || size > MAX_UPLOAD) {
    return data<ActionData>({ formError: vi ? "Tệp quá lớn: tối đa 20 MB qua trang web (dùng lệnh npm run import cho tệp lớn hơn)." : "File too large: 20 MB at most here." }, { status: 413 });
  }
  const form = await request.formData().catch(() => null);
  if (!form) return data<ActionData>({ formError: vi ? "Không đọc được tệp gửi lên." : "The upload could not be read." }, { status: 400 });
  try {
    assertCsrf(request, form);
  } catch (e) {
    if (e instanceof CsrfError) return data<ActionData>({ formError: vi ? "Phiên biểu mẫu đã hết hạn. Tải lại trang và thử lại." : "The form expired. Reload and try again." }, { status: 403 });
    throw e;
  }
  const file = form.get("file");
  if (!(file instanceof File) || file.size === 0) {
    return data<ActionData>({ formError: vi ? "Tệp: chọn một tệp .csv hoặc .xlsx." : "File: choose a .csv or .xlsx file." }, { status: 400 });
  }
  const name = file.name.toLowerCase();
  const bytes = new Uint8Array(await file.arrayBuffer());
  const parsed = name.endsWith(".xlsx")
    ? await parseXlsx(bytes)
    : name.endsWith(".csv")
      ? await parseCsv(bytes)
      : null;
  if (!parsed) return data<ActionData>({ formError: vi ? "Tệp: chỉ nhận .csv hoặc .xlsx." : "File: .csv or .xlsx only." }, { status: 400 });
  const result = await asUser(user, (tx) =>
    importCases(tx, parsed, {
      actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
      allOrNothing: form.get("partial") !== "on",
      dryRun: form.get("dryRun") === "on",
    }),
  );
  return data<ActionData>({ result: { ...result, errors: result.errors.slice(0, 500) } }, { status: result.ok ? 200 : 422 });
}

export default function ImportCases() {
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const r = a?.result;
  const busy = nav.state === "submitting";
  return (
    <>
      <PageHeader title={vi ? "Nhập việc thi hành án từ tệp" : "Import cases from a file"} subtitle={vi ? "CSV hoặc Excel (.xlsx), theo mẫu" : "CSV or Excel (.xlsx), following the template"} />
      <p className="mb-4 flex gap-4 text-sm">
        <a className="text-blue-800 underline" href="/cases/import/template?format=xlsx" download>{vi ? "Tải mẫu Excel" : "Excel template"}</a>
        <a className="text-blue-800 underline" href="/cases/import/template?format=csv" download>{vi ? "Tải mẫu CSV" : "CSV template"}</a>
        <Link className="text-blue-800 underline" to="/cases">{vi ? "Danh sách việc" : "Cases"}</Link>
      </p>
      {a?.formError ? <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{a.formError}</p> : null}
      <Form method="post" encType="multipart/form-data" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <label className="flex flex-col text-sm">
          {vi ? "Tệp (.csv, .xlsx; tối đa 20 MB)" : "File (.csv, .xlsx; 20 MB at most)"}
          <input type="file" name="file" accept=".csv,.xlsx" required />
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="dryRun" />{vi ? "Chỉ kiểm tra, không ghi" : "Check only, write nothing"}</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="partial" />{vi ? "Ghi các dòng hợp lệ, bỏ qua dòng lỗi (mặc định: có lỗi thì không ghi dòng nào)" : "Write the valid rows, skip the others (default: any error and nothing is written)"}</label>
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {busy ? (vi ? "Đang tải lên và kiểm tra…" : "Uploading and checking…") : vi ? "Nhập" : "Import"}
        </button>
        {busy ? <progress className="block w-full" aria-label={vi ? "Đang xử lý" : "Working"} /> : null}
      </Form>
      {r ? (
        <section className="mt-6" aria-live="polite">
          <p role="status" data-testid="import-summary" className={`rounded p-3 ${r.ok ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}>
            {vi
              ? `${formatCount(r.total)} dòng · ${formatCount(r.valid)} hợp lệ · ${r.dryRun ? "có thể nhập" : "đã nhập"} ${formatCount(r.written || r.dryRun ? r.imported : 0)} việc · ${formatCount(r.errorCount)} lỗi`
              : `${formatCount(r.total)} rows · ${formatCount(r.valid)} valid · ${r.dryRun ? "would import" : "imported"} ${formatCount(r.written || r.dryRun ? r.imported : 0)} · ${formatCount(r.errorCount)} errors`}
            {!r.written && !r.dryRun && r.errorCount > 0 ? (vi ? " · Không dòng nào được ghi." : " · Nothing was written.") : ""}
          </p>
          {r.errors.length ? (
            <div className="mt-4">
              <Table head={vi ? ["Dòng", "Cột", "Lỗi"] : ["Line", "Column", "Error"]}>
                {r.errors.map((e, i) => (
                  <tr key={i} data-testid="import-error">
                    <td className="px-3 py-2 tabular-nums">{e.line}</td>
                    <td className="px-3 py-2">{e.column ?? "—"}</td>
                    <td className="px-3 py-2">{e.message}</td>
                  </tr>
                ))}
              </Table>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
