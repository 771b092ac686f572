import { formatDateVi, formatTrackingCode, PROCEDURES, REQUEST_STATUS_LABELS } from "@thads/domain/labels";
import type { ShownRequest } from "./track.tsx";
import { AppForm, Field, FieldError, fieldProps } from "../../components/form.tsx";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS } from "../complaints/messages.ts";

const dayOf = new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" });

/** A tracked request: status, dates, result, history and, once closed and not yet rated, the rating form. */
export function TrackResult({
  request: r,
  code,
  factor,
  rated,
  scoreError,
}: {
  request: ShownRequest;
  code: string;
  factor: string;
  rated?: string;
  scoreError?: string;
}) {
  const m = useMessages(publicMessages);
  const lang = useLang();
  const closed = r.status === "returned" || r.status === "rejected";
  const due = r.due;
  const late = due && (due.state === "late" || due.state === "overdue");
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="tracked">
      <p className="font-mono text-sm">{formatTrackingCode(r.code)}</p>
      <h2 className="text-lg font-semibold">
        {PROCEDURES[r.kind].name[lang]} · {r.unitName}
      </h2>
      <p className="mt-1">
        {m("track.status")}
        <strong data-testid="tracked-status">{REQUEST_STATUS_LABELS[r.status][lang]}</strong>
      </p>
      <p className="text-sm">{m("track.filedOn", { date: formatDateVi(r.submittedOn) })}</p>
      {r.dueOn ? (
        <p className="text-sm">
          {m("track.dueOn", { date: formatDateVi(r.dueOn) })}
          {late ? ` ${m("track.late")}` : ""}
        </p>
      ) : null}
      {r.resultNote ? (
        <p className="mt-2 whitespace-pre-line rounded bg-slate-50 p-2 text-sm" data-testid="tracked-result">
          {r.resultNote}
        </p>
      ) : null}
      {r.letter ? (
        <Section title={m("track.letter")}>
          <div className="space-y-1 text-sm" data-testid="tracked-letter">
            <p className="font-mono">{m("track.letter.code", { code: formatTrackingCode(r.letter.code) })}</p>
            <p>
              {r.letter.kind ? `${KIND_LABELS[r.letter.kind][lang]} · ` : ""}
              <strong data-testid="tracked-letter-status">{STATUS_LABELS[r.letter.status][lang]}</strong>
            </p>
            <p>{m("track.letter.receivedOn", { date: formatDateVi(r.letter.receivedOn) })}</p>
            {r.letter.acceptedOn ? <p>{m("track.letter.acceptedOn", { date: formatDateVi(r.letter.acceptedOn) })}</p> : null}
            {r.letter.dueOn ? <p>{m("track.letter.dueOn", { date: formatDateVi(r.letter.dueOn) })}</p> : null}
            {r.letter.resolvedOn ? <p>{m("track.letter.resolvedOn", { date: formatDateVi(r.letter.resolvedOn) })}</p> : null}
            {r.letter.outcome ? (
              <p>
                {m("track.letter.outcome")}
                <strong data-testid="tracked-letter-outcome">{OUTCOME_LABELS[r.letter.outcome][lang]}</strong>
              </p>
            ) : null}
          </div>
        </Section>
      ) : null}
      <Section title={m("track.history")}>
        <ol className="space-y-1 text-sm" data-testid="tracked-history">
          {r.history.map((h, i) => (
            <li key={i}>
              {formatDateVi(dayOf.format(new Date(h.at)))} · {REQUEST_STATUS_LABELS[h.status][lang]}
            </li>
          ))}
        </ol>
      </Section>
      {rated ? (
        <p role="status" className="mt-4 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm">
          {rated}
        </p>
      ) : null}
      {closed && !r.rated ? (
        <AppForm className="mt-4 space-y-2 rounded border border-slate-200 p-3" noValidate>
          <input type="hidden" name="intent" value="rate" />
          <input type="hidden" name="code" value={code} />
          <input type="hidden" name="factor" value={factor} />
          <fieldset>
            <legend className="text-sm font-semibold">{m("track.satisfaction")}</legend>
            <div className="flex gap-3">
              {[1, 2, 3, 4, 5].map((s) => (
                <label key={s} className="flex items-center gap-1 text-sm">
                  <input type="radio" name="score" value={s} />
                  {s}
                </label>
              ))}
            </div>
            <FieldError name="score" error={scoreError} />
          </fieldset>
          <Field name="comment" label={m("track.comment")} className="text-sm">
            <textarea {...fieldProps("comment")} rows={2} maxLength={1000} className="w-full rounded border border-slate-300 px-2 py-1" />
          </Field>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">
            {m("track.rate")}
          </button>
        </AppForm>
      ) : null}
    </div>
  );
}
