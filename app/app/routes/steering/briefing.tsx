import { useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/briefing";
import { caseStatusLabel, useLang, useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { loadBriefing, visibleCommittees } from "@thads/core/steering";
import { steeringMessages } from "./messages.ts";
import { reasonLabel } from "./steering-ui.tsx";

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
  const m = useMessages(steeringMessages);
  return (
    <div className="mx-auto max-w-5xl bg-white p-6 text-sm print:max-w-none print:p-0">
      <style>{"@page { size: A4 landscape; margin: 12mm; } @media print { a { color: inherit; text-decoration: none; } }"}</style>
      <div className="mb-4 flex items-center justify-between print:hidden">
        <a href={`/steering?committee=${d.committee.id}`} className="underline">
          {m("common.backToWatchlist")}
        </a>
        <button type="button" onClick={() => window.print()} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          {m("briefing.print")}
        </button>
      </div>
      <h1 className="text-xl font-bold">{m("briefing.title", { committee: d.committee.name })}</h1>
      <p className="mb-4 text-slate-700">{m("briefing.subtitle", { date: formatDateVi(d.today), count: d.items.length })}</p>
      {d.items.map((i, n) => (
        <section key={i.flagId} className="mb-4 break-inside-avoid border-t border-slate-300 pt-2" data-testid="briefing-item">
          <h2 className="font-semibold">
            {n + 1}. {i.caseNumber} · {i.debtorName} · {i.provinceName}
          </h2>
          <p>
            {reasonLabel(i.reason, lang)} · {caseStatusLabel(lang, i.status)} · {m("common.due")} {formatDong(i.moneyDue)} ·{" "}
            {m("common.collected")} {formatDong(i.moneyCollected)}
            {i.nextDeadlineOn ? ` · ${m("briefing.nextDeadline")} ${formatDateVi(i.nextDeadlineOn)}` : ""}
          </p>
          <p>
            {m("briefing.latestReport")}: {i.lastReport ? `${i.lastReport.label}: ${i.lastReport.body}` : "—"}
            {i.missingPeriods.length ? (
              <strong className="text-red-700">
                {" "}
                · {m("briefing.missing")}: {i.missingPeriods.join(", ")}
              </strong>
            ) : null}
          </p>
          {i.directives.length ? (
            <ul className="ml-5 list-disc">
              {i.directives.map((x) => (
                <li key={x.id} className={x.state === "overdue" ? "font-semibold text-red-700" : ""}>
                  {x.body} ({x.addressee_name}; {m("briefing.dueOn")} {formatDateVi(x.due_on)}; {m(`directiveState.${x.state}`)})
                </li>
              ))}
            </ul>
          ) : null}
        </section>
      ))}
    </div>
  );
}
