import type { ReactNode } from "react";
import { Form, useActionData, useNavigation, useRouteLoaderData } from "react-router";
import { FLAG_REASONS, FLAG_REASON_LABELS, FORCE_KINDS, FORCE_LABELS, formatDateVi, type DirectiveStatus } from "@thads/domain";
import type { Lang } from "../i18n.ts";
import type { DirectiveRow } from "@thads/core/steering";
import type { SteeringActionData } from "./steering.server.ts";

/*
 * Pieces shared by the steering committees' pages: a form that posts one
 * steering step (CSRF token, intent, error display), fields, the directive
 * list with its answer form, and labels.
 */

export const FLAG_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  proposed: { vi: "Chờ Ban Chỉ đạo xem xét", en: "Awaiting the committee" },
  accepted: { vi: "Đang theo dõi", en: "On the watchlist" },
  declined: { vi: "Không tiếp nhận", en: "Declined" },
  removed: { vi: "Đã đưa ra khỏi danh sách", en: "Removed from the list" },
};

export const COERCION_STATUS_LABELS: Record<string, { vi: string; en: string }> = {
  planned: { vi: "Chờ phê duyệt", en: "Awaiting approval" },
  approved: { vi: "Đã phê duyệt", en: "Approved" },
  rejected: { vi: "Không phê duyệt", en: "Rejected" },
  done: { vi: "Đã thực hiện", en: "Carried out" },
  cancelled: { vi: "Đã hủy", en: "Cancelled" },
};

export const DIRECTIVE_STATE_LABELS: Record<DirectiveStatus, { vi: string; en: string }> = {
  open: { vi: "Đang thực hiện", en: "Open" },
  due_soon: { vi: "Sắp đến hạn", en: "Due soon" },
  overdue: { vi: "Quá hạn", en: "Overdue" },
  answered: { vi: "Đã trả lời", en: "Answered" },
  answered_late: { vi: "Đã trả lời (trễ hạn)", en: "Answered late" },
};

export function reasonLabel(reason: string, lang: Lang) {
  return FLAG_REASON_LABELS[reason as keyof typeof FLAG_REASON_LABELS]?.[lang] ?? reason;
}

export function DirectiveBadge({ state, lang }: { state: DirectiveStatus; lang: Lang }) {
  const tone =
    state === "overdue" ? "bg-red-100 text-red-800 border-red-300"
    : state === "due_soon" ? "bg-amber-100 text-amber-900 border-amber-300"
    : state === "answered" ? "bg-emerald-100 text-emerald-800 border-emerald-300"
    : state === "answered_late" ? "bg-orange-100 text-orange-900 border-orange-300"
    : "bg-slate-100 text-slate-800 border-slate-300";
  return <span data-testid="directive-state" data-state={state} className={`rounded border px-2 py-0.5 text-xs font-semibold ${tone}`}>{DIRECTIVE_STATE_LABELS[state][lang]}</span>;
}

/** A form posting one steering step. */
export function StepForm({ intent, children, submit, className, target }: { intent: string; children: ReactNode; submit: string; className?: string; target?: string }) {
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const a = useActionData<SteeringActionData>();
  const nav = useNavigation();
  const mine = a?.intent === intent && (!target || !a.target || a.target === target) ? a : undefined;
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === intent;
  return (
    <Form method="post" className={className ?? "grid grid-cols-1 gap-3 md:grid-cols-2"} data-intent={intent}>
      <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
      <input type="hidden" name="intent" value={intent} />
      {mine?.formError ? <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{mine.formError}</p> : null}
      {children}
      <div className="col-span-full">
        <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">{submit}</button>
      </div>
    </Form>
  );
}

export function useFieldError(intent: string, target?: string) {
  const a = useActionData<SteeringActionData>();
  return (name: string) => (a?.intent === intent && (!target || !a.target || a.target === target) ? a.fieldErrors?.[name] : undefined);
}

