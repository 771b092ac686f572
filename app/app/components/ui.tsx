import type { ReactNode } from "react";
import { Link } from "react-router";
import { APP_LINK } from "./app-links.tsx";
import { formatPercent } from "@thads/domain/labels";

export function PageHeader({ title, subtitle }: { title: string; subtitle?: string | null }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-bold text-slate-900">{title}</h1>
      {subtitle ? <p className="mt-1 text-slate-600">{subtitle}</p> : null}
    </header>
  );
}

export function StatGrid({ children }: { children: ReactNode }) {
  return <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">{children}</dl>;
}

/** A dashboard card; with `href`, its figure opens the cases it counts. Long figures (money) wrap rather than overflow. */
export function Stat({ label, value, testId, href }: { label: string; value: string; testId?: string; href?: string }) {
  return (
    <div className="min-w-0 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className={`mt-1 break-words font-semibold tabular-nums ${value.length > 12 ? "text-lg" : "text-2xl"}`} data-testid={testId}>
        {href ? (
          <Link className="text-blue-800 underline" to={href}>
            {value}
          </Link>
        ) : (
          value
        )}
      </dd>
    </div>
  );
}

/** A share shown as a bar and a percentage (0–1). */
export function ShareBar({ share, label }: { share: number; label: string }) {
  const pct = Math.max(0, Math.min(100, share * 100));
  return (
    <div className="flex items-center gap-2" title={label}>
      <div className="h-2 w-24 overflow-hidden rounded bg-slate-200" aria-hidden="true">
        <div className="h-full bg-emerald-600" style={{ width: `${pct}%` }} />
      </div>
      <span className="tabular-nums">{formatPercent(pct)}</span>
    </div>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-8">
      <h2 className="mb-3 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

export function Table({ head, children }: { head: string[]; children: ReactNode }) {
  return (
    // Focusable: a table wider than a phone's screen scrolls in its box by keyboard too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
    <div tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200 bg-white shadow-sm">
      <table className="min-w-full divide-y divide-slate-200 text-sm">
        <thead className="bg-slate-100 text-left">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-semibold text-slate-700">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** A grid of labelled facts (label, value, test id), as on the case and asset pages. */
export function FactGrid({ facts }: { facts: [label: string, value: string, testId: string][] }) {
  return (
    <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
      {facts.map(([k, v, id]) => (
        <div key={id} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
          <dt className="text-xs text-slate-600">{k}</dt>
          <dd className="mt-1 font-semibold tabular-nums" data-testid={id}>
            {v}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * A case's number (or other text) as the link to its page, as every case table shows it: a plain
 * anchor the app navigates (APP_LINK), as lists render it many times.
 */
export function CaseLink({ id, children }: { id: string; children: ReactNode }) {
  return (
    <a className="text-blue-800 underline" href={`/cases/${id}`} {...APP_LINK}>
      {children}
    </a>
  );
}
