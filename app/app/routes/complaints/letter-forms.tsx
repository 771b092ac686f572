import { Link } from "react-router";
import type { LetterDocument, RelatedLetter } from "@thads/core/complaints";
import { formatDateVi } from "@thads/domain/labels";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { ACT_LABELS, KIND_LABELS, OUTCOME_LABELS, STATUS_LABELS, complaintMessages } from "./messages.ts";

export type ActionData = { intent?: string; formError?: string; fieldErrors?: Record<string, string> };
type Errors = Record<string, string> | undefined;

const INPUT = "w-full rounded border border-slate-300 px-2 py-1";

function TextField({ name, label, errors }: { name: string; label: string; errors: Errors }) {
  const e = errors?.[name];
  return (
    <Field name={name} label={label} error={e}>
      <input {...fieldProps(name, e)} className={INPUT} />
    </Field>
  );
}

/** Classification and routing: the kind, whose act, the act and its date; forwarding when not within competence. */
export function ClassifyForm({ version, units, errors }: { version: number; units: { id: string; name: string }[]; errors: Errors }) {
  const m = useMessages(complaintMessages);
  const lang = useLang();
  return (
    <Section title={m("letter.classify")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="classify-form">
        <input type="hidden" name="intent" value="classify" />
        <input type="hidden" name="version" value={version} />
        <Field name="kind" label={m("form.kind")} error={errors?.kind}>
          <select {...fieldProps("kind", errors?.kind)} className={INPUT}>
            {Object.entries(KIND_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <Field name="actorUnitId" label={m("form.actorUnit")} error={errors?.actorUnitId}>
          <select {...fieldProps("actorUnitId", errors?.actorUnitId)} className={INPUT}>
            <option value="">—</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </select>
        </Field>
        <Field name="actorRole" label={m("form.actorRole")} error={errors?.actorRole}>
          <select {...fieldProps("actorRole", errors?.actorRole)} className={INPUT}>
            <option value="">—</option>
            <option value="executor">{m("form.actorRole.executor")}</option>
            <option value="head">{m("form.actorRole.head")}</option>
          </select>
        </Field>
        <Field name="actKind" label={m("form.actKind")} error={errors?.actKind}>
          <select {...fieldProps("actKind", errors?.actKind)} className={INPUT}>
            <option value="">—</option>
            {Object.entries(ACT_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <TextField name="actKnownOn" label={m("form.actKnownOn")} errors={errors} />
        <Field name="round" label={m("form.round")} error={errors?.round}>
          <select {...fieldProps("round", errors?.round)} className={INPUT}>
            <option value="1">{m("form.round.first")}</option>
            <option value="2">{m("form.round.second")}</option>
          </select>
        </Field>
        <TextField name="firstDecisionOn" label={m("form.firstDecisionOn")} errors={errors} />
        <TextField name="forwardTo" label={m("form.forwardTo")} errors={errors} />
        <TextField name="forwardingLetterNo" label={m("form.forwardingLetterNo")} errors={errors} />
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="classify-submit">
          {m("letter.save")}
        </button>
      </AppForm>
    </Section>
  );
}

export function AcceptForm({ version, denunciation, errors }: { version: number; denunciation: boolean; errors: Errors }) {
  const m = useMessages(complaintMessages);
  return (
    <Section title={m("letter.accept")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="accept-form">
        <input type="hidden" name="intent" value="accept" />
        <input type="hidden" name="version" value={version} />
        <TextField name="acceptedOn" label={m("form.acceptedOn")} errors={errors} />
        {denunciation ? (
          <Field name="complexity" label={m("form.complexity")} error={errors?.complexity}>
            <select {...fieldProps("complexity", errors?.complexity)} className={INPUT}>
              <option value="normal">{m("form.complexity.normal")}</option>
              <option value="complex">{m("form.complexity.complex")}</option>
              <option value="very_complex">{m("form.complexity.veryComplex")}</option>
            </select>
          </Field>
        ) : (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="extended" /> {m("form.extended")}
          </label>
        )}
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="accept-submit">
          {m("letter.accept")}
        </button>
      </AppForm>
    </Section>
  );
}

export function ResolveForm({ version, errors }: { version: number; errors: Errors }) {
  const m = useMessages(complaintMessages);
  const lang = useLang();
  return (
    <Section title={m("letter.resolve")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="resolve-form">
        <input type="hidden" name="intent" value="resolve" />
        <input type="hidden" name="version" value={version} />
        <TextField name="resolvedOn" label={m("form.resolvedOn")} errors={errors} />
        <Field name="outcome" label={m("form.outcome")} error={errors?.outcome}>
          <select {...fieldProps("outcome", errors?.outcome)} className={INPUT}>
            {Object.entries(OUTCOME_LABELS).map(([k, v]) => (
              <option key={k} value={k}>
                {v[lang]}
              </option>
            ))}
          </select>
        </Field>
        <TextField name="decisionNo" label={m("form.decisionNo")} errors={errors} />
        <TextField name="note" label={m("form.note")} errors={errors} />
        <Field name="caseEffect" label={m("letter.caseEffect")} error={errors?.caseEffect}>
          <select {...fieldProps("caseEffect", errors?.caseEffect)} className={INPUT}>
            <option value="none">{m("form.caseEffect.none")}</option>
            <option value="step_annulled">{m("form.caseEffect.stepAnnulled")}</option>
            <option value="step_redone">{m("form.caseEffect.stepRedone")}</option>
          </select>
        </Field>
        <TextField name="caseEffectNote" label={m("form.caseEffectNote")} errors={errors} />
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="resolve-submit">
          {m("letter.resolve")}
        </button>
      </AppForm>
    </Section>
  );
}

/** The letters linked to this one: the original it duplicates, its duplicates, letters about the same matter. */
export function RelatedLetters({ related }: { related: readonly RelatedLetter[] }) {
  const m = useMessages(complaintMessages);
  const lang = useLang();
  if (related.length === 0) return null;
  return (
    <Section title={m("link.related")}>
      <ul className="space-y-1" data-testid="related-letters">
        {related.map((r) => (
          <li key={r.id} data-testid={`related-${r.relation}`}>
            <span className="font-semibold">{m(`link.relation.${r.relation}`)}:</span>{" "}
            <Link to={`/complaints/${r.id}`} className="text-brand-700 underline">
              {r.tracking_code}
            </Link>{" "}
            · {formatDateVi(r.received_on)} · {STATUS_LABELS[r.status][lang]} · {r.summary}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Links the letter to another one by its tracking code (a blank code removes the link). */
export function LinkForm({ version, resolved, errors }: { version: number; resolved: boolean; errors: Errors }) {
  const m = useMessages(complaintMessages);
  return (
    <Section title={m("link.title")}>
      <AppForm className="grid max-w-3xl gap-3" noValidate data-testid="link-form">
        <input type="hidden" name="intent" value="link" />
        <input type="hidden" name="version" value={version} />
        <Field name="relation" label={m("link.relation")} error={errors?.relation}>
          <select {...fieldProps("relation", errors?.relation)} className={INPUT}>
            {resolved ? null : <option value="duplicate">{m("link.relation.duplicate")}</option>}
            <option value="same_matter">{m("link.relation.same_matter")}</option>
          </select>
        </Field>
        <TextField name="code" label={m("link.code")} errors={errors} />
        <p className="text-sm text-slate-600">{m("link.hint")}</p>
        <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="link-submit">
          {m("letter.save")}
        </button>
      </AppForm>
    </Section>
  );
}

/** The documents attached to the letter (each downloads), and the form that attaches more. */
export function Documents({
  letterId,
  documents,
  mayAttach,
  errors,
}: {
  letterId: string;
  documents: readonly LetterDocument[];
  mayAttach: boolean;
  errors: Errors;
}) {
  const m = useMessages(complaintMessages);
  return (
    <Section title={m("docs.title")}>
      {documents.length === 0 ? (
        <p className="text-sm text-slate-600">{m("docs.none")}</p>
      ) : (
        <ul className="space-y-1" data-testid="letter-documents">
          {documents.map((d) => (
            <li key={d.id} data-testid="letter-document">
              <a href={`/complaints/${letterId}/documents/${d.id}`} className="text-brand-700 underline">
                {d.title}
              </a>{" "}
              · {d.file_name} · {Math.max(1, Math.round(d.size_bytes / 1024))} KB · {formatDateVi(d.created_on)}
            </li>
          ))}
        </ul>
      )}
      {mayAttach ? (
        <AppForm className="mt-3 grid max-w-3xl gap-3" encType="multipart/form-data" noValidate data-testid="attach-form">
          <input type="hidden" name="intent" value="attach" />
          <TextField name="title" label={m("docs.docTitle")} errors={errors} />
          <Field name="files" label={m("docs.files")} error={errors?.files}>
            <input
              {...fieldProps("files", errors?.files)}
              type="file"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
            />
          </Field>
          <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="attach-submit">
            {m("docs.attach")}
          </button>
        </AppForm>
      ) : null}
    </Section>
  );
}
