import { Link, useLoaderData } from "react-router";
import { portfolio } from "@thads/core/creditors";
import { IDLE_MONTHS, STATUS_GROUPS, STATUS_GROUP_LABELS, formatCount, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/portfolio";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { asUser } from "../../utils/user.server.ts";
import { creditorMessages } from "./messages.ts";
import { requireCreditor } from "./scope.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  return asUser(user, (tx) => portfolio(tx));
}

/** The list of exactly the cases a figure counts. */
const listHref = (q: Record<string, string>) => `/creditor/cases?${new URLSearchParams(q).toString()}`;

export default function Portfolio() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(creditorMessages);
  const lang = useLang();
  const max = d.provinces.reduce((x, p) => (BigInt(p.outstanding) > x ? BigInt(p.outstanding) : x), 0n);
  // A bar's length in per mille of the largest province's outstanding money (whole numbers only).
  const width = (v: string) => (max > 0n ? Number((BigInt(v) * 1000n) / max) / 10 : 0);
  return (
    <>
      <PageHeader title={m("portfolio.title")} subtitle={m("portfolio.subtitle")} />
      <StatGrid>
        <Stat label={m("cases.totals.cases")} value={formatCount(d.totals.cases)} testId="portfolio-cases" href="/creditor/cases" />
        <Stat label={m("cases.totals.provinces")} value={formatCount(d.provinces.length)} />
        <Stat label={m("cases.totals.outstanding")} value={formatDong(d.totals.outstanding)} testId="portfolio-outstanding" />
        <Stat
          label={m("portfolio.idle", { months: IDLE_MONTHS })}
          value={formatCount(d.stuck.idle.cases)}
          testId="portfolio-idle"
          href={listHref({ stuck: "idle" })}
        />
        <Stat
          label={m("portfolio.auction")}
          value={formatCount(d.stuck.auction.cases)}
          testId="portfolio-auction"
          href={listHref({ stuck: "auction" })}
        />
      </StatGrid>

      <Section title={m("portfolio.chart")}>
        <ul className="space-y-1 text-sm" data-testid="portfolio-chart">
          {d.provinces.map((p) => (
            <li key={p.province_slug} className="grid grid-cols-[10rem_1fr_auto] items-center gap-2">
              <span className="truncate">{p.province_name}</span>
              <span className="h-3 rounded bg-slate-100" aria-hidden="true">
                <span className="block h-3 rounded bg-brand-700" style={{ width: `${width(p.outstanding)}%` }} />
              </span>
              <span className="whitespace-nowrap tabular-nums">{formatDong(p.outstanding)}</span>
            </li>
          ))}
        </ul>
      </Section>

      <Section title={m("portfolio.table")}>
        <div data-testid="portfolio-table">
          <Table head={[m("cases.col.province"), ...STATUS_GROUPS.map((g) => STATUS_GROUP_LABELS[g][lang]), m("portfolio.total")]}>
            {d.provinces.map((p) => (
              <tr key={p.province_slug} data-testid="portfolio-row" data-province={p.province_slug}>
                <td className="px-3 py-2">{p.province_name}</td>
                {STATUS_GROUPS.map((g) => (
                  <td key={g} className="px-3 py-2 text-right tabular-nums" data-group={g}>
                    <Link
                      className="text-blue-700 underline"
                      to={listHref({ province: p.province_slug, group: g })}
                      data-testid="portfolio-cell"
                    >
                      {formatCount(p.groups[g].cases)}
                    </Link>
                    <span className="block whitespace-nowrap text-xs text-slate-600">{formatDong(p.groups[g].outstanding)}</span>
                  </td>
                ))}
                <td className="px-3 py-2 text-right tabular-nums">
                  <Link className="text-blue-700 underline" to={listHref({ province: p.province_slug })}>
                    {formatCount(p.cases)}
                  </Link>
                  <span className="block whitespace-nowrap text-xs text-slate-600">{formatDong(p.outstanding)}</span>
                </td>
              </tr>
            ))}
          </Table>
        </div>
      </Section>
    </>
  );
}
