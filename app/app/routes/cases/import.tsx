import { data, Link, useActionData, useNavigation } from "react-router";
import { importCases, type ImportResult } from "@thads/case-import";
import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/import";
import { AppForm } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { ImportProgressView, ImportSummary } from "./import-result.tsx";
import { IMPORT_ROLES, readImportUpload, resultForPage } from "./import.server.ts";
import { casesMessages } from "./messages.ts";
import { migrateMessages } from "./migrate-messages.ts";
import { useLiveImport } from "./use-live-import.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  return null;
}

type ActionData = { formError?: string; result?: ImportResult };

/** Without JavaScript the form posts here and the page shows the result when the import is done. */
export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const upload = await readImportUpload(request, lang);
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

export default function ImportCases() {
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const m = useMessages(casesMessages);
  const mm = useMessages(migrateMessages);
  const { live, onSubmit } = useLiveImport(m("import.noAnswer"));
  const r = live ? live.result : a?.result;
  const formError = live ? live.formError : a?.formError;
  const busy = nav.state === "submitting" || Boolean(live?.running);
  return (
    <>
      <PageHeader title={m("import.title")} subtitle={m("import.subtitle")} />
      <p className="mb-4 flex gap-4 text-sm">
        <a className="text-blue-800 underline" href="/cases/import/template?format=xlsx" download>
          {m("import.templateXlsx")}
        </a>
        <a className="text-blue-800 underline" href="/cases/import/template?format=csv" download>
          {m("import.templateCsv")}
        </a>
        <Link className="text-blue-800 underline" to="/cases">
          {m("import.cases")}
        </Link>
        <Link className="text-blue-800 underline" to="/cases/migrate">
          {mm("migrate.link")}
        </Link>
      </p>
      {formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {formError}
        </p>
      ) : null}
      <AppForm encType="multipart/form-data" onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col text-sm">
          {m("import.file")}
          <input type="file" name="file" accept=".csv,.xlsx" required />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="dryRun" />
          {m("import.dryRun")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="partial" />
          {m("import.partial")}
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {m(busy ? "import.busy" : "import.submit")}
        </button>
        {live?.running ? (
          <ImportProgressView live={live} />
        ) : nav.state === "submitting" ? (
          <progress className="block w-full" aria-label={m("import.working")} />
        ) : null}
      </AppForm>
      {r ? <ImportSummary r={r} /> : null}
    </>
  );
}
