import { useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole, isNational } from "@thads/domain";
import type { Route } from "./+types/steering-briefing";
import { caseStatusLabel, useLang } from "../i18n.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../utils/user.server.ts";
import { loadBriefing, visibleCommittees } from "@thads/core/steering";
import { DIRECTIVE_STATE_LABELS, reasonLabel } from "./steering-ui.tsx";

/** The briefing pack as a printable page (print or save as PDF from the browser). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const national = isNational(user.memberships);
  if (!hasRole(user.memberships, "steering_member") && !national) forbidden();
  const wanted = new URL(request.url).searchParams.get("committee");
  const today = todayVn();
  return asUser(user, async (tx) => {
    const committees = await visibleCommittees(tx, { onlyMine: !national });
    const committee = committees.find((c) => c.id === wanted) ?? committees.find((c) => c.is_member);
    if (!committee) notFound();
    return { committee: { id: committee.id, name: committee.name }, items: await loadBriefing(tx, committee, today), today };
  });
}

export default function SteeringBriefing() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  return (
    <div className="mx-auto max-w-5xl bg-white p-6 text-sm print:max-w-none print:p-0">
      <style>{"@page { size: A4 landscape; margin: 12mm; } @media print { a { color: inherit; text-decoration: none; } }"}</style>
      <div className="mb-4 flex items-center justify-between print:hidden">
        <a href={`/steering?committee=${d.committee.id}`} className="underline">{vi ? "← Danh sách theo dõi" : "← Watchlist"}</a>
        <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">{vi ? "In / Lưu PDF" : "Print / Save as PDF"}</button>
      </div>
      <h1 className="text-xl font-bold">{vi ? "Tài liệu họp" : "Briefing pack"}: {d.committee.name}</h1>
      <p className="mb-4 text-slate-700">{vi ? `Lập ngày ${formatDateVi(d.today)} · ${d.items.length} vụ việc, xếp theo mức độ rủi ro` : `${formatDateVi(d.today)} · ${d.items.length} cases by risk`}</p>
      {d.items.map((i, n) => (
        <section key={i.flagId} className="mb-4 break-inside-avoid border-t border-slate-300 pt-2" data-testid="briefing-item">
          <h2 className="font-semibold">{n + 1}. {i.caseNumber} · {i.debtorName} · {i.provinceName}</h2>
          <p>{reasonLabel(i.reason, lang)} · {caseStatusLabel(lang, i.status)} · {vi ? "Phải thi hành" : "Due"} {formatDong(i.moneyDue)} · {vi ? "Đã thu" : "Collected"} {formatDong(i.moneyCollected)}
            {i.nextDeadlineOn ? ` · ${vi ? "Hạn gần nhất" : "Next deadline"} ${formatDateVi(i.nextDeadlineOn)}` : ""}</p>
          <p>{vi ? "Báo cáo gần nhất" : "Latest report"}: {i.lastReport ? `${i.lastReport.label}: ${i.lastReport.body}` : "—"}
            {i.missingPeriods.length ? <strong className="text-red-700"> · {vi ? "Thiếu báo cáo" : "Missing"}: {i.missingPeriods.join(", ")}</strong> : null}</p>
          {i.directives.length ? (
            <ul className="ml-5 list-disc">
              {i.directives.map((x) => (
                <li key={x.id} className={x.state === "overdue" ? "font-semibold text-red-700" : ""}>
                  {x.body} ({x.addressee_name}; {vi ? "hạn" : "due"} {formatDateVi(x.due_on)}; {DIRECTIVE_STATE_LABELS[x.state][lang]})
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
