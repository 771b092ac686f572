/** The request's creditor account: its standing link for the request's number, or the desk's confirmation form. */
import type { RequestLinkState } from "@thads/core/creditors";
import { formatDateVi } from "@thads/domain/labels";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { Section } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { deskMessages } from "./messages.ts";

export function AccountLinkSection({
  state,
  fieldErrors,
  busy,
}: {
  state: RequestLinkState;
  fieldErrors?: Record<string, string>;
  busy: boolean;
}) {
  const m = useMessages(deskMessages);
  return (
    <Section title={m("link.title")}>
      {state.link ? (
        <p className="text-sm" data-testid="request-link">
          {m("link.linked", { number: state.idNumber ?? "", date: formatDateVi(state.link.confirmed_at) })}
          {state.link.confirmed_in ? ` ${m("link.linkedIn", { province: state.link.confirmed_in })}` : null}
        </p>
      ) : state.closed ? (
        <p className="text-sm" data-testid="request-link-closed">
          {m("link.closed")}
        </p>
      ) : (
        <AppForm className="flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3" data-testid="request-link-form">
          <input type="hidden" name="intent" value="confirm-link" />
          <p className="w-full text-sm text-slate-700">{m("link.explain", { number: state.idNumber ?? "" })}</p>
          <Field name="partyKind" label={m("link.partyKind")} error={fieldErrors?.partyKind}>
            <select
              {...fieldProps("partyKind", fieldErrors?.partyKind)}
              defaultValue="person"
              className="rounded border border-slate-300 px-2 py-1"
            >
              <option value="person">{m("link.person")}</option>
              <option value="organization">{m("link.organization")}</option>
            </select>
          </Field>
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-3 py-1 text-white">
            {m("link.confirm")}
          </button>
        </AppForm>
      )}
    </Section>
  );
}
