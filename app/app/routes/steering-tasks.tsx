import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole } from "@thads/domain";
import type { Route } from "./+types/steering-tasks";
import { PageHeader, Section, Table } from "../components/ui.tsx";
import { parseLang, useLang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { loadDirectives, loadTenantFlags, provinceCommitteeOf, suggestCandidates } from "@thads/core/steering";
import { runSteeringIntent } from "./steering-actions.server.ts";
import { DirectiveList, FLAG_STATUS_LABELS, reasonLabel } from "./steering-ui.tsx";

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
  const vi = lang === "vi";
  const overdue = d.directives.filter((x) => x.state === "overdue").length;
  return (
    <>
      <PageHeader title={vi ? "Nhiệm vụ theo ý kiến chỉ đạo" : "Directives to my unit"}
        subtitle={vi ? `${d.directives.filter((x) => !x.answer).length} chưa trả lời, ${overdue} quá hạn` : `${d.directives.filter((x) => !x.answer).length} open, ${overdue} overdue`} />
      {d.done ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{vi ? "Đã gửi trả lời." : "Answer sent."}</p> : null}
      <Section title={vi ? "Ý kiến chỉ đạo gửi đơn vị" : "Directives"}>
        <DirectiveList items={d.directives} lang={lang} answerable showCase />
      </Section>
      {d.suggestions ? (
        <Section title={vi ? `Gợi ý đề xuất theo tiêu chí của ${d.suggestions.committee.name}` : `Suggested for ${d.suggestions.committee.name}`}>
          <Table head={vi ? ["Việc", "Ngày thụ lý", "Còn phải thi hành", "Tiêu chí"] : ["Case", "Accepted", "Outstanding", "Criteria"]}>
            {d.suggestions.items.map((x) => (
              <tr key={x.caseId} data-testid="suggestion">
                <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/cases/${x.caseId}`}>{x.caseNumber}</Link><div className="text-xs text-slate-600">{x.debtorName}</div></td>
                <td className="px-3 py-2 tabular-nums">{formatDateVi(x.acceptedOn)}</td>
                <td className="px-3 py-2 tabular-nums">{formatDong((BigInt(x.moneyDue) - BigInt(x.moneyCollected)).toString())}</td>
                <td className="px-3 py-2">{x.reasons.map((r) => reasonLabel(r, lang)).join(", ")}</td>
              </tr>
            ))}
          </Table>
        </Section>
      ) : null}
      <Section title={vi ? "Vụ việc của đơn vị trong danh sách theo dõi của Ban Chỉ đạo" : "Our cases on a committee's list"}>
        <Table head={vi ? ["Việc", "Ban Chỉ đạo", "Tình trạng", "Báo cáo tiến độ"] : ["Case", "Committee", "State", "Progress reports"]}>
          {d.flags.map((f) => (
            <tr key={f.id} data-testid="tenant-flag">
              <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/steering/flags/${f.id}`}>{f.caseNumber}</Link><div className="text-xs text-slate-600">{f.debtorName}</div></td>
              <td className="px-3 py-2">{f.committeeName}</td>
              <td className="px-3 py-2">{FLAG_STATUS_LABELS[f.status]?.[lang]}</td>
              <td className={`px-3 py-2 ${f.missing.length ? "font-semibold text-red-700" : ""}`}>{f.missing.length ? `${vi ? "Thiếu" : "Missing"}: ${f.missing.join(", ")}` : vi ? "Đủ" : "Up to date"}</td>
            </tr>
          ))}
        </Table>
      </Section>
    </>
  );
}
