import { Form, Link, useLoaderData, useSearchParams } from "react-router";
import { CASE_STATUSES, CASE_STATUS_LABELS, DEADLINE_LABELS, caseListScope, formatCount, formatDateVi, formatDong, hasRole, isNational, type DeadlineKind } from "@thads/domain";
import { JUDGMENT_TYPES } from "@thads/core/cases/intake-schema";
import { CASE_PAGE_SIZE, CaseFilterSchema } from "@thads/core/cases/filters";
import { listCaseExecutorChoices, listCaseProvinceChoices, listCases } from "@thads/core/cases";
import type { Route } from "./+types/cases";
import { PageHeader, Table } from "../components/ui.tsx";
import { useLang } from "../i18n.ts";
import { JUDGMENT_TYPE_LABELS } from "../labels.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, requireUser } from "../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const parsed = CaseFilterSchema.safeParse(params);
  const filterErrors = parsed.success ? [] : [...new Set(parsed.error.issues.map((i) => i.message))];
  const filters = parsed.success ? parsed.data : CaseFilterSchema.parse({});
  const today = todayVn();
  return asUser(user, async (tx) => {
    const result = await listCases(tx, filters, today, caseListScope(user.memberships));
    const executors = await listCaseExecutorChoices(tx, filters.unit);
    const provinces = isNational(user.memberships) ? await listCaseProvinceChoices(tx) : [];
    return {
      ...result,
      provinces,
      page: filters.page,
      pageSize: CASE_PAGE_SIZE,
      today,
      filterErrors,
      executors,
      canIntake: hasRole(user.memberships, "clerk", "subunit_head", "province_head", "province_staff"),
    };
  });
}

