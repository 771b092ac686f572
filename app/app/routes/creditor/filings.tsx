import { data, useActionData, useLoaderData, useNavigation } from "react-router";
import { FILING_MAX_FILES, FILING_MAX_ROWS } from "@thads/case-import/filings/limits";
import { requesterPrefill } from "@thads/core/creditors";
import { formatTrackingCode } from "@thads/domain/labels";
import type { Route } from "./+types/filings";
import { AppForm, Field, fieldProps } from "../../components/form.tsx";
import { PageHeader, Section, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { asUser } from "../../utils/user.server.ts";
import { filingMessages } from "./filing-messages.ts";
import { runBulkFiling, type BulkOutcome } from "./filings.server.ts";
import { requireCreditor } from "./scope.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  // The requester's details start from the account's own (its last request's contact details).
  const p = await asUser(user, requesterPrefill);
  return {
    name: p?.name ?? user.fullName,
    email: p?.email ?? user.email,
    phone: p?.phone ?? "",
    address: p?.address ?? "",
    numbers: p?.idNumbers ?? [],
    idNumber: p?.idNumber ?? null,
  };
}

export async function action({ request }: Route.ActionArgs) {
  const user = await requireCreditor(request);
  const outcome = await runBulkFiling(request, user);
  return outcome.kind === "filed" ? outcome : data<BulkOutcome>(outcome, { status: outcome.status });
}

export default function Filings() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<BulkOutcome>();
  const busy = useNavigation().state === "submitting";
  const m = useMessages(filingMessages);
  const e = a?.kind === "invalid" ? a.fieldErrors : {};
  const input = "w-full rounded border border-slate-300 px-2 py-1";
  return (
    <>
      <PageHeader title={m("title")} subtitle={m("subtitle")} />
      <p className="mb-3 max-w-4xl text-sm text-slate-700">{m("intro", { rows: FILING_MAX_ROWS })}</p>
      <p className="mb-4 flex flex-wrap gap-6 text-sm">
        <a href="/creditor/filings/template?format=xlsx" className="text-blue-700 underline" download>
          {m("templateXlsx")}
        </a>
        <a href="/creditor/filings/template?format=csv" className="text-blue-700 underline" download>
          {m("templateCsv")}
        </a>
      </p>
      {a?.kind === "refused" ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      {a?.kind === "errors" ? (
        <div className="mb-4" data-testid="filing-errors">
          <p role="alert" className="mb-2 rounded border border-red-200 bg-red-50 p-3 text-red-800">
            {m("errorsTitle", { n: a.errors.length })}
          </p>
          <Table head={[m("col.line"), m("col.column"), m("col.message")]}>
            {a.errors.map((err) => (
              <tr key={`${err.line}-${err.column}-${err.message}`} data-testid="filing-error">
                <td className="px-3 py-1 tabular-nums">{err.line || "—"}</td>
                <td className="px-3 py-1">{err.column ?? "—"}</td>
                <td className="px-3 py-1">{err.message}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {a?.kind === "filed" ? (
        <div className="mb-4" data-testid="filing-result">
          <p role="status" className="mb-2 rounded border border-emerald-300 bg-emerald-50 p-3 text-sm">
            {m("filedTitle", { n: a.filed.filter((f) => !f.before).length, before: a.filed.filter((f) => f.before).length })}
          </p>
          <Table head={[m("col.line"), m("col.office"), m("col.judgment"), m("col.code"), m("col.state")]}>
            {a.filed.map((f) => (
              <tr key={f.line} data-testid="filed-row">
                <td className="px-3 py-1 tabular-nums">{f.line}</td>
                <td className="px-3 py-1">{f.unitCode}</td>
                <td className="px-3 py-1">{f.judgmentNumber}</td>
                <td className="px-3 py-1 font-mono" data-testid="filed-code">
                  {formatTrackingCode(f.trackingCode)}
                </td>
                <td className="px-3 py-1">{f.before ? m("filedBefore") : m("filedNew")}</td>
              </tr>
            ))}
          </Table>
        </div>
      ) : null}
      {d.numbers.length === 0 ? (
        <p className="text-slate-600" data-testid="filing-no-links">
          {m("noLinks")}
        </p>
      ) : (
        <AppForm encType="multipart/form-data" className="grid max-w-3xl gap-4" noValidate data-testid="filing-form">
          <Section title={m("requester")}>
            <div className="grid gap-3 sm:grid-cols-2">
              <Field name="requesterName" label={m("name")} error={e.requesterName}>
                <input {...fieldProps("requesterName", e.requesterName)} defaultValue={d.name} maxLength={300} className={input} />
              </Field>
              <Field name="requesterIdNumber" label={m("idNumber")} error={e.requesterIdNumber}>
                <select
                  {...fieldProps("requesterIdNumber", e.requesterIdNumber)}
                  className={input}
                  defaultValue={d.idNumber && d.numbers.includes(d.idNumber) ? d.idNumber : d.numbers.length === 1 ? d.numbers[0] : ""}
                >
                  {d.numbers.length === 1 ? null : <option value="">{m("choose")}</option>}
                  {d.numbers.map((n) => (
                    <option key={n} value={n}>
                      {n}
                    </option>
                  ))}
                </select>
              </Field>
              <Field name="requesterPhone" label={m("phone")} error={e.requesterPhone}>
                <input
                  {...fieldProps("requesterPhone", e.requesterPhone)}
                  defaultValue={d.phone}
                  inputMode="tel"
                  maxLength={20}
                  className={input}
                />
              </Field>
              <Field name="requesterEmail" label={m("email")} error={e.requesterEmail}>
                <input
                  {...fieldProps("requesterEmail", e.requesterEmail)}
                  type="email"
                  defaultValue={d.email}
                  maxLength={254}
                  className={input}
                />
              </Field>
              <Field name="requesterAddress" label={m("address")} error={e.requesterAddress} className="sm:col-span-2">
                <input {...fieldProps("requesterAddress", e.requesterAddress)} defaultValue={d.address} maxLength={500} className={input} />
              </Field>
            </div>
          </Section>
          <Field name="file" label={m("file")} error={e.file}>
            <input {...fieldProps("file", e.file)} type="file" accept=".xlsx,.csv" />
          </Field>
          <Field name="attachments" label={m("attachments", { files: FILING_MAX_FILES })} error={e.attachments}>
            <input {...fieldProps("attachments", e.attachments)} type="file" multiple accept=".pdf,.png,.jpg,.jpeg" />
          </Field>
          <button
            type="submit"
            disabled={busy}
            className="justify-self-start rounded bg-brand-700 px-4 py-2 text-white disabled:opacity-60"
            data-testid="filing-submit"
          >
            {m("submit")}
          </button>
        </AppForm>
      )}
    </>
  );
}
