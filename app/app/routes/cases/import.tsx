import { useState } from "react";
import { data, Form, Link, useActionData, useNavigation, useRouteLoaderData } from "react-router";
import { importCases, type ImportProgress, type ImportResult } from "@thads/case-import";
import { formatCount, hasRole } from "@thads/domain";
import type { Route } from "./+types/import";
import { PageHeader, Table } from "../../components/ui.tsx";
import { parseLang, useLang } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { IMPORT_ROLES, readImportUpload, resultForPage } from "./import.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  return null;
}

type ActionData = { formError?: string; result?: ImportResult };

/** Without JavaScript the form posts here and the page shows the result when the import is done. */
export async function action({ request }: Route.ActionArgs) {
  const vi = parseLang(readCookie(request, LANG_COOKIE)) === "vi";
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const upload = await readImportUpload(request, vi);
  if (!upload.ok) return data<ActionData>({ formError: upload.formError }, { status: upload.status });
  const result = await asUser(user, (tx) =>
    importCases(tx, upload.parsed, {
      actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
      allOrNothing: upload.allOrNothing,
      dryRun: upload.dryRun,
    }),
  );
  return data<ActionData>({ result: resultForPage(result) }, { status: result.ok ? 200 : 422 });
}

interface LiveImport {
  running: boolean;
  upload: number;
  progress?: ImportProgress;
  result?: ImportResult;
  formError?: string;
}

export default function ImportCases() {
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const [live, setLive] = useState<LiveImport | null>(null);
  const r = live ? live.result : a?.result;
  const formError = live ? live.formError : a?.formError;
  const busy = nav.state === "submitting" || Boolean(live?.running);

  /**
   * With JavaScript, the upload goes to /cases/import/run, which answers with
   * progress lines while it validates and writes; without it, the form posts
   * to this page and the result shows when the import is done.
   */
  function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const body = new FormData(e.currentTarget);
    const xhr = new XMLHttpRequest();
    let seen = 0;
    const failed = vi ? "Không nhận được kết quả nhập (mất kết nối hoặc phiên đăng nhập đã hết). Tải lại trang để kiểm tra." : "No answer from the import (connection lost or signed out). Reload to check.";
    const read = () => {
      const text = xhr.responseText;
      const end = text.lastIndexOf("\n") + 1;
      if (end <= seen) return;
      const lines = text.slice(seen, end).split("\n").filter((l) => l.trim());
      seen = end;
      for (const line of lines) {
        let msg: { progress?: ImportProgress; result?: ImportResult; formError?: string };
        try {
          msg = JSON.parse(line);
        } catch {
          setLive((s) => ({ ...(s ?? { upload: 1 }), running: false, formError: failed }));
          return;
        }
        setLive((s) => ({ ...(s ?? { upload: 1, running: true }), ...msg, upload: 1, running: !msg.result && !msg.formError }));
      }
    };
    xhr.open("POST", "/cases/import/run");
    xhr.upload.onprogress = (ev) => {
      if (ev.lengthComputable) setLive((s) => ({ ...(s ?? { running: true }), upload: ev.loaded / ev.total }));
    };
    xhr.onprogress = read;
    xhr.onload = () => {
      read();
      setLive((s) => (s?.running ? { ...s, running: false, formError: s.result ? undefined : failed } : s));
    };
    xhr.onerror = () => setLive((s) => ({ ...(s ?? { upload: 0 }), running: false, formError: failed }));
    setLive({ running: true, upload: 0 });
    xhr.send(body);
  }

  const p = live?.progress;
  const pct = (n: number, d: number) => (d > 0 ? Math.round((100 * n) / d) : 0);
  return (
    <>
      <PageHeader title={vi ? "Nhập việc thi hành án từ tệp" : "Import cases from a file"} subtitle={vi ? "CSV hoặc Excel (.xlsx), theo mẫu" : "CSV or Excel (.xlsx), following the template"} />
      <p className="mb-4 flex gap-4 text-sm">
        <a className="text-blue-800 underline" href="/cases/import/template?format=xlsx" download>{vi ? "Tải mẫu Excel" : "Excel template"}</a>
        <a className="text-blue-800 underline" href="/cases/import/template?format=csv" download>{vi ? "Tải mẫu CSV" : "CSV template"}</a>
        <Link className="text-blue-800 underline" to="/cases">{vi ? "Danh sách việc" : "Cases"}</Link>
      </p>
      {formError ? <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{formError}</p> : null}
      <Form method="post" encType="multipart/form-data" onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <label className="flex flex-col text-sm">
          {vi ? "Tệp (.csv, .xlsx; tối đa 20 MB)" : "File (.csv, .xlsx; 20 MB at most)"}
          <input type="file" name="file" accept=".csv,.xlsx" required />
        </label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="dryRun" />{vi ? "Chỉ kiểm tra, không ghi" : "Check only, write nothing"}</label>
        <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="partial" />{vi ? "Ghi các dòng hợp lệ, bỏ qua dòng lỗi (mặc định: có lỗi thì không ghi dòng nào)" : "Write the valid rows, skip the others (default: any error and nothing is written)"}</label>
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {busy ? (vi ? "Đang nhập…" : "Importing…") : vi ? "Nhập" : "Import"}
        </button>
        {live?.running ? (
          <div className="space-y-2 text-sm" data-testid="import-progress" aria-live="polite">
            {!p ? (
              <ProgressRow label={vi ? "Tải tệp lên" : "Uploading"} value={pct(live.upload, 1)} />
            ) : (
              <>
                <ProgressRow
                  label={vi ? `Kiểm tra: ${formatCount(p.validated)} / ${formatCount(p.total)} dòng` : `Checked: ${formatCount(p.validated)} / ${formatCount(p.total)} rows`}
                  value={pct(p.validated, p.total)}
                />
                <ProgressRow
                  label={vi ? `Ghi: ${formatCount(p.written)} / ${formatCount(p.total)} việc` : `Written: ${formatCount(p.written)} / ${formatCount(p.total)} cases`}
                  value={pct(p.written, p.total)}
                />
              </>
            )}
          </div>
        ) : nav.state === "submitting" ? (
          <progress className="block w-full" aria-label={vi ? "Đang xử lý" : "Working"} />
        ) : null}
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

function ProgressRow({ label, value }: { label: string; value: number }) {
  return (
    <label className="block">
      <span className="flex justify-between"><span>{label}</span><span className="tabular-nums">{value}%</span></span>
      <progress className="block w-full" max={100} value={value} />
    </label>
  );
}