export function Field({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    <label className="flex flex-col gap-1 text-sm">
      <span>{label}</span>
      {children}
      {error ? <span className="text-red-700" role="alert">{error}</span> : null}
    </label>
  );
}

export const inputCls = "rounded border border-slate-300 px-2 py-1";

export function ReasonSelect({ lang, defaultValue }: { lang: Lang; defaultValue?: string }) {
  return (
    <select name="reason" className={inputCls} defaultValue={defaultValue ?? ""}>
      <option value="" disabled>{lang === "vi" ? "— chọn —" : "— choose —"}</option>
      {FLAG_REASONS.map((r) => <option key={r} value={r}>{FLAG_REASON_LABELS[r][lang]}</option>)}
    </select>
  );
}

export function ForceRows({ lang }: { lang: Lang }) {
  const defaults = ["police", "local_authority", "enforcement_staff"];
  return (
    <fieldset className="col-span-full grid grid-cols-2 gap-2 md:grid-cols-3">
      <legend className="mb-1 text-sm">{lang === "vi" ? "Lực lượng đề nghị huy động (số người)" : "Forces requested (people)"}</legend>
      {defaults.map((k, i) => (
        <div key={i} className="flex gap-2">
          <select name="forceKind" defaultValue={k} className={inputCls} aria-label={lang === "vi" ? "Lực lượng" : "Force"}>
            {FORCE_KINDS.map((f) => <option key={f} value={f}>{FORCE_LABELS[f][lang]}</option>)}
          </select>
          <input name="forceCount" inputMode="numeric" className={`${inputCls} w-20`} aria-label={lang === "vi" ? "Số người" : "People"} />
        </div>
      ))}
    </fieldset>
  );
}

export function forcesText(forces: { kind: string; count: number }[], lang: Lang) {
  return forces.map((f) => `${FORCE_LABELS[f.kind as keyof typeof FORCE_LABELS]?.[lang] ?? f.kind}: ${f.count}`).join(", ");
}

