import type { ReactNode } from "react";
import { useActionData, useNavigation } from "react-router";
import { FLAG_REASONS, FLAG_REASON_LABELS, FORCE_KINDS, FORCE_LABELS } from "@thads/domain/labels";
import { AppForm } from "../../components/form.tsx";
import { useMessages, type Lang } from "../../i18n.ts";
import { labelKey, steeringMessages, type SteeringKey } from "./messages.ts";
import type { SteeringActionData } from "./refusal.server.ts";

/*
 * Pieces shared by the steering committees' pages: a form that posts one
 * steering step (form token, intent, error display), fields and labels. The
 * directive list with its answer and revision forms is in directive-list.tsx.
 */

/** A status's or kind's label through the catalog (`label(m, "flagStatus", "accepted")`); undefined for a value it does not name. */
export function label(m: (key: SteeringKey) => string, group: Parameters<typeof labelKey>[0], value: string): string | undefined {
  const key = labelKey(group, value);
  return key ? m(key) : undefined;
}

export function reasonLabel(reason: string, lang: Lang) {
  return FLAG_REASON_LABELS[reason as keyof typeof FLAG_REASON_LABELS]?.[lang] ?? reason;
}

/** A form posting one steering step, through the app's form (it carries the form token). */
export function StepForm({
  intent,
  children,
  submit,
  className,
  target,
}: {
  intent: string;
  children: ReactNode;
  submit: string;
  className?: string;
  target?: string;
}) {
  const a = useActionData<SteeringActionData>();
  const nav = useNavigation();
  const mine = a?.intent === intent && (!target || !a.target || a.target === target) ? a : undefined;
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === intent;
  return (
    <AppForm className={className ?? "grid grid-cols-1 gap-3 md:grid-cols-2"} data-intent={intent}>
      <input type="hidden" name="intent" value={intent} />
      {mine?.formError ? (
        <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">
          {mine.formError}
        </p>
      ) : null}
      {children}
      <div className="col-span-full">
        <button
          type="submit"
          disabled={busy}
          className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
        >
          {submit}
        </button>
      </div>
    </AppForm>
  );
}

export function useFieldError(intent: string, target?: string) {
  const a = useActionData<SteeringActionData>();
  return (name: string) => (a?.intent === intent && (!target || !a.target || a.target === target) ? a.fieldErrors?.[name] : undefined);
}

/**
 * A field whose label wraps its control and error. Step forms repeat on a
 * page (an answer and a revision form per directive, a decline
 * form per proposal) with the same field names, so the label does not point
 * at an id, which would not be unique.
 */
export function WrappingField({ label, error, children }: { label: string; error?: string; children: ReactNode }) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control is the child passed in; a wrapping label names it
    <label className="flex flex-col gap-1 text-sm">
      <span>{label}</span>
      {children}
      {error ? (
        <span className="text-red-700" role="alert">
          {error}
        </span>
      ) : null}
    </label>
  );
}

export const inputCls = "rounded border border-slate-300 px-2 py-1";

export function ReasonSelect({ lang, defaultValue }: { lang: Lang; defaultValue?: string }) {
  const m = useMessages(steeringMessages);
  return (
    <select name="reason" className={inputCls} defaultValue={defaultValue ?? ""}>
      <option value="" disabled>
        {m("common.choose")}
      </option>
      {FLAG_REASONS.map((r) => (
        <option key={r} value={r}>
          {FLAG_REASON_LABELS[r][lang]}
        </option>
      ))}
    </select>
  );
}

export function ForceRows({ lang }: { lang: Lang }) {
  const m = useMessages(steeringMessages);
  const defaults = ["police", "local_authority", "enforcement_staff"];
  return (
    <fieldset className="col-span-full grid grid-cols-2 gap-2 md:grid-cols-3">
      <legend className="mb-1 text-sm">{m("forces.legend")}</legend>
      {defaults.map((k, i) => (
        <div key={i} className="flex gap-2">
          <select name="forceKind" defaultValue={k} className={inputCls} aria-label={m("forces.kind")}>
            {FORCE_KINDS.map((f) => (
              <option key={f} value={f}>
                {FORCE_LABELS[f][lang]}
              </option>
            ))}
          </select>
          <input name="forceCount" inputMode="numeric" className={`${inputCls} w-20`} aria-label={m("forces.count")} />
        </div>
      ))}
    </fieldset>
  );
}

export function forcesText(forces: { kind: string; count: number }[], lang: Lang) {
  return forces.map((f) => `${FORCE_LABELS[f.kind as keyof typeof FORCE_LABELS]?.[lang] ?? f.kind}: ${f.count}`).join(", ");
}

/**
 * On a head's home: directives of steering committees addressed to the unit(s).
 * The text follows the page's language; `lang` is accepted for the callers that still pass it.
 */
export function DirectivesCallout({ summary }: { summary: { open: number; overdue: number }; lang?: Lang }) {
  const m = useMessages(steeringMessages);
  if (summary.open === 0)
    return (
      <p className="mb-6 text-sm" data-testid="steering-link">
        <a href="/steering/tasks" className="text-blue-800 underline">
          {m("callout.link")}
        </a>
      </p>
    );
  return (
    <p
      data-testid="directives-callout"
      className={`mb-6 rounded border p-3 text-sm ${summary.overdue ? "border-red-300 bg-red-50" : "border-amber-300 bg-amber-50"}`}
    >
      {m("callout.open", { count: summary.open })}
      {summary.overdue ? <strong className="text-red-700">{` ${m("common.overdueCount", { count: summary.overdue })}`}</strong> : null}
      {" · "}
      <a href="/steering/tasks" className="text-blue-800 underline">
        {m("callout.tasks")}
      </a>
    </p>
  );
}
