import { Link, useLoaderData } from "react-router";
import type { RoundResult } from "@thads/domain";
import { ROUND_RESULT_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/calendar";
import { billions } from "./asset-ui.tsx";
import { PageHeader } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { assetsMessages } from "./messages.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, requireUser } from "../../utils/user.server.ts";
import { loadAuctionCalendar } from "@thads/core/assets";
import { assetScope, scopeFilter, scopeQuery } from "./scope.server.ts";
import { MAX_YEAR, MIN_YEAR } from "@thads/core/input";

const pad = (n: number) => String(n).padStart(2, "0");
const WEEKDAYS = [
  "calendar.dow.mon",
  "calendar.dow.tue",
  "calendar.dow.wed",
  "calendar.dow.thu",
  "calendar.dow.fri",
  "calendar.dow.sat",
  "calendar.dow.sun",
] as const;

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const { unit } = await assetScope(user, url);
  const m = /^(\d{4})-(\d{2})$/.exec(url.searchParams.get("month") ?? "");
  const inRange = m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= MIN_YEAR && Number(m[1]) < MAX_YEAR;
  const [y, mo] = inRange ? [Number(m[1]), Number(m[2])] : [Number(todayVn().slice(0, 4)), Number(todayVn().slice(5, 7))];
  const from = `${y}-${pad(mo)}-01`;
  const next = mo === 12 ? `${y + 1}-01` : `${y}-${pad(mo + 1)}`;
  const prev = mo === 1 ? `${y - 1}-12` : `${y}-${pad(mo - 1)}`;
  const rounds = await asUser(user, (tx) => loadAuctionCalendar(tx, { ...scopeFilter(unit), from, to: `${next}-01` }));
  const scope = scopeQuery(unit);
  return { unit, rounds, year: y, month: mo, next, prev, scope };
}

export default function AuctionCalendar() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(assetsMessages);
  const days = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  const firstDow = (new Date(Date.UTC(d.year, d.month - 1, 1)).getUTCDay() + 6) % 7; // Monday first
  const byDay = new Map<number, typeof d.rounds>();
  for (const r of d.rounds) {
    const day = Number(r.held_on.slice(8, 10));
    byDay.set(day, [...(byDay.get(day) ?? []), r]);
  }
  const cells = [...Array(firstDow).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
  return (
    <>
      <PageHeader
        title={m("calendar.title", { month: pad(d.month), year: d.year, unit: d.unit.name })}
        subtitle={m("calendar.count", { count: d.rounds.length })}
      />
      <nav className="mb-4 flex gap-4 text-sm">
        <Link className="underline" to={`/assets/calendar?${d.scope}&month=${d.prev}`}>
          {m("calendar.prev")}
        </Link>
        <Link className="underline" to={`/assets/calendar?${d.scope}&month=${d.next}`}>
          {m("calendar.next")}
        </Link>
        <Link className="underline" to={`/assets?${d.scope}`}>
          {m("calendar.list")}
        </Link>
      </nav>
      <div className="grid grid-cols-7 gap-1 text-xs" data-testid="calendar">
        {WEEKDAYS.map((k) => (
          <div key={k} className="p-1 font-semibold text-slate-600">
            {m(k)}
          </div>
        ))}
        {cells.map((day, i) => (
          <div key={i} className={`min-h-20 rounded border p-1 ${day ? "border-slate-200 bg-white" : "border-transparent"}`}>
            {day ? <div className="font-semibold">{day}</div> : null}
            {day
              ? (byDay.get(day) ?? []).map((r) => (
                  <Link
                    key={r.id}
                    to={`/assets/${r.asset_id}`}
                    data-testid="calendar-round"
                    className="mt-1 block truncate rounded bg-sky-50 px-1 text-sky-900 hover:underline"
                    title={`${r.description} · ${formatDong(r.starting_price)}`}
                  >
                    {m("calendar.roundShort", { round: r.round_no })} · {billions(r.starting_price)} ·{" "}
                    {ROUND_RESULT_LABELS[r.result as RoundResult]?.[lang]}
                  </Link>
                ))
              : null}
          </div>
        ))}
      </div>
      <ul className="mt-6 space-y-1 text-sm">
        {d.rounds.map((r) => (
          <li key={r.id}>
            {formatDateVi(r.held_on)} · {r.unit_name} · {r.case_number} ·{" "}
            <Link className="underline" to={`/assets/${r.asset_id}`}>
              {r.description}
            </Link>{" "}
            · {m("calendar.round", { round: r.round_no })} · {formatDong(r.starting_price)}
          </li>
        ))}
      </ul>
    </>
  );
}
