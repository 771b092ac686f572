import { Form, Link, useLoaderData } from "react-router";
import { CASE_STATUSES, IDLE_MONTHS, STATUS_GROUP_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import { myCaseTotals, myCases } from "@thads/core/creditors";
import type { Route } from "./+types/cases";
import { PageHeader, Section, Stat, StatGrid, Table } from "../../components/ui.tsx";
import { caseStatusLabel, deadlineLabel, useLang, useMessages } from "../../i18n.ts";
import { asUser } from "../../utils/user.server.ts";
import { creditorMessages } from "./messages.ts";
import { filterOf, requireCreditor } from "./scope.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  const filter = filterOf(request);
  const { rows, totals } = await asUser(user, async (tx) => ({ rows: await myCases(tx, filter), totals: await myCaseTotals(tx) }));
  const query = new URL(request.url).search;
  return { rows, filter, query, totals: { cases: totals.cases, provinces: totals.provinces, outstanding: totals.outstanding.toString() } };
}

export default function MyCases() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(creditorMessages);
  const lang = useLang();
  return (
    <>
      <PageHeader title={m("cases.title")} subtitle={m("cases.subtitle")} />
      <StatGrid>
        <Stat label={m("cases.totals.cases")} value={String(d.totals.cases)} testId="my-cases-count" />
        <Stat label={m("cases.totals.provinces")} value={String(d.totals.provinces)} testId="my-cases-provinces" />
        <Stat label={m("cases.totals.outstanding")} value={formatDong(d.totals.outstanding)} />
      </StatGrid>
      {d.filter.stuck || d.filter.group ? (
        <p role="status" className="my-3 rounded border border-sky-200 bg-sky-50 p-2 text-sm" data-testid="my-cases-drill">
          {d.filter.stuck === "idle"
            ? m("cases.drill.idle", { months: IDLE_MONTHS })
            : d.filter.stuck === "auction"
              ? m("cases.drill.auction")
              : m("cases.drill.group", { group: STATUS_GROUP_LABELS[d.filter.group!][lang] })}
        </p>
      ) : null}
      <Form method="get" className="my-4 flex flex-wrap items-end gap-3 text-sm">
        <label className="flex flex-col">
          {m("cases.filter.province")}
          <input name="province" defaultValue={d.filter.province ?? ""} className="rounded border px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {m("cases.filter.status")}
          <select name="status" defaultValue={d.filter.status ?? ""} className="rounded border px-2 py-1">
            <option value="">{m("cases.filter.all")}</option>
            {CASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {caseStatusLabel(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col">
          {m("cases.filter.q")}
          <input name="q" defaultValue={d.filter.q ?? ""} className="rounded border px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-slate-800 px-3 py-1 text-white">
          {m("cases.filter.submit")}
        </button>
        <a href={`/creditor/cases.csv${d.query}`} className="text-blue-700 underline">
          {m("cases.export")}
        </a>
        <a href={`/creditor/cases.xlsx${d.query}`} className="text-blue-700 underline" data-testid="my-cases-xlsx">
          {m("cases.exportXlsx")}
        </a>
      </Form>
      <Section title={m("cases.title")}>
        {d.rows.length === 0 ? (
          <p className="text-slate-600">{m("cases.empty")}</p>
        ) : (
          <Table
            head={[
              m("cases.col.number"),
              m("cases.col.province"),
              m("cases.col.debtor"),
              m("cases.col.status"),
              m("cases.col.due"),
              m("cases.col.collected"),
              m("cases.col.outstanding"),
              m("cases.col.deadline"),
              m("cases.col.executor"),
              m("cases.col.auction"),
            ]}
          >
            {d.rows.map((r) => (
              <tr key={r.id} data-testid="my-case-row">
                <td className="px-3 py-2">
                  <Link to={`/creditor/cases/${r.id}`} className="text-blue-700 underline">
                    {r.case_number}
                  </Link>
                </td>
                <td className="px-3 py-2" data-testid="my-case-province">
                  {r.province_name}
                </td>
                <td className="px-3 py-2">{r.debtor_name}</td>
                <td className="px-3 py-2" data-testid="my-case-status">
                  {caseStatusLabel(lang, r.status)}
                </td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{formatDong(r.money_due)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{formatDong(r.money_collected)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">{formatDong(r.money_outstanding)}</td>
                <td className="px-3 py-2">
                  {r.next_deadline_on ? `${formatDateVi(r.next_deadline_on)} · ${deadlineLabel(lang, r.next_deadline_kind ?? "")}` : "—"}
                </td>
                <td className="px-3 py-2">{r.executor_name ?? "—"}</td>
                <td className="px-3 py-2">
                  {r.assets_at_auction > 0 ? `${r.assets_at_auction} · ${r.next_round_on ? formatDateVi(r.next_round_on) : "—"}` : "—"}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
    </>
  );
}
