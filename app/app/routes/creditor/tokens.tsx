import { data, useActionData, useLoaderData } from "react-router";
import { newApiToken } from "@thads/auth";
import { createApiToken, listApiTokens, mayCreateTokens, revokeApiToken } from "@thads/core/creditors";
import { CreateTokenSchema, RevokeTokenSchema } from "@thads/core/creditors/token-schema";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { TOKEN_SCOPES, formatDateVi } from "@thads/domain/labels";
import type { Route } from "./+types/tokens";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { parseLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser } from "../../utils/user.server.ts";
import { creditorMessages } from "./messages.ts";
import { requireCreditor } from "./scope.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  return asUser(user, async (tx) => ({ tokens: await listApiTokens(tx), mayCreate: await mayCreateTokens(tx) }));
}

type ActionData = {
  created?: { token: string; name: string; expiresOn: string };
  revoked?: boolean;
  formError?: string;
  fieldErrors?: Record<string, string>;
};

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireCreditor(request);
  const form = await readForm(request, lang);
  // The scopes are checkboxes: every value counts.
  const base = formFields(form);
  const fields = { ...base, scopes: form.getAll("scopes").filter((v): v is string => typeof v === "string") };
  if (base.intent === "revoke") {
    const p = RevokeTokenSchema.safeParse(fields);
    if (!p.success) return data<ActionData>({ formError: "Mã truy cập: không hợp lệ." }, { status: 400 });
    const r = await asUser(user, (tx) => revokeApiToken(tx, p.data.tokenId));
    if (!r.ok) return data<ActionData>({ formError: r.message }, { status: r.status });
    return { revoked: true } satisfies ActionData;
  }
  const p = CreateTokenSchema.safeParse(fields);
  if (!p.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
  // The secret is made here, shown once in the answer, and only its hash is stored.
  const secret = newApiToken();
  const r = await asUser(user, (tx) => createApiToken(tx, { ...p.data, hash: secret.hash, prefix: secret.prefix }, todayVn()));
  if (!r.ok) {
    return data<ActionData>(r.field ? { fieldErrors: { [r.field]: r.message } } : { formError: r.message }, { status: r.status });
  }
  return { created: { token: secret.token, name: p.data.name, expiresOn: r.expiresOn } } satisfies ActionData;
}

export default function Tokens() {
  const { tokens, mayCreate } = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const m = useMessages(creditorMessages);
  const e = a?.fieldErrors;
  const input = "w-full rounded border border-slate-300 px-2 py-1";
  return (
    <>
      <PageHeader title={m("tokens.title")} subtitle={m("tokens.subtitle")} />
      {a?.created ? (
        <div role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm" data-testid="token-created">
          <p className="font-semibold">{m("tokens.created", { name: a.created.name, date: formatDateVi(a.created.expiresOn) })}</p>
          <code className="mt-2 block break-all rounded bg-white p-2 font-mono" data-testid="token-secret">
            {a.created.token}
          </code>
          <p className="mt-2">{m("tokens.once")}</p>
        </div>
      ) : null}
      {a?.formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      <Section title={m("tokens.list")}>
        {tokens.length === 0 ? (
          <p className="text-slate-600">{m("tokens.none")}</p>
        ) : (
          <Table
            head={[
              m("tokens.col.name"),
              m("tokens.col.prefix"),
              m("tokens.col.scopes"),
              m("tokens.col.created"),
              m("tokens.col.expires"),
              m("tokens.col.lastUsed"),
              "",
            ]}
          >
            {tokens.map((t) => (
              <tr key={t.id} data-testid="token-row">
                <td className="px-3 py-2">{t.name}</td>
                <td className="px-3 py-2 font-mono">{t.prefix}…</td>
                <td className="px-3 py-2">{t.scopes.join(", ")}</td>
                <td className="px-3 py-2">{formatDateVi(t.created_on)}</td>
                <td className="px-3 py-2">{formatDateVi(t.expires_on)}</td>
                <td className="px-3 py-2">
                  {t.last_used_at ? `${formatDateVi(t.last_used_at.slice(0, 10))} ${t.last_used_at.slice(11)}` : "—"}
                </td>
                <td className="px-3 py-2">
                  {t.revoked_at ? (
                    <span data-testid="token-revoked">{m("tokens.revokedOn", { date: formatDateVi(t.revoked_at.slice(0, 10)) })}</span>
                  ) : (
                    <AppForm>
                      <input type="hidden" name="intent" value="revoke" />
                      <input type="hidden" name="tokenId" value={t.id} />
                      <button type="submit" className="rounded border border-red-300 px-2 py-1 text-red-800" data-testid="token-revoke">
                        {m("tokens.revoke")}
                      </button>
                    </AppForm>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        )}
      </Section>
      <Section title={m("tokens.new")}>
        {mayCreate ? (
          <AppForm className="grid max-w-xl gap-3" noValidate data-testid="token-form">
            <input type="hidden" name="intent" value="create" />
            <Field name="name" label={m("tokens.name")} error={e?.name}>
              <input {...fieldProps("name", e?.name)} maxLength={100} className={input} />
            </Field>
            <fieldset className="text-sm">
              <legend>{m("tokens.scopes")}</legend>
              {TOKEN_SCOPES.map((s) => (
                <label key={s} className="mr-4 inline-flex items-center gap-1">
                  <input type="checkbox" name="scopes" value={s} defaultChecked={s.endsWith(":read")} />
                  <span className="font-mono">{s}</span>
                </label>
              ))}
              {e?.scopes ? (
                <p role="alert" className="text-red-700">
                  {e.scopes}
                </p>
              ) : null}
            </fieldset>
            <Field name="expiresOn" label={m("tokens.expiresOn")} error={e?.expiresOn}>
              <input
                {...fieldProps("expiresOn", e?.expiresOn)}
                placeholder="dd/mm/yyyy"
                inputMode="numeric"
                maxLength={10}
                className={input}
              />
            </Field>
            <button type="submit" className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white" data-testid="token-create">
              {m("tokens.create")}
            </button>
          </AppForm>
        ) : (
          <p className="text-slate-600" data-testid="token-not-allowed">
            {m("tokens.organisationsOnly")}
          </p>
        )}
        <p className="mt-3 text-sm">
          {m("tokens.docs")}{" "}
          <a className="text-blue-800 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
        </p>
      </Section>
    </>
  );
}
