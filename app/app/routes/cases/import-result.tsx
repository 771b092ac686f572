import type { ImportResult } from "@thads/case-import";
import { formatCount } from "@thads/domain/labels";
import { Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { casesMessages } from "./messages.ts";
import type { LiveImport } from "./use-live-import.ts";

const pct = (n: number, d: number) => (d > 0 ? Math.round((100 * n) / d) : 0);

/** How far a running import has got: the upload, then the rows checked and written. */
export function ImportProgressView({ live }: { live: LiveImport }) {
  const m = useMessages(casesMessages);
  const p = live.progress;
  return (
    <div className="space-y-2 text-sm" data-testid="import-progress" aria-live="polite">
      {!p ? (
        <ProgressRow label={m("import.uploading")} value={pct(live.upload, 1)} />
      ) : (
        <>
          <ProgressRow
            label={m("import.checked", { done: formatCount(p.validated), total: formatCount(p.total) })}
            value={pct(p.validated, p.total)}
          />
          <ProgressRow
            label={m("import.written", { done: formatCount(p.written), total: formatCount(p.total) })}
            value={pct(p.written, p.total)}
          />
        </>
      )}
    </div>
  );
}

function ProgressRow({ label, value }: { label: string; value: number }) {
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

/** An import's counts and its errors by line and column. */
export function ImportSummary({ r }: { r: ImportResult }) {
  const m = useMessages(casesMessages);
  const counts = {
    total: formatCount(r.total),
    valid: formatCount(r.valid),
    imported: formatCount(r.written || r.dryRun ? r.imported : 0),
    errors: formatCount(r.errorCount),
  };
  return (
    <section className="mt-6" aria-live="polite">
      <p
        role="status"
        data-testid="import-summary"
        className={`rounded p-3 ${r.ok ? "bg-emerald-50 text-emerald-900" : "bg-amber-50 text-amber-900"}`}
      >
        {m(r.dryRun ? "import.summaryDryRun" : "import.summary", counts)}
        {!r.written && !r.dryRun && r.errorCount > 0 ? ` · ${m("import.nothingWritten")}` : ""}
      </p>
      {r.errors.length ? (
        <div className="mt-4">
          <Table head={[m("import.col.line"), m("import.col.column"), m("import.col.error")]}>
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
  );
}