export default function Cases() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const [params] = useSearchParams();
  const vi = lang === "vi";
  const pageLink = (page: number) => {
    const p = new URLSearchParams(params);
    p.set("page", String(page));
    return `?${p.toString()}`;
  };
  const pages = Math.max(1, Math.ceil(d.total / d.pageSize));
  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <PageHeader title={vi ? "Việc thi hành án" : "Enforcement cases"} subtitle={vi ? `${formatCount(d.total)}${d.capped ? "+" : ""} việc` : `${formatCount(d.total)}${d.capped ? "+" : ""} cases`} />
        {d.canIntake ? (
          <div className="flex gap-2">
            <Link to="/cases/import" className="rounded border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50">
              {vi ? "Nhập từ tệp" : "Import a file"}
            </Link>
            <Link to="/cases/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
              {vi ? "Thụ lý việc mới" : "Take in a case"}
            </Link>
          </div>
        ) : null}
      </div>
      {d.filterErrors.length ? (
        <ul role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-sm text-red-800">
          {d.filterErrors.map((e) => <li key={e}>{e}</li>)}
        </ul>
      ) : null}
      <Form method="get" className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4" aria-label={vi ? "Bộ lọc" : "Filters"}>
        <label className="col-span-2 flex flex-col">
          {vi ? "Tìm theo tên, số quyết định, số giấy tờ" : "Search name, number, ID"}
          <input name="q" defaultValue={params.get("q") ?? ""} maxLength={100} className="rounded border border-slate-300 px-2 py-1" placeholder="nguyen van a" />
        </label>
        {d.provinces.length ? (
          <label className="flex flex-col">
            {vi ? "Tỉnh, thành phố" : "Province"}
            <select name="province" defaultValue={params.get("province") ?? ""} className="rounded border border-slate-300 px-2 py-1">
              <option value="">{vi ? "Toàn quốc" : "Nationwide"}</option>
              {d.provinces.map((p) => <option key={p.code} value={p.code}>{p.name}</option>)}
            </select>
          </label>
        ) : null}
        <label className="flex flex-col">
          {vi ? "Trạng thái" : "Status"}
          <select name="status" defaultValue={params.get("status") ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{vi ? "Tất cả" : "All"}</option>
            {CASE_STATUSES.map((s) => <option key={s} value={s}>{CASE_STATUS_LABELS[s][lang]}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {vi ? "Loại việc" : "Category"}
          <select name="category" defaultValue={params.get("category") ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{vi ? "Tất cả" : "All"}</option>
            <option value="bank_credit">{vi ? "Tín dụng, ngân hàng" : "Bank credit"}</option>
            <option value="corruption">{vi ? "Tham nhũng, kinh tế" : "Corruption / economic"}</option>
          </select>
        </label>
        <label className="flex flex-col">
          {vi ? "Loại bản án" : "Judgment type"}
          <select name="judgmentType" defaultValue={params.get("judgmentType") ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{vi ? "Tất cả" : "All"}</option>
            {JUDGMENT_TYPES.map((j) => <option key={j} value={j}>{JUDGMENT_TYPE_LABELS[j]?.[lang] ?? j}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {vi ? "Chấp hành viên" : "Executor"}
          <select name="executor" defaultValue={params.get("executor") ?? ""} className="rounded border border-slate-300 px-2 py-1">
            <option value="">{vi ? "Tất cả" : "All"}</option>
            {d.executors.map((e) => <option key={e.id} value={e.id}>{e.full_name}</option>)}
          </select>
        </label>
        <label className="flex flex-col">
          {vi ? "Số tiền từ (đồng)" : "Money from (VND)"}
          <input name="moneyMin" defaultValue={params.get("moneyMin") ?? ""} inputMode="numeric" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {vi ? "Số tiền đến (đồng)" : "Money to (VND)"}
          <input name="moneyMax" defaultValue={params.get("moneyMax") ?? ""} inputMode="numeric" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {vi ? "Thụ lý từ ngày" : "Accepted from"}
          <input name="from" defaultValue={params.get("from") ?? ""} placeholder="dd/mm/yyyy" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {vi ? "Thụ lý đến ngày" : "Accepted to"}
          <input name="to" defaultValue={params.get("to") ?? ""} placeholder="dd/mm/yyyy" className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {vi ? "Sắp xếp" : "Sort"}
          <select name="sort" defaultValue={params.get("sort") ?? "accepted_desc"} className="rounded border border-slate-300 px-2 py-1">
            <option value="accepted_desc">{vi ? "Mới thụ lý trước" : "Newest first"}</option>
            <option value="money_desc">{vi ? "Số tiền lớn trước" : "Largest amount first"}</option>
            <option value="deadline_asc">{vi ? "Hạn gần nhất trước" : "Nearest deadline first"}</option>
          </select>
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="overdue" value="1" defaultChecked={params.get("overdue") === "1"} />
          {vi ? "Chỉ việc quá hạn" : "Overdue only"}
        </label>
        {params.get("unit") ? <input type="hidden" name="unit" value={params.get("unit") ?? ""} /> : null}
        <div className="flex items-end">
          <button type="submit" className="rounded bg-slate-800 px-4 py-1.5 text-white">{vi ? "Lọc" : "Filter"}</button>
        </div>
      </Form>
      <Table head={vi ? ["Số quyết định", "Người phải thi hành án", "Trạng thái", "Ngày thụ lý", "Phải thi hành", "Đã thu", "Hạn tiếp theo", "Chấp hành viên"] : ["Number", "Debtor", "Status", "Accepted", "Due", "Collected", "Next deadline", "Executor"]}>
        {d.rows.map((c) => {
          const overdue = c.next_deadline_on !== null && c.next_deadline_on < d.today;
          return (
            <tr key={c.id} data-testid="case-row">
              <td className="px-3 py-2"><Link className="text-blue-800 underline" to={`/cases/${c.id}`}>{c.case_number}</Link></td>
              <td className="px-3 py-2">{c.debtor_name}</td>
              <td className="px-3 py-2">{CASE_STATUS_LABELS[c.status as keyof typeof CASE_STATUS_LABELS]?.[lang] ?? c.status}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(c.accepted_on)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(c.money_due)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(c.money_collected)}</td>
              <td className={`px-3 py-2 tabular-nums ${overdue ? "font-semibold text-red-700" : ""}`}>
                {c.next_deadline_on ? `${formatDateVi(c.next_deadline_on)}${c.next_deadline_kind ? ` · ${DEADLINE_LABELS[c.next_deadline_kind as DeadlineKind]?.[lang] ?? ""}` : ""}${overdue ? (vi ? " (quá hạn)" : " (overdue)") : ""}` : "—"}
              </td>
              <td className="px-3 py-2">{c.executor_name ?? "—"}</td>
            </tr>
          );
        })}
      </Table>
      {d.rows.length === 0 ? <p className="mt-4 text-slate-600">{vi ? "Không có việc nào khớp bộ lọc." : "No case matches the filters."}</p> : null}
      <nav className="mt-4 flex items-center gap-4 text-sm" aria-label={vi ? "Phân trang" : "Pagination"}>
        {d.page > 1 ? <Link to={pageLink(d.page - 1)} className="underline">{vi ? "← Trang trước" : "← Previous"}</Link> : null}
        <span>{vi ? `Trang ${d.page} / ${pages}${d.capped ? "+" : ""}` : `Page ${d.page} of ${pages}${d.capped ? "+" : ""}`}</span>
        {d.page < pages || (d.capped && d.rows.length === d.pageSize) ? <Link to={pageLink(d.page + 1)} className="underline">{vi ? "Trang sau →" : "Next →"}</Link> : null}
      </nav>
    </>
  );
}
