import { data, Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "react-router";
import { checkStatYear, hasRole, isNational, statYearOf } from "@thads/domain";
import { listTargets, resolveUnit, saveTargets, targetChildren, targetRate, TargetConflictError, type TargetInput } from "@thads/core/stats";
import type { Route } from "./+types/targets";
import { PageHeader } from "../../components/ui.tsx";
import { parseLang, useLang } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser, type CurrentUser } from "../../utils/user.server.ts";

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
    if (nation ? !(isNational(user.memberships) && hasRole(user.memberships, "national_admin")) : !(unit.kind === "province" && unit.merged_into_id === null && user.memberships.some((m) => m.role === "province_head" && m.provinceId === unit.id))) forbidden();
    return { unit, children: await targetChildren(tx, unit) };
  });
}

/** The statistical year asked for (1990 to ten years ahead); the current one when none or out of range, with the reason. */
const yearParam = (params: URLSearchParams): { year: number; error?: string } => {
  const today = todayVn();
  const current = statYearOf(today);
  const raw = params.get("year");
  if (raw === null || raw === "") return { year: current };
  const bad = checkStatYear(Number(raw), { field: { key: "year", vi: "Năm thống kê", en: "Statistical year" }, today });
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
  const rows = await asUser(user, (tx) => listTargets(tx, year, children.map((c) => c.id)));
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
  const errors: string[] = [];
  const rows: TargetInput[] = [];
  for (const c of children) {
    const cases = String(form.get(`c.${c.id}`) ?? "");
    const money = String(form.get(`m.${c.id}`) ?? "");
    if (cases === "" && money === "") continue;
    const pc = targetRate(`${c.name} – chỉ tiêu về việc`).safeParse(cases);
    const pm = targetRate(`${c.name} – chỉ tiêu về tiền`).safeParse(money);
    if (!pc.success) errors.push(pc.error.issues[0]!.message);
    if (!pm.success) errors.push(pm.error.issues[0]!.message);
    const version = String(form.get(`v.${c.id}`) ?? "");
    if (version !== "" && !/^\d{1,9}$/.test(version)) errors.push(`${c.name}: phiên bản biểu mẫu không hợp lệ; vui lòng tải lại trang.`);
    else if (pc.success && pm.success) rows.push({ id: c.id, name: c.name, cases: pc.data, money: pm.data, version: version || null });
  }
  if (errors.length) return data<ActionData>({ errors }, { status: 400 });
  const result = await asUser(user, (tx) => saveTargets(tx, { year, setBy: user.id, rows })).catch((e) => {
    if (e instanceof TargetConflictError) return e;
    if ((e as { code?: string }).code === "42501") return new TargetConflictError([], true);
    throw e;
  });
  if (result instanceof TargetConflictError) {
    return data<ActionData>(
      { errors: [result.denied ? "Không có quyền đặt chỉ tiêu cho các đơn vị này." : `Chỉ tiêu của ${result.units.join(", ")} vừa được người khác sửa; vui lòng tải lại trang và nhập lại.`] },
      { status: result.denied ? 403 : 409 },
    );
  }
  return data<ActionData>({ saved: result });
}

export default function StatsTargets() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const vi = useLang() === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  return (
    <>
      <PageHeader title={vi ? `Chỉ tiêu năm thống kê ${d.year}` : `Targets, statistical year ${d.year}`} subtitle={d.unit.name} />
      <p className="mb-4 text-sm">
        <Link className="text-blue-800 underline" to={`?unit=${d.unit.code}&year=${d.year - 1}`}>{vi ? "Năm trước" : "Previous year"}</Link>
        {" · "}
        <Link className="text-blue-800 underline" to={`?unit=${d.unit.code}&year=${d.year + 1}`}>{vi ? "Năm sau" : "Next year"}</Link>
      </p>
      {a?.errors?.length ? (
        <ul role="alert" className="mb-4 list-disc pl-5 text-sm text-red-700">{a.errors.map((e) => <li key={e}>{e}</li>)}</ul>
      ) : null}
      {a?.saved !== undefined ? <p role="status" className="mb-4 text-sm text-emerald-700">{vi ? `Đã lưu ${a.saved} chỉ tiêu.` : `${a.saved} targets saved.`}</p> : null}
      <Form method="post" className="space-y-2" noValidate>
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <table className="min-w-full text-sm">
          <thead><tr className="text-left"><th className="px-2 py-1">{vi ? "Đơn vị" : "Unit"}</th><th className="px-2 py-1">{vi ? "Về việc (%)" : "Cases (%)"}</th><th className="px-2 py-1">{vi ? "Về tiền (%)" : "Money (%)"}</th></tr></thead>
          <tbody>
            {d.rows.map((r) => (
              <tr key={r.id}>
                <td className="px-2 py-1">{r.name}<input type="hidden" name={`v.${r.id}`} value={r.target?.version ?? ""} /></td>
                <td className="px-2 py-1"><input name={`c.${r.id}`} defaultValue={r.target?.cases_rate ?? ""} inputMode="decimal" aria-label={`${r.name}: ${vi ? "chỉ tiêu về việc" : "cases target"}`} className="w-24 rounded border border-slate-300 px-2 py-1" /></td>
                <td className="px-2 py-1"><input name={`m.${r.id}`} defaultValue={r.target?.money_rate ?? ""} inputMode="decimal" aria-label={`${r.name}: ${vi ? "chỉ tiêu về tiền" : "money target"}`} className="w-24 rounded border border-slate-300 px-2 py-1" /></td>
              </tr>
            ))}
          </tbody>
        </table>
        <button className="rounded bg-brand-700 px-4 py-2 font-semibold text-white">{vi ? "Lưu chỉ tiêu" : "Save targets"}</button>
      </Form>
    </>
  );
}