/** Directives with their state, and the answer form (for the addressee) or the revision form (for the committee). */
export function DirectiveList({ items, lang, answerable, showCase, revisable }: {
  items: (DirectiveRow & { canAnswer?: boolean })[]; lang: Lang; answerable: boolean; showCase?: boolean; revisable?: boolean;
}) {
  const vi = lang === "vi";
  if (items.length === 0) return <p className="text-slate-600">{vi ? "Chưa có ý kiến chỉ đạo." : "No directives."}</p>;
  return (
    <ul className="space-y-3" data-testid="directive-list">
      {items.map((d) => (
        <li key={d.id} data-testid="directive" data-directive-id={d.id}
            className={`rounded-lg border bg-white p-3 shadow-sm ${d.state === "overdue" ? "border-red-400 ring-1 ring-red-300" : "border-slate-200"}`}>
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <DirectiveBadge state={d.state} lang={lang} />
            <span className="font-semibold">{d.committee_name}</span>
            <span>· {vi ? "Gửi" : "To"}: {d.addressee_name ?? "—"}</span>
            <span>· {vi ? "Ngày" : "Issued"} {formatDateVi(d.issued_on)}</span>
            <span className={d.state === "overdue" ? "font-semibold text-red-700" : ""}>· {vi ? "Thời hạn" : "Due"} {formatDateVi(d.due_on)}</span>
            {showCase && d.case_number ? <span>· {vi ? "Việc" : "Case"} {d.case_number}</span> : null}
          </div>
          <p className="mt-2 whitespace-pre-line">{d.body}</p>
          {d.revised_on ? (
            <p className="mt-1 text-xs text-slate-600" data-testid="directive-revision">
              {vi ? `Đã sửa ngày ${formatDateVi(d.revised_on)}: ` : `Revised on ${formatDateVi(d.revised_on)}: `}{d.revision_note}
            </p>
          ) : null}
          {revisable && !d.answer ? <ReviseForm directive={d} lang={lang} /> : null}
          {d.answer ? (
            <p className="mt-2 rounded bg-emerald-50 p-2 text-sm" data-testid="directive-answer">
              <span className="font-semibold">{vi ? "Trả lời" : "Answer"} ({formatDateVi(d.answered_on!)}):</span> {d.answer}
            </p>
          ) : answerable && d.canAnswer !== false ? (
            <div className="mt-2">
              <AnswerForm id={d.id} version={d.version} lang={lang} />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

function ReviseForm({ directive: d, lang }: { directive: DirectiveRow; lang: Lang }) {
  const vi = lang === "vi";
  const err = useFieldError("steering_revise", d.id);
  return (
    <details className="mt-2 text-sm" open={Boolean(err("body") || err("dueOn") || err("revisionNote"))}>
      <summary className="cursor-pointer text-brand-700 underline">{vi ? "Sửa ý kiến chỉ đạo" : "Revise the directive"}</summary>
      <StepForm intent="steering_revise" target={d.id} submit={vi ? "Lưu sửa đổi" : "Save the revision"} className="mt-2 grid grid-cols-1 gap-2 md:grid-cols-2">
        <input type="hidden" name="directiveId" value={d.id} />
        <input type="hidden" name="expectedVersion" value={d.version} />
        <Field label={vi ? "Nội dung ý kiến chỉ đạo" : "Directive"} error={err("body")}>
          <textarea name="body" rows={3} defaultValue={d.body} className={inputCls} />
        </Field>
        <Field label={vi ? "Thời hạn thực hiện (dd/mm/yyyy)" : "Deadline (dd/mm/yyyy)"} error={err("dueOn")}>
          <input name="dueOn" defaultValue={formatDateVi(d.due_on)} className={inputCls} placeholder="dd/mm/yyyy" />
        </Field>
        <Field label={vi ? "Lý do sửa" : "Reason for the revision"} error={err("revisionNote")}>
          <input name="revisionNote" className={inputCls} />
        </Field>
      </StepForm>
    </details>
  );
}

function AnswerForm({ id, version, lang }: { id: string; version: number; lang: Lang }) {
  const vi = lang === "vi";
  const err = useFieldError("steering_answer", id);
  return (
    <StepForm intent="steering_answer" target={id} submit={vi ? "Gửi trả lời" : "Send answer"} className="grid grid-cols-1 gap-2">
      <input type="hidden" name="directiveId" value={id} />
      <input type="hidden" name="expectedVersion" value={version} />
      <Field label={vi ? "Nội dung trả lời" : "Answer"} error={err("answer")}>
        <textarea name="answer" rows={2} className={inputCls} />
      </Field>
    </StepForm>
  );
}

/** On a head's home: directives of steering committees addressed to the unit(s). */
export function DirectivesCallout({ summary, lang }: { summary: { open: number; overdue: number }; lang: Lang }) {
  const vi = lang === "vi";
  if (summary.open === 0)
    return (
      <p className="mb-6 text-sm" data-testid="steering-link">
        <a href="/steering/tasks" className="text-blue-800 underline">{vi ? "Ban Chỉ đạo THADS: ý kiến chỉ đạo, vụ việc được theo dõi, gợi ý đề xuất" : "Steering committee: directives, flagged cases, suggestions"}</a>
      </p>
    );
  return (
    <p data-testid="directives-callout" className={`mb-6 rounded border p-3 text-sm ${summary.overdue ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}>
      {vi ? `Ý kiến chỉ đạo của Ban Chỉ đạo chưa trả lời: ${summary.open}` : `Open steering directives: ${summary.open}`}
      {summary.overdue ? <strong className="text-red-700">{vi ? ` (${summary.overdue} quá hạn)` : ` (${summary.overdue} overdue)`}</strong> : null}
      {" · "}<a href="/steering/tasks" className="text-blue-800 underline">{vi ? "Xem nhiệm vụ" : "See tasks"}</a>
    </p>
  );
}
