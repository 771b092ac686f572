import { data, Link, useActionData, useLoaderData } from "react-router";
import { checkStatYear, statYearOf } from "@thads/domain";
import { hasRole, isNational } from "@thads/domain/labels";
import { listTargets, resolveUnit, saveTargets, targetChildren } from "@thads/core/stats";
import type { Route } from "./+types/targets";
import { AppForm } from "../../components/form.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser, type CurrentUser } from "../../utils/user.server.ts";
import { statsMessages } from "./messages.ts";
import { refusalMessage, refusalOf, targetRowsFrom } from "./targets.server.ts";

/**
 * Yearly targets (chỉ tiêu): the directorate's admins set each province's, a province head sets
 * each office's. Row-level security decides who may write; the form carries each row's version
 * (version) so a concurrent change is refused, and a resubmission of the same values is a no-op.
 */
async function scopeOf(user: CurrentUser, code: string) {
  return asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) notFound();
    const nation = unit.kind === "national";
    if (
      nation
        ? !(isNational(user.memberships) && hasRole(user.memberships, "national_admin"))
        : !(
            unit.kind === "province" &&
            unit.merged_into_id === null &&
            user.memberships.some((m) => m.role === "province_head" && m.provinceId === unit.id)
          )
    )
      forbidden();
    return { unit, children: await targetChildren(tx, unit) };
  });
}

/** The statistical year asked for (1990 to ten years ahead); the current one when none or out of range, with the reason. */
const yearParam = (params: URLSearchParams): { year: number; error?: string } => {
  const today = todayVn();
  const current = statYearOf(today);
  const raw = params.get("year");
  if (raw === null || raw === "") return { year: current };
  const bad = checkStatYear(Number(raw), {
    field: { key: "year", vi: statsMessages.vi["targets.year"], en: statsMessages.en["targets.year"] },
    today,
  });
  return bad ? { year: current, error: bad.message_vi } : { year: Number(raw) };
};
const yearOf = (params: URLSearchParams) => yearParam(params).year;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!/^[A-Z0-9_-]{2,40}$/.test(code)) notFound();
  const year = yearOf(params);
  const { unit, children } = await scopeOf(user, code);
  const rows = await asUser(user, (tx) =>
    listTargets(
      tx,
      year,
      children.map((c) => c.id),
    ),
  );
  const byUnit = new Map(rows.map((r) => [r.unit_id, r]));
  return {
    unit: { code: unit.code, name: unit.name },
    year,
    rows: children.map((c) => ({ ...c, target: byUnit.get(c.id) ?? null })),
  };
}

type ActionData = { errors?: string[]; saved?: number };

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const params = new URL(request.url).searchParams;
  const code = params.get("unit") ?? "";
  if (!/^[A-Z0-9_-]{2,40}$/.test(code)) notFound();
  const { year, error: yearError } = yearParam(params);
  // Targets are written for the year asked for, never silently for another one.
  if (yearError) return data<ActionData>({ errors: [yearError] }, { status: 400 });
  const form = await readForm(request, lang);
  const { children } = await scopeOf(user, code);
  const { rows, errors } = targetRowsFrom(form, children);
  if (errors.length) return data<ActionData>({ errors }, { status: 400 });
  const result = await asUser(user, (tx) => saveTargets(tx, { year, setBy: user.id, rows })).catch((e: unknown) => {
    const refusal = refusalOf(e);
    if (!refusal) throw e;
    return refusal;
  });
  if (typeof result !== "number") return data<ActionData>({ errors: [refusalMessage(result)] }, { status: result.denied ? 403 : 409 });
  return data<ActionData>({ saved: result });
}

export default function StatsTargets() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const m = useMessages(statsMessages);
  return (
    <>
      <PageHeader title={m("targets.title", { year: d.year })} subtitle={d.unit.name} />
      <p className="mb-4 text-sm">
        <Link className="text-blue-800 underline" to={`?unit=${d.unit.code}&year=${d.year - 1}`}>
          {m("targets.previousYear")}
        </Link>
        {" · "}
        <Link className="text-blue-800 underline" to={`?unit=${d.unit.code}&year=${d.year + 1}`}>
          {m("targets.nextYear")}
        </Link>
      </p>
      {a?.errors?.length ? (
        <ul role="alert" className="mb-4 list-disc pl-5 text-sm text-red-700">
          {a.errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {a?.saved !== undefined ? (
        <p role="status" className="mb-4 text-sm text-emerald-700">
          {m("targets.saved", { count: a.saved })}
        </p>
      ) : null}
      <AppForm className="space-y-2" noValidate>
        <table className="min-w-full text-sm">
          <thead>
            <tr className="text-left">
              <th className="px-2 py-1">{m("targets.unit")}</th>
              <th className="px-2 py-1">{m("targets.cases")}</th>
              <th className="px-2 py-1">{m("targets.money")}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-2 py-1">
                  {r.name}
                  <input type="hidden" name={`v.${r.id}`} value={r.target?.version ?? ""} />
                </td>
                <td className="px-2 py-1">
                  <input
                    name={`c.${r.id}`}
                    defaultValue={r.target?.cases_rate ?? ""}
                    inputMode="decimal"
                    aria-label={m("targets.casesLabel", { name: r.name })}
                    className="w-24 rounded border border-slate-300 px-2 py-1"
                  />
                </td>
                <td className="px-2 py-1">
                  <input
                    name={`m.${r.id}`}
                    defaultValue={r.target?.money_rate ?? ""}
                    inputMode="decimal"
                    aria-label={m("targets.moneyLabel", { name: r.name })}
                    className="w-24 rounded border border-slate-300 px-2 py-1"
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {m("targets.save")}
        </button>
      </AppForm>
    </>
  );
}
