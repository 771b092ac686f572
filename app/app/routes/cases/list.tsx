import { Link, redirect, useLoaderData, useSearchParams } from "react-router";
import { caseListScope, isCreditorOnly, startsOnOwnCases } from "@thads/domain";
import { formatCount, formatDateVi, formatDong, hasRole, isNational } from "@thads/domain/labels";
import { CASE_PAGE_SIZE, CaseFilterSchema } from "@thads/core/cases/filters";
import { errorMessagesOf } from "@thads/core/field-errors";
import { caseExecutorName, listCaseExecutorChoices, listCaseProvinceChoices, listCases, statFilterCaption } from "@thads/core/cases";
import type { Route } from "./+types/list";
import { PageHeader, Table, CaseLink } from "../../components/ui.tsx";
import { caseStatusLabel, deadlineLabel, useLang, useMessages } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, requireUser } from "../../utils/user.server.ts";
import { CaseFilters, FigureCaption, MyCasesToggle } from "./case-filters.tsx";
import { casesMessages } from "./messages.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  // A creditor's list of its own cases is /creditor/cases.
  if (isCreditorOnly(user.memberships)) throw redirect("/creditor/cases");
  const url = new URL(request.url);
  // An executor's list starts on his own cases; "?executor=" (empty) is the unit's whole list.
  const own = startsOnOwnCases(user.memberships);
  if (own && url.search === "") throw redirect(`/cases?executor=${user.id}`);
  const params = Object.fromEntries(url.searchParams);
  const parsed = CaseFilterSchema.safeParse(params);
  const filterErrors = parsed.success ? [] : errorMessagesOf(parsed.error);
  const filters = parsed.success ? parsed.data : CaseFilterSchema.parse({});
  const today = todayVn();
  return asUser(user, async (tx) => {
    const scope = caseListScope(user.memberships);
    // All at once: their statements go out together.
    const [result, executors, selectedExecutor, provinces, figure] = await Promise.all([
      listCases(tx, filters, today, scope),
      // One unit's executors are offered at once; a province's or the nation's are searched on demand.
      filters.unit
        ? listCaseExecutorChoices(tx, { code: filters.unit })
        : scope.kind === "units"
          ? listCaseExecutorChoices(tx, { ids: scope.ids })
          : null,
      filters.executor ? caseExecutorName(tx, filters.executor) : null,
      isNational(user.memberships) ? listCaseProvinceChoices(tx) : [],
      statFilterCaption(tx, filters),
    ]);
    return {
      figure,
      ...result,
      // What the table shows, no more: every field goes into the page twice (HTML and hydration data).
      rows: result.rows.map((c) => ({
        id: c.id,
        case_number: c.case_number,
        debtor_name: c.debtor_name,
        status: c.status,
        accepted_on: c.accepted_on,
        money_due: c.money_due,
        money_collected: c.money_collected,
        next_deadline_on: c.next_deadline_on,
        next_deadline_kind: c.next_deadline_kind,
        executor_name: c.executor_name,
      })),
      provinces,
      page: filters.page,
      pageSize: CASE_PAGE_SIZE,
      today,
      filterErrors,
      executors,
      selectedExecutor,
      me: own ? user.id : null,
      canIntake: hasRole(user.memberships, "clerk", "subunit_head", "province_head", "province_staff"),
    };
  });
}

export default function Cases() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  const [params] = useSearchParams();
  const pageLink = (page: number) => {
    const p = new URLSearchParams(params);
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={m("list.title")} subtitle={m(d.capped ? "list.countMore" : "list.count", { count: formatCount(d.total) })} />
        {d.canIntake ? (
          <div className="flex gap-2">
            <Link to="/cases/import" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
              {m("list.import")}
            </Link>
            <Link to="/cases/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {m("list.new")}
            </Link>
          </div>
        ) : null}
      </div>
      {d.filterErrors.length ? (
        <ul role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {d.filterErrors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      ) : null}
      {d.figure ? <FigureCaption figure={d.figure} total={d.total} capped={d.capped} moneyTotal={d.moneyTotal} /> : null}
      {d.me ? <MyCasesToggle me={d.me} /> : null}
      <CaseFilters provinces={d.provinces} executors={d.executors} selectedExecutor={d.selectedExecutor} />
      <Table
        head={[
          m("list.col.number"),
          m("party.debtor"),
          m("list.col.status"),
          m("list.col.accepted"),
          m("list.col.due"),
          m("list.col.collected"),
          m("list.col.nextDeadline"),
          m("executor"),
        ]}
      >
        {d.rows.map((c) => {
          const overdue = c.next_deadline_on !== null && c.next_deadline_on < d.today;
          const kind = c.next_deadline_kind ? deadlineLabel(lang, c.next_deadline_kind) : null;
          return (
            <tr key={c.id} data-testid="case-row">
              <td className="px-3 py-2">
                <CaseLink id={c.id}>{c.case_number}</CaseLink>
              </td>
              <td className="px-3 py-2">{c.debtor_name}</td>
              <td className="px-3 py-2">{caseStatusLabel(lang, c.status)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(c.accepted_on)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(c.money_due)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(c.money_collected)}</td>
              <td className={`px-3 py-2 tabular-nums ${overdue ? "font-semibold text-red-700" : ""}`}>
                {c.next_deadline_on
                  ? `${formatDateVi(c.next_deadline_on)}${kind === null ? "" : ` · ${kind}`}${overdue ? ` (${m("list.overdue")})` : ""}`
                  : "—"}
              </td>
              <td className="px-3 py-2">{c.executor_name ?? "—"}</td>
            </tr>
          );
        })}
      </Table>
      {d.rows.length === 0 ? <p className="mt-4 text-slate-600">{m("list.empty")}</p> : null}
      <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={m("list.pagination")}>
        {d.page > 1 ? (
          <Link to={pageLink(d.page - 1)} className="underline">
            {m("list.prev")}
          </Link>
        ) : null}
        <span>{m(d.capped ? "list.pageMore" : "list.page", { page: d.page, pages })}</span>
        {d.page < pages || (d.capped && d.rows.length === d.pageSize) ? (
          <Link to={pageLink(d.page + 1)} className="underline">
            {m("list.next")}
          </Link>
        ) : null}
      </nav>
    </>
  );
}
