import { data, useActionData, useLoaderData } from "react-router";
import { continuityReport, ContinuityFormSchema, mayReadStats, officialFrom, periodFrom, resolveUnit } from "@thads/core/stats";
import { continuityField, formatCount, formatDong, STAT_FIGURE_LABELS, STAT_FIGURES } from "@thads/domain/labels";
import type { Route } from "./+types/continuity";
import { AppForm } from "../../components/form.tsx";
import { PageHeader, Table } from "../../components/ui.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { continuityMessages } from "./continuity-messages.ts";
import { drillHref, PeriodForm } from "./stats-ui.tsx";

const UNIT = /^[A-Z0-9_-]{2,40}$/;

/** The unit and period of the check (the query string), as the reader may see them. */
async function unitAndPeriod(request: Request) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!UNIT.test(code)) notFound();
  const period = periodFrom(params, todayVn());
  return { user, code, period };
}

export async function loader({ request }: Route.LoaderArgs) {
  const { user, code, period } = await unitAndPeriod(request);
  return asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    if (!mayReadStats(user.memberships, unit)) forbidden();
    return { unit: { code: unit.code, name: unit.name }, ...period };
  });
}

type Line = {
  side: "cases" | "money";
  figure: (typeof STAT_FIGURES)[number];
  official: string | null;
  imported: string;
  difference: string | null;
};
type ActionData = { errors?: string[]; formError?: string; entered?: number; differences?: Line[] };

/** POST: the official figures entered → every differing line, with its imported and official values. */
export async function action({ request }: Route.ActionArgs) {
  const { user, code, period } = await unitAndPeriod(request);
  const form = await readForm(request, parseLang(readCookie(request, LANG_COOKIE)));
  const parsed = ContinuityFormSchema.safeParse(Object.fromEntries(form));
  if (!parsed.success) return data<ActionData>({ errors: parsed.error.issues.map((i) => i.message) }, { status: 400 });
  if (period.errors.length) return data<ActionData>({ errors: period.errors }, { status: 400 });
  const official = officialFrom(parsed.data as Record<string, bigint | undefined>);
  return asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    if (!mayReadStats(user.memberships, unit)) forbidden();
    const report = await continuityReport(tx, unit, period.from, period.to, official);
    const str = (v: bigint | null) => (v === null ? null : v.toString());
    return data<ActionData>({
      entered: report.lines.filter((l) => l.official !== null).length,
      differences: report.differences.map((l) => ({
        ...l,
        official: str(l.official),
        imported: l.imported.toString(),
        difference: str(l.difference),
      })),
    });
  });
}

const input = "w-40 rounded border border-slate-300 px-2 py-1 text-right tabular-nums";

export default function Continuity() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const m = useMessages(continuityMessages);
  const lang = useLang();
  const fmt = (side: "cases" | "money", v: string) => (side === "cases" ? formatCount(BigInt(v)) : formatDong(v));
  const signed = (side: "cases" | "money", v: string) => (v.startsWith("-") ? `−${fmt(side, v.slice(1))}` : `+${fmt(side, v)}`);
  return (
    <>
      <PageHeader title={m("continuity.title")} subtitle={m("continuity.subtitle", { unit: d.unit.name })} />
      <PeriodForm from={d.from} to={d.to} errors={d.errors} hidden={{ unit: d.unit.code }} />
      {a?.errors?.length || a?.formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {[...(a.errors ?? []), a.formError].filter(Boolean).join(" ")}
        </p>
      ) : null}
      {a?.differences ? (
        <section className="mb-6" data-testid="continuity-result">
          <p
            role="status"
            className={`mb-3 rounded p-3 ${a.differences.length ? "bg-amber-50 text-amber-900" : "bg-emerald-50 text-emerald-900"}`}
          >
            {a.differences.length
              ? m("continuity.found", { count: a.differences.length })
              : m("continuity.none", { count: a.entered ?? 0 })}
          </p>
          {a.differences.length ? (
            <Table
              head={[
                m("continuity.col.figure"),
                m("continuity.col.side"),
                m("continuity.col.official"),
                m("continuity.col.imported"),
                m("continuity.col.difference"),
                m("continuity.col.cases.link"),
              ]}
            >
              {a.differences.map((l) => (
                <tr key={`${l.side}-${l.figure}`} data-testid="continuity-difference">
                  <td className="px-3 py-2">{STAT_FIGURE_LABELS[l.figure][lang]}</td>
                  <td className="px-3 py-2">{m(l.side === "cases" ? "continuity.side.cases" : "continuity.side.money")}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{l.official === null ? "—" : fmt(l.side, l.official)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{fmt(l.side, l.imported)}</td>
                  <td className="px-3 py-2 text-right font-semibold tabular-nums">
                    {l.difference === null ? "—" : signed(l.side, l.difference)}
                  </td>
                  <td className="px-3 py-2">
                    <a className="text-blue-800 underline" href={drillHref(l.figure, d.unit.code, d.from, d.to)}>
                      {m("continuity.open")}
                    </a>
                  </td>
                </tr>
              ))}
            </Table>
          ) : null}
        </section>
      ) : null}
      <p className="mb-3 text-sm text-slate-700">{m("continuity.hint")}</p>
      <AppForm className="space-y-3">
        <Table head={[m("continuity.col.figure"), m("continuity.col.cases"), m("continuity.col.money")]}>
          {STAT_FIGURES.map((f) => (
            <tr key={f}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal">
                {STAT_FIGURE_LABELS[f][lang]}
              </th>
              {(["cases", "money"] as const).map((side) => (
                <td key={side} className="px-3 py-1.5">
                  <input
                    name={continuityField(side, f)}
                    inputMode="numeric"
                    aria-label={`${STAT_FIGURE_LABELS[f][lang]} – ${m(side === "cases" ? "continuity.col.cases" : "continuity.col.money")}`}
                    className={input}
                  />
                </td>
              ))}
            </tr>
          ))}
        </Table>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {m("continuity.submit")}
        </button>
      </AppForm>
    </>
  );
}
