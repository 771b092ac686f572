import { data, Link, useActionData, useNavigation } from "react-router";
import { importMigration, type MigrationProgress, type MigrationResult } from "@thads/case-import";
import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/migrate";
import { AppForm } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { IMPORT_ROLES } from "./import.server.ts";
import { migrateMessages } from "./migrate-messages.ts";
import { MigrationProgressView, MigrationSummary } from "./migrate-result.tsx";
import { migrationForPage, readMigrationUpload } from "./migrate.server.ts";
import { useLiveImport } from "./use-live-import.ts";

/** Who may move a province's data in: those who take cases in (each step is then checked against their roles). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  // The figures to look at afterwards: the province's (province staff) or the office's.
  const unit =
    user.memberships.find((m) => m.unitKind === "province")?.unitCode ?? user.memberships.find((m) => m.unitCode)?.unitCode ?? null;
  return { unit };
}

type ActionData = { formError?: string; result?: MigrationResult };

/** Without JavaScript the form posts here and the page shows the result when the migration is done. */
export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...IMPORT_ROLES)) forbidden();
  const upload = await readMigrationUpload(request, lang);
  if (!upload.ok) return data<ActionData>({ formError: upload.formError }, { status: upload.status });
  const result = await asUser(user, (tx) =>
    importMigration(
      tx,
      { cases: upload.cases, events: upload.events },
      {
        actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
        allOrNothing: !upload.options.partial,
        dryRun: upload.options.dryRun,
        snapshot: upload.options.snapshot,
        cutover: upload.options.cutover,
      },
    ),
  );
  return data<ActionData>({ result: migrationForPage(result) }, { status: result.ok ? 200 : 422 });
}

const link = "text-blue-800 underline";

export default function Migrate({ loaderData }: Route.ComponentProps) {
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const m = useMessages(migrateMessages);
  const { live, onSubmit } = useLiveImport<MigrationProgress, MigrationResult>(m("migrate.noAnswer"), "/cases/migrate/run");
  const r = live ? live.result : a?.result;
  const formError = live ? live.formError : a?.formError;
  const busy = nav.state === "submitting" || Boolean(live?.running);
  const unit = loaderData.unit;
  return (
    <>
      <PageHeader title={m("migrate.title")} subtitle={m("migrate.subtitle")} />
      <p className="mb-4 flex flex-wrap gap-3 text-sm">
        <span>{m("migrate.templates")}</span>
        {(["cases", "events"] as const).map((kind) =>
          (["xlsx", "csv"] as const).map((format) => (
            <a key={`${kind}-${format}`} className={link} href={`/cases/migrate/template?kind=${kind}&format=${format}`} download>
              {m(kind === "cases" ? "migrate.templateCases" : "migrate.templateEvents")} (.{format})
            </a>
          )),
        )}
      </p>
      {formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {formError}
        </p>
      ) : null}
      <AppForm encType="multipart/form-data" onSubmit={onSubmit} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <label className="flex flex-col text-sm">
          {m("migrate.casesFile")}
          <input type="file" name="cases" accept=".csv,.xlsx" />
        </label>
        <label className="flex flex-col text-sm">
          {m("migrate.eventsFile")}
          <input type="file" name="events" accept=".csv,.xlsx" />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="snapshot" />
          {m("migrate.snapshot")}
        </label>
        <label className="flex flex-col text-sm">
          {m("migrate.cutover")}
          <input
            type="text"
            name="cutover"
            inputMode="numeric"
            placeholder="dd/mm/yyyy"
            className="w-40 rounded border border-slate-300 px-2 py-1"
          />
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="dryRun" />
          {m("migrate.dryRun")}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="partial" />
          {m("migrate.partial")}
        </label>
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {m(busy ? "migrate.busy" : "migrate.submit")}
        </button>
        {/* The bars stay once the run is over, at its final counts, above the summary. */}
        {live && (live.running || live.progress) ? (
          <MigrationProgressView live={live} />
        ) : nav.state === "submitting" ? (
          <progress className="block w-full" />
        ) : null}
      </AppForm>
      {r ? <MigrationSummary r={r} /> : null}
      {r?.written && unit ? (
        <p className="mt-4 flex gap-4 text-sm">
          <Link className={link} to={`/stats/report?unit=${encodeURIComponent(unit)}`}>
            {m("migrate.statistics")}
          </Link>
          <Link className={link} to={`/stats/continuity?unit=${encodeURIComponent(unit)}`}>
            {m("migrate.continuity")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
