import type { InputHTMLAttributes } from "react";
import type { RequesterPrefill } from "@thads/core/creditors";
import type { RequestKind } from "@thads/domain";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { EXTRA_FIELD_LABELS, extraFields } from "@thads/core/requests/form-fields";
import { MAX_FILE_BYTES, MAX_FILES } from "./limits.ts";
import { publicMessages } from "./messages.ts";

const CONTROL = "w-full rounded border border-slate-300 px-2 py-1";

/** The filing form of one procedure: where to send it, the requester, the request's own fields, attachments. */
export function RequestForm({
  kind,
  units,
  idempotencyKey,
  prefill,
  values: v,
  fieldErrors: fe,
  busy,
}: {
  kind: RequestKind;
  units: { id: string; name: string }[];
  idempotencyKey: string;
  /** A creditor account's own details (core requesterPrefill), or none on the public form. */
  prefill?: RequesterPrefill | null;
  values: Record<string, string>;
  fieldErrors: Record<string, string>;
  busy: boolean;
}) {
  const m = useMessages(publicMessages);
  const lang = useLang();
  // What the requester typed wins over the account's details when the form comes back with an error.
  const input = (name: string, label: string, { defaultValue, ...props }: InputHTMLAttributes<HTMLInputElement> = {}) => (
    <Field key={name} name={name} label={label} error={fe[name]} className="text-sm">
      <input
        {...fieldProps(name, fe[name])}
        {...props}
        defaultValue={v[name] ?? (defaultValue as string | undefined)}
        className={CONTROL}
      />
    </Field>
  );
  return (
    <AppForm encType="multipart/form-data" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
      <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? idempotencyKey} />
      <Field name="unitId" label={m("new.sendTo")} error={fe.unitId} className="text-sm">
        <select {...fieldProps("unitId", fe.unitId)} defaultValue={v.unitId ?? units[0]?.id} className={CONTROL}>
          {units.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name}
            </option>
          ))}
        </select>
      </Field>
      <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
        <legend className="px-1 font-semibold">{m("new.requester")}</legend>
        {input("requesterName", m("new.requesterName"), { maxLength: 300, defaultValue: prefill?.name, autoComplete: "name" })}
        {input("requesterIdNumber", m("new.requesterIdNumber"), {
          maxLength: 30,
          defaultValue: prefill?.idNumber ?? undefined,
          list: prefill && prefill.idNumbers.length > 1 ? "linked-numbers" : undefined,
        })}
        {prefill && prefill.idNumbers.length > 1 ? (
          <datalist id="linked-numbers">
            {prefill.idNumbers.map((n) => (
              <option key={n} value={n} />
            ))}
          </datalist>
        ) : null}
        {input("requesterPhone", m("new.requesterPhone"), {
          maxLength: 20,
          inputMode: "tel",
          autoComplete: "tel",
          defaultValue: prefill?.phone ?? undefined,
        })}
        {input("requesterEmail", m("new.requesterEmail"), {
          maxLength: 254,
          type: "email",
          autoComplete: "email",
          defaultValue: prefill?.email ?? undefined,
        })}
        {input("requesterAddress", m("new.requesterAddress"), { maxLength: 500, defaultValue: prefill?.address ?? undefined })}
      </fieldset>
      <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
        <legend className="px-1 font-semibold">{m("new.about")}</legend>
        {extraFields(kind).map((name) => input(name, EXTRA_FIELD_LABELS[name]![lang], { maxLength: 500 }))}
      </fieldset>
      <Field name="content" label={m("new.content")} error={fe.content} className="text-sm">
        <textarea {...fieldProps("content", fe.content)} rows={5} maxLength={4000} defaultValue={v.content} className={CONTROL} />
      </Field>
      <Field
        name="files"
        label={m("new.files", { maxFiles: MAX_FILES, maxMb: MAX_FILE_BYTES / 1024 / 1024 })}
        error={fe.files}
        className="text-sm"
      >
        <input {...fieldProps("files", fe.files)} type="file" multiple accept="application/pdf,image/png,image/jpeg" />
      </Field>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
      >
        {m("new.submit")}
      </button>
    </AppForm>
  );
}
