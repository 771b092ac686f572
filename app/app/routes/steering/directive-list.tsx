import type { DirectiveStatus } from "@thads/domain";
import { formatDateVi } from "@thads/domain/labels";
import { useMessages } from "../../i18n.ts";
import type { DirectiveRow } from "@thads/core/steering";
import { steeringMessages } from "./messages.ts";
import { StepForm, WrappingField, inputCls, useFieldError } from "./steering-ui.tsx";

export function DirectiveBadge({ state }: { state: DirectiveStatus }) {
  const m = useMessages(steeringMessages);
  const tone =
    state === "overdue"
      ? "bg-red-100 text-red-800 border-red-300"
      : state === "due_soon"
        ? "bg-amber-100 text-amber-900 border-amber-300"
        : state === "answered"
          ? "bg-emerald-100 text-emerald-800 border-emerald-300"
          : state === "answered_late"
            ? "bg-orange-100 text-orange-900 border-orange-300"
            : "bg-slate-100 text-slate-800 border-slate-300";
  return (
    <span data-testid="directive-state" data-state={state} className={`rounded border px-2 py-0.5 text-xs font-semibold ${tone}`}>
      {m(`directiveState.${state}`)}
    </span>
  );
}

/** Directives with their state, and the answer form (for the addressee) or the revision form (for the committee). */
export function DirectiveList({
  items,
  answerable,
  showCase,
  revisable,
}: {
  items: (DirectiveRow & { canAnswer?: boolean })[];
  answerable: boolean;
  showCase?: boolean;
  revisable?: boolean;
}) {
  const m = useMessages(steeringMessages);
  if (items.length === 0) return <p className="text-slate-600">{m("directive.none")}</p>;
  return (
    <ul className="space-y-3" data-testid="directive-list">
      {items.map((d) => (
        <li
          key={d.id}
          data-testid="directive"
          data-directive-id={d.id}
          className={`rounded-lg border bg-white p-3 shadow-sm ${d.state === "overdue" ? "border-red-400 ring-1 ring-red-300" : "border-slate-200"}`}
        >
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <DirectiveBadge state={d.state} />
            <span className="font-semibold">{d.committee_name}</span>
            <span>
              · {m("directive.to")}: {d.addressee_name ?? "—"}
            </span>
            <span>
              · {m("directive.issuedOn")} {formatDateVi(d.issued_on)}
            </span>
            <span className={d.state === "overdue" ? "font-semibold text-red-700" : ""}>
              · {m("directive.dueOn")} {formatDateVi(d.due_on)}
            </span>
            {showCase && d.case_number ? (
              <span>
                · {m("directive.case")} {d.case_number}
              </span>
            ) : null}
          </div>
          <p className="mt-2 whitespace-pre-line">{d.body}</p>
          {d.revised_on ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="directive-revision">
              {`${m("directive.revisedOn", { date: formatDateVi(d.revised_on) })} `}
              {d.revision_note}
            </p>
          ) : null}
          {revisable && !d.answer ? <ReviseForm directive={d} /> : null}
          {d.answer ? (
            <p className="mt-2 rounded bg-emerald-50 p-2 text-sm" data-testid="directive-answer">
              <span className="font-semibold">
                {m("directive.answer")} ({formatDateVi(d.answered_on!)}):
              </span>{" "}
              {d.answer}
            </p>
          ) : answerable && d.canAnswer !== false ? (
            <div className="mt-2">
              <AnswerForm id={d.id} version={d.version} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ReviseForm({ directive: d }: { directive: DirectiveRow }) {
  const m = useMessages(steeringMessages);
  const err = useFieldError("steering_revise", d.id);
  return (
    <details className="mt-2 text-sm" open={Boolean(err("body") || err("dueOn") || err("revisionNote"))}>
      <summary className="cursor-pointer text-brand-700 underline">{m("revise.open")}</summary>
      <StepForm intent="steering_revise" target={d.id} submit={m("revise.submit")} className="mt-2 grid grid-cols-1 gap-2 md:grid-cols-2">
        <input type="hidden" name="directiveId" value={d.id} />
        <input type="hidden" name="expectedVersion" value={d.version} />
        <WrappingField label={m("directive.body")} error={err("body")}>
          <textarea name="body" rows={3} defaultValue={d.body} className={inputCls} />
        </WrappingField>
        <WrappingField label={m("directive.deadline")} error={err("dueOn")}>
          <input name="dueOn" defaultValue={formatDateVi(d.due_on)} className={inputCls} placeholder="dd/mm/yyyy" />
        </WrappingField>
        <WrappingField label={m("revise.note")} error={err("revisionNote")}>
          <input name="revisionNote" className={inputCls} />
        </WrappingField>
      </StepForm>
    </details>
  );
}

function AnswerForm({ id, version }: { id: string; version: number }) {
  const m = useMessages(steeringMessages);
  const err = useFieldError("steering_answer", id);
  return (
    <StepForm intent="steering_answer" target={id} submit={m("answer.submit")} className="grid grid-cols-1 gap-2">
      <input type="hidden" name="directiveId" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <WrappingField label={m("answer.label")} error={err("answer")}>
        <textarea name="answer" rows={2} className={inputCls} />
      </WrappingField>
    </StepForm>
  );
}
