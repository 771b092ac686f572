import { Form, Link, useLoaderData } from "react-router";
import { periodFrom } from "@thads/core/stats/schema";
import { LetterFilterSchema, complaintStats, letterList } from "@thads/core/complaints";
import { formatDateVi, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/list";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { COMPLAINT_HANDLERS, COMPLAINT_READERS } from "./roles.ts";
import { PeriodForm } from "../stats/stats-ui.tsx";
import { ComplaintFiguresTable } from "./figures-table.tsx";
import { KIND_LABELS, STATUS_LABELS, complaintMessages } from "./messages.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_READERS)) forbidden();
  const url = new URL(request.url);
  const today = todayVn();
  // The period as the dashboards read it (dd/mm/yyyy or yyyy-mm-dd; the statistical year to date by default).
  const { errors, ...period } = periodFrom(url.searchParams, today);
  const parsed = LetterFilterSchema.safeParse({ ...Object.fromEntries(url.searchParams), from: undefined, to: undefined });
  const base = parsed.success ? parsed.data : LetterFilterSchema.parse({});
  // A figure's letters are those of its period; the register otherwise ignores the period.
  const filter = base.figure ? { ...base, ...period } : base;
  const [letters, stats] = await asUser(
    user,
    async (tx) => [await letterList(tx, filter, today), await complaintStats(tx, { from: period.from, to: period.to })] as const,
  );
  return { letters, stats, period, errors, filter, mayRegister: hasRole(user.memberships, ...COMPLAINT_HANDLERS) };
}

export default function ComplaintList() {
  const { letters, stats, period, errors, filter, mayRegister } = useLoaderData<typeof loader>();
  const m = useMessages(complaintMessages);
  const lang = useLang();
  const tab = (label: string, query: string, testId: string) => (
    <Link to={`/complaints${query}`} className="rounded border border-slate-300 px-3 py-1" data-testid={testId}>
      {label}
    </Link>
  );
  return (
    <>
      <PageHeader title={m("list.title")} />
      <div className="flex flex-wrap gap-2">
        {mayRegister ? (
          <Link to="/complaints/new" className="rounded bg-brand-700 px-3 py-1 font-semibold text-white" data-testid="complaint-new">
            {m("list.new")}
          </Link>
        ) : null}
        {tab(m("list.open"), "", "tab-open")}
        {tab(m("list.overdue"), "?due=overdue", "tab-overdue")}
        {tab(m("list.dueSoon"), "?due=due_soon", "tab-due-soon")}
        {tab(m("list.all"), "?status=all", "tab-all")}
        <Link to="/complaints/sessions" className="rounded border border-slate-300 px-3 py-1" data-testid="sessions-link">
          {m("list.sessions")}
        </Link>
      </div>
      <Form method="get" role="search" className="mt-3 flex flex-wrap items-end gap-2">
        <input type="hidden" name="status" value="all" />
        <label className="flex flex-col text-sm">
          {m("list.search")}
          <input
            type="search"
            name="q"
            defaultValue={filter.q ?? ""}
            maxLength={200}
            className="rounded border border-slate-300 px-2 py-1"
            data-testid="complaint-search"
          />
        </label>
        <button type="submit" className="rounded border border-slate-300 px-3 py-1">
          {m("list.searchButton")}
        </button>
      </Form>
      <Section title={m("list.title")}>
        {letters.length === 0 ? (
          <p>{m("list.empty")}</p>
        ) : (
          <Table
            head={[
              m("list.col.code"),
              m("list.col.received"),
              m("list.col.kind"),
              m("list.col.summary"),
              m("list.col.handler"),
              m("list.col.due"),
              m("list.col.status"),
            ]}
          >
            {letters.map((l) => (
              <tr key={l.id} data-testid="complaint-row">
                <td>
                  <Link to={`/complaints/${l.id}`} className="text-brand-700 underline">
                    {l.tracking_code}
                  </Link>
                </td>
                <td>{formatDateVi(l.received_on)}</td>
                <td>{l.kind ? KIND_LABELS[l.kind][lang] : "—"}</td>
                <td>
                  {l.summary}
                  {l.late ? <span className="ml-2 font-semibold text-red-700">{m("list.late")}</span> : null}
                </td>
                <td>{l.handler_unit_name ?? l.unit_name}</td>
                <td className={l.clock === "overdue" ? "font-semibold text-red-700" : ""}>{l.due_on ? formatDateVi(l.due_on) : "—"}</td>
                <td>{STATUS_LABELS[l.status][lang]}</td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={m("stats.title")}>
        <PeriodForm from={period.from} to={period.to} errors={errors} hidden={{ status: filter.status }} />
        <p className="mb-2 flex flex-wrap gap-4 text-sm">
          <span>
            {formatDateVi(period.from)} – {formatDateVi(period.to)}
          </span>
          <a
            href={`/complaints/stats.csv?from=${period.from}&to=${period.to}`}
            className="text-brand-700 underline"
            data-testid="stats-export"
          >
            {m("stats.export")}
          </a>
        </p>
        <ComplaintFiguresTable
          rows={stats.map((s) => ({ ...s, id: s.unit_id, name: s.unit_name }))}
          by="unit"
          from={period.from}
          to={period.to}
        />
      </Section>
    </>
  );
}
