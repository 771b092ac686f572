import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/tasks";
import { PageHeader, Section, Table, CaseLink } from "../../components/ui.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { loadDirectives, loadTenantFlags, provinceCommitteeOf, suggestCandidates } from "@thads/core/steering";
import { runSteeringIntent } from "./actions.server.ts";
import { DirectiveList } from "./directive-list.tsx";
import { steeringMessages } from "./messages.ts";
import { label, reasonLabel } from "./steering-ui.tsx";

const ANSWERING = ["subunit_head", "province_head", "province_staff"] as const;
const BUREAU = [...ANSWERING, "executor", "clerk"] as const;

/** The bureau's side: directives addressed to my unit (heads answer), and our cases on a committee's list. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...BUREAU)) forbidden();
  const unitIds = user.memberships.filter((m) => (BUREAU as readonly string[]).includes(m.role) && m.unitId).map((m) => m.unitId!);
  const answerUnits = new Set(user.memberships.filter((m) => (ANSWERING as readonly string[]).includes(m.role)).map((m) => m.unitId));
  const today = todayVn();
  return asUser(user, async (tx) => {
    const directives = await loadDirectives(tx, today, { addresseeUnitIds: unitIds, addresseeUserId: user.id });
    const provinceIds = user.memberships.filter((m) => m.role === "province_head" || m.role === "province_staff").map((m) => m.provinceId!);
    const committee = await provinceCommitteeOf(tx, provinceIds);
    return {
      suggestions: committee ? { committee, items: await suggestCandidates(tx, committee.id, today, 20) } : null,
      directives: directives.map((d) => ({ ...d, canAnswer: d.addressee_user_id === user.id || answerUnits.has(d.addressee_unit_id) })),
      flags: await loadTenantFlags(tx, today),
      done: new URL(request.url).searchParams.get("done"),
    };
  });
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  if (form.get("intent") !== "steering_answer") forbidden();
  const r = await runSteeringIntent("steering_answer", form, user, lang);
  if ("ok" in r && r.ok) return redirect("/steering/tasks?done=answer");
  return r;
}

export default function SteeringTasks() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(steeringMessages);
  const overdue = d.directives.filter((x) => x.state === "overdue").length;
  return (
    <>
      <PageHeader
        title={m("tasks.title")}
        subtitle={m("tasks.subtitle", { open: d.directives.filter((x) => !x.answer).length, overdue })}
      />
      {d.done ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">
          {m("tasks.done")}
        </p>
      ) : null}
      <Section title={m("tasks.directives")}>
        <DirectiveList items={d.directives} answerable showCase />
      </Section>
      {d.suggestions ? (
        <Section title={m("tasks.suggestions", { committee: d.suggestions.committee.name })}>
          <Table head={[m("common.case"), m("tasks.col.acceptedOn"), m("common.outstanding"), m("tasks.col.criteria")]}>
            {d.suggestions.items.map((x) => (
              <tr key={x.caseId} data-testid="suggestion">
                <td className="px-3 py-2">
                  <CaseLink id={x.caseId}>{x.caseNumber}</CaseLink>
                  <div className="text-xs text-slate-600">{x.debtorName}</div>
                </td>
                <td className="px-3 py-2 tabular-nums">{formatDateVi(x.acceptedOn)}</td>
                <td className="px-3 py-2 tabular-nums">{formatDong((BigInt(x.moneyDue) - BigInt(x.moneyCollected)).toString())}</td>
                <td className="px-3 py-2">{x.reasons.map((r) => reasonLabel(r, lang)).join(", ")}</td>
              </tr>
            ))}
          </Table>
        </Section>
      ) : null}
      <Section title={m("tasks.flags")}>
        <Table head={[m("common.case"), m("common.committee"), m("common.listState"), m("common.progressReports")]}>
          {d.flags.map((f) => (
            <tr key={f.id} data-testid="tenant-flag">
              <td className="px-3 py-2">
                <Link className="text-blue-800 underline" to={`/steering/flags/${f.id}`}>
                  {f.caseNumber}
                </Link>
                <div className="text-xs text-slate-600">{f.debtorName}</div>
              </td>
              <td className="px-3 py-2">{f.committeeName}</td>
              <td className="px-3 py-2">{label(m, "flagStatus", f.status)}</td>
              <td className={`px-3 py-2 ${f.missing.length ? "font-semibold text-red-700" : ""}`}>
                {f.missing.length ? m("tasks.missing", { periods: f.missing.join(", ") }) : m("common.upToDate")}
              </td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
