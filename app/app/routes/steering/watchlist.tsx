import { Link, redirect, useLoaderData } from "react-router";
import { formatCount, formatDong, hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/watchlist";
import { PageHeader, Stat, StatGrid } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { safeRedirect } from "../../utils/redirect.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { isSteeringIntent, runSteeringIntent } from "./actions.server.ts";
import { loadProposals, loadWatchlist, visibleCommittees } from "@thads/core/steering";
import { parseWatchFilters } from "@thads/core/steering/watch-filters";
import { steeringMessages } from "./messages.ts";
import { WatchlistProposals } from "./watchlist-proposals.tsx";
import { WatchlistSettings } from "./watchlist-settings.tsx";
import { WatchlistTable } from "./watchlist-table.tsx";
import { watchlistTotals } from "./watchlist-totals.ts";

/** The watchlist: a committee's flagged major cases, most at risk first (members and the directorate). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const national = isNational(user.memberships);
  if (!hasRole(user.memberships, "steering_member") && !national) forbidden();
  const url = new URL(request.url);
  const filters = parseWatchFilters(url.searchParams);
  const today = todayVn();
  return asUser(user, async (tx) => {
    const committees = await visibleCommittees(tx, { onlyMine: !national });
    const wanted = url.searchParams.get("committee");
    const committee = committees.find((c) => c.id === wanted) ?? committees.find((c) => c.is_member) ?? committees[0] ?? null;
    const items = committee ? await loadWatchlist(tx, committee, today, filters) : [];
    const all =
      committee && (filters.q || filters.reason || filters.province || filters.only) ? await loadWatchlist(tx, committee, today) : items;
    const proposals = committee ? await loadProposals(tx, committee.id) : [];
    return {
      committees: committees.map((c) => ({ id: c.id, name: c.name, kind: c.kind, isMember: c.is_member })),
      committee,
      items,
      ...watchlistTotals(all),
      proposals,
      filters,
      national,
      done: url.searchParams.get("done"),
    };
  });
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  const intent = String(form.get("intent") ?? "");
  if ((intent !== "steering_decide" && intent !== "steering_settings") || !isSteeringIntent(intent)) forbidden();
  const r = await runSteeringIntent(intent, form, user, lang);
  if ("ok" in r && r.ok) {
    const url = new URL(request.url);
    url.searchParams.set("done", String(r.status ?? intent));
    return redirect(safeRedirect(url.pathname + url.search, "/steering"));
  }
  return r;
}

export default function Steering() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const c = d.committee;
  const q = c ? `?committee=${c.id}` : "";
  return (
    <>
      <PageHeader title={m("watch.title")} subtitle={c?.name ?? null} />
      <nav className="-mt-4 mb-4 flex flex-wrap gap-2 text-sm" aria-label={m("watch.committees")}>
        {d.committees.map((k) => (
          <Link
            key={k.id}
            to={`/steering?committee=${k.id}`}
            data-testid="committee-tab"
            className={`rounded border px-2 py-1 ${k.id === c?.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}
          >
            {k.name}
          </Link>
        ))}
      </nav>
      {c ? (
        <p className="mb-6 flex flex-wrap gap-4 text-sm">
          <Link className="text-blue-800 underline" to={`/steering/meetings${q}`}>
            {m("watch.meetings")}
          </Link>
          <a className="text-blue-800 underline" href={`/steering/briefing.xlsx${q}`} data-testid="briefing-xlsx">
            {m("watch.briefingXlsx")}
          </a>
          <Link className="text-blue-800 underline" to={`/steering/briefing${q}`}>
            {m("watch.briefingPrint")}
          </Link>
          {d.national ? (
            <Link className="text-blue-800 underline" to="/steering/national">
              {m("watch.national")}
            </Link>
          ) : null}
        </p>
      ) : (
        <p className="text-slate-600">{m("watch.noCommittee")}</p>
      )}
      {d.done ? (
        <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">
          {m("watch.done")}
        </p>
      ) : null}

      <StatGrid>
        <Stat label={m("stat.flagged")} value={formatCount(d.totals.flagged)} testId="stat-flagged" />
        <Stat label={m("common.outstanding")} value={formatDong(d.totals.outstanding)} />
        <Stat label={m("stat.openDirectives")} value={formatCount(d.totals.open)} />
        <Stat label={m("stat.overdueDirectives")} value={formatCount(d.totals.overdue)} testId="stat-overdue" />
      </StatGrid>

      {c?.is_member ? <WatchlistSettings /> : null}
      {c?.is_member && d.proposals.length > 0 ? <WatchlistProposals /> : null}
      {c ? <WatchlistTable committeeId={c.id} /> : null}
    </>
  );
}
