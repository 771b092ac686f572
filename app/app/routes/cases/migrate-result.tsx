import type { MigrationProgress, MigrationResult } from "@thads/case-import";
import { formatCount } from "@thads/domain/labels";
import { Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { casesMessages } from "./messages.ts";
import { migrateMessages } from "./migrate-messages.ts";
import type { LiveRun } from "./use-live-import.ts";

const pct = (n: number, d: number) => (d > 0 ? Math.min(100, Math.round((100 * n) / d)) : 0);

/** How far a running migration has got: the upload, the rows checked, the rows written. */
export function MigrationProgressView({ live }: { live: LiveRun<MigrationProgress, MigrationResult> }) {
  const m = useMessages(migrateMessages);
  const p = live.progress;
  return (
    <div className="space-y-2 text-sm" data-testid="migration-progress" aria-live="polite">
      {!p ? (
        <Bar label={m("migrate.uploading")} value={pct(live.upload, 1)} />
      ) : (
        <>
          <Bar
            label={m("migrate.checked", { done: formatCount(p.checked), total: formatCount(p.total) })}
            value={pct(p.checked, p.total)}
          />
          <Bar label={m("migrate.written", { done: formatCount(p.written) })} value={p.phase === "done" ? 100 : pct(p.written, p.total)} />
        </>
      )}
    </div>
  );
}

function Bar({ label, value }: { label: string; value: number }) {
  return (
    <label className="block">
      <span className="flex justify-between">
        <span>{label}</span>
        <span className="tabular-nums">{value}%</span>
      </span>
      <progress className="block w-full" max={100} value={value} />
    </label>
  );
}

/** A migration's counts and its errors by file, line and column. */
export function MigrationSummary({ r }: { r: MigrationResult }) {
  const m = useMessages(migrateMessages);
  const mc = useMessages(casesMessages);
  const counts = {
    casesImported: formatCount(r.cases.imported),
    casesUnchanged: formatCount(r.cases.unchanged),
    eventsImported: formatCount(r.events.imported),
    eventsUnchanged: formatCount(r.events.unchanged),
    synthetic: formatCount(r.events.synthetic),
    errors: formatCount(r.errorCount),
  };
  return (
    <section className="mt-6" aria-live="polite">
      <p
        role="status"
        data-testid="migration-summary"
        className={`rounded p-3 ${r.ok ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
      >
        {m(r.dryRun ? "migrate.summaryDryRun" : "migrate.summary", counts)}
        {!r.written && !r.dryRun && r.errorCount > 0 ? ` · ${m("migrate.nothingWritten")}` : ""}
      </p>
      {r.errors.length ? (
        <div className="mt-4">
          <Table head={[m("migrate.col.file"), mc("import.col.line"), mc("import.col.column"), mc("import.col.error")]}>
            {r.errors.map((e, i) => (
              <tr key={i} data-testid="migration-error">
                <td className="px-3 py-2">{m(e.file === "cases" ? "migrate.file.cases" : "migrate.file.events")}</td>
                <td className="px-3 py-2 tabular-nums">{e.line}</td>
                <td className="px-3 py-2">{e.column ?? "—"}</td>
                <td className="px-3 py-2">{e.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
    </section>
  );
}
