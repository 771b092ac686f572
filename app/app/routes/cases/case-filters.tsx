import { useRef } from "react";
import { Form, Link, useFetcher, useSearchParams } from "react-router";
import { CASE_STATUSES, CASE_STATUS_LABELS, DRILL_FIGURE_LABELS, formatCount, formatDateVi, formatDong } from "@thads/domain/labels";
import type { DrillFigure } from "@thads/domain/stats";
import { JUDGMENT_TYPES } from "@thads/core/cases/judgment-types";
import { useLang, useMessages } from "../../i18n.ts";
import { JUDGMENT_TYPE_LABELS } from "../../labels.ts";
import { casesMessages } from "./messages.ts";

const control = "rounded border border-slate-300 px-2 py-1";

/** The case list's filters: a GET form, so the filtered list has an address. */
export function CaseFilters({
  provinces,
  executors,
  selectedExecutor,
}: {
  provinces: { code: string; name: string }[];
  /** One unit's executors, offered at once; null: searched on demand. */
  executors: ExecutorChoice[] | null;
  selectedExecutor: ExecutorChoice | null;
}) {
  const m = useMessages(casesMessages);
  const lang = useLang();
  const [params] = useSearchParams();
  const value = (name: string) => params.get(name) ?? "";
  return (
    <Form
      method="get"
      className="mb-4 grid grid-cols-2 gap-3 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-4"
      aria-label={m("filter.label")}
    >
      <label className="col-span-2 flex flex-col">
        {m("filter.q")}
        <input name="q" defaultValue={value("q")} maxLength={100} className={control} placeholder="nguyen van a" />
      </label>
      {provinces.length ? (
        <label className="flex flex-col">
          {m("filter.province")}
          <select name="province" defaultValue={value("province")} className={control}>
            <option value="">{m("filter.nationwide")}</option>
            {provinces.map((p) => (
              <option key={p.code} value={p.code}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <label className="flex flex-col">
        {m("list.col.status")}
        <select name="status" defaultValue={value("status")} className={control}>
          <option value="">{m("filter.all")}</option>
          {CASE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {CASE_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
        {m("filter.category")}
        <select name="category" defaultValue={value("category")} className={control}>
          <option value="">{m("filter.all")}</option>
          <option value="bank_credit">{m("filter.category.bankCredit")}</option>
          <option value="corruption">{m("filter.category.corruption")}</option>
        </select>
      </label>
      <label className="flex flex-col">
        {m("filter.judgmentType")}
        <select name="judgmentType" defaultValue={value("judgmentType")} className={control}>
          <option value="">{m("filter.all")}</option>
          {JUDGMENT_TYPES.map((j) => (
            <option key={j} value={j}>
              {JUDGMENT_TYPE_LABELS[j]?.[lang] ?? j}
            </option>
          ))}
        </select>
      </label>
      {executors ? <ExecutorSelect executors={executors} selected={selectedExecutor} /> : <ExecutorSearch selected={selectedExecutor} />}
      <label className="flex flex-col">
        {m("filter.moneyMin")}
        <input name="moneyMin" defaultValue={value("moneyMin")} inputMode="numeric" className={control} />
      </label>
      <label className="flex flex-col">
        {m("filter.moneyMax")}
        <input name="moneyMax" defaultValue={value("moneyMax")} inputMode="numeric" className={control} />
      </label>
      <label className="flex flex-col">
        {m("filter.from")}
        <input name="from" defaultValue={value("from")} placeholder="dd/mm/yyyy" className={control} />
      </label>
      <label className="flex flex-col">
        {m("filter.to")}
        <input name="to" defaultValue={value("to")} placeholder="dd/mm/yyyy" className={control} />
      </label>
      <label className="flex flex-col">
        {m("filter.sort")}
        <select name="sort" defaultValue={params.get("sort") ?? "accepted_desc"} className={control}>
          <option value="accepted_desc">{m("filter.sort.acceptedDesc")}</option>
          <option value="money_desc">{m("filter.sort.moneyDesc")}</option>
          <option value="deadline_asc">{m("filter.sort.deadlineAsc")}</option>
        </select>
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="overdue" value="1" defaultChecked={params.get("overdue") === "1"} />
        {m("filter.overdue")}
      </label>
      <label className="flex items-center gap-2">
        <input type="checkbox" name="open" value="1" defaultChecked={params.get("open") === "1"} />
        {m("filter.open")}
      </label>
      {params.get("unit") ? <input type="hidden" name="unit" value={value("unit")} /> : null}
      <div className="flex items-end">
        <button type="submit" className="rounded bg-slate-800 px-4 py-1.5 text-white">
          {m("filter.submit")}
        </button>
      </div>
    </Form>
  );
}

type ExecutorChoice = { id: string; full_name: string };

/** The executor filter's choices: "all", the one chosen (kept though not listed), then the others. */
function ExecutorOptions({ choices, selected }: { choices: ExecutorChoice[]; selected: ExecutorChoice | null }) {
  const m = useMessages(casesMessages);
  const all = selected && !choices.some((c) => c.id === selected.id) ? [selected, ...choices] : choices;
  return (
    <>
      <option value="">{m("filter.all")}</option>
      {all.map((e) => (
        <option key={e.id} value={e.id}>
          {e.full_name}
        </option>
      ))}
    </>
  );
}

/** One unit's executors, all offered. */
function ExecutorSelect({ executors, selected }: { executors: ExecutorChoice[]; selected: ExecutorChoice | null }) {
  const m = useMessages(casesMessages);
  const [params] = useSearchParams();
  return (
    <label className="flex flex-col">
      {m("executor")}
      <select name="executor" defaultValue={params.get("executor") ?? ""} className={control}>
        <ExecutorOptions choices={executors} selected={selected} />
      </select>
    </label>
  );
}

/** A province's or the nation's executors: found by name as it is typed (`/cases/executors`), then chosen. */
function ExecutorSearch({ selected }: { selected: ExecutorChoice | null }) {
  const m = useMessages(casesMessages);
  const [params] = useSearchParams();
  const fetcher = useFetcher<{ executors: ExecutorChoice[] }>();
  const select = useRef<HTMLSelectElement>(null);
  const found = fetcher.data?.executors ?? [];
  return (
    <div className="col-span-2 grid grid-cols-2 gap-3">
      <label className="flex flex-col">
        {m("filter.executorSearch")}
        <input
          type="search"
          maxLength={100}
          aria-describedby="executor-search-hint"
          className={control}
          onChange={(e) => {
            const q = e.currentTarget.value.trim();
            if (q.length >= 2) fetcher.load(`/cases/executors?q=${encodeURIComponent(q)}`);
          }}
          onKeyDown={(e) => {
            // Enter picks the first name found rather than sending the whole form.
            if (e.key === "Enter" && found[0] && select.current) {
              e.preventDefault();
              select.current.value = found[0].id;
            }
          }}
        />
        <span id="executor-search-hint" className="text-xs text-slate-600">
          {m("filter.executorSearch.hint")}
        </span>
      </label>
      <label className="flex flex-col">
        {m("executor")}
        <select
          ref={select}
          key={found.map((e) => e.id).join()}
          name="executor"
          defaultValue={found.length ? found[0]!.id : (params.get("executor") ?? "")}
          className={control}
        >
          <ExecutorOptions choices={found} selected={selected} />
        </select>
      </label>
    </div>
  );
}

/** An executor's "my cases" filter: on, with a way to clear it for the unit's list; off, with a way back. */
export function MyCasesToggle({ me }: { me: string }) {
  const m = useMessages(casesMessages);
  const [params] = useSearchParams();
  const mine = params.get("executor") === me;
  return (
    <p className="mb-3 flex flex-wrap items-center gap-3 text-sm" data-testid="my-cases">
      {mine ? <span className="rounded bg-sky-100 px-2 py-1 font-semibold text-sky-900">{m("mine.on")}</span> : null}
      <Link className="text-blue-800 underline" to={mine ? "/cases?executor=" : `/cases?executor=${me}`}>
        {m(mine ? "mine.clear" : "mine.set")}
      </Link>
    </p>
  );
}

/**
 * The banner of a list opened from a statistics figure: which figure, of which unit, for which
 * period, and how many; for a money figure, the money the whole list makes up (the figure's value).
 */
export function FigureCaption({
  figure: f,
  total,
  capped,
  moneyTotal,
}: {
  figure: { figure: DrillFigure; side: "cases" | "money"; unitCode: string | null; unitName: string | null; from: string; to: string };
  total: number;
  capped: boolean;
  moneyTotal: string | null;
}) {
  const lang = useLang();
  const m = useMessages(casesMessages);
  const values = {
    figure: DRILL_FIGURE_LABELS[f.figure][lang],
    unit: f.unitName ?? f.unitCode ?? m("list.figure.nation"),
    from: formatDateVi(f.from),
    to: formatDateVi(f.to),
    count: `${formatCount(total)}${capped ? "+" : ""}`,
  };
  return (
    <p
      role="note"
      data-testid="figure-caption"
      data-side={f.side}
      data-money={moneyTotal ?? undefined}
      className="mb-4 rounded border border-amber-300 bg-brand-50 p-3 text-sm"
    >
      {f.side === "money" && moneyTotal !== null
        ? m("list.figure.money", { ...values, money: formatDong(moneyTotal) })
        : m("list.figure", values)}
    </p>
  );
}
