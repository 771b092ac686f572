import { data, Form, Link, redirect, useLoaderData } from "react-router";
import { PROCEDURES } from "@thads/domain/labels";
import { formatCount, formatDateVi, formatTrackingCode, hasRole, REQUEST_STATUS_LABELS } from "@thads/domain/labels";
import type { Route } from "./+types/home";
import { Field, fieldProps } from "../../components/form.tsx";
import { PageHeader, Section, Stat, StatGrid } from "../../components/ui.tsx";
import { useLang, useMessages, useT, type MessageKey } from "../../i18n.ts";
import { creditorMessages } from "../creditor/messages.ts";
import { filingMessages } from "../creditor/filing-messages.ts";
import { MyLetters } from "../creditor/my-letters.tsx";
import { creditorHome, listProvinces } from "@thads/core/requests";
import { myComplaintLetters } from "@thads/core/creditors";
import { filingPath, NewFilingSchema } from "@thads/core/creditors/filing-schema";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "creditor")) forbidden();
  const { home, provinces, letters } = await asUser(user, async (tx) => ({
    home: await creditorHome(tx, user.id),
    provinces: await listProvinces(tx),
    letters: await myComplaintLetters(tx),
  }));
  // "File a new request": a province and a procedure lead to that province's public form.
  const q = new URL(request.url).searchParams;
  let fieldErrors: Record<string, string> | null = null;
  if (q.has("province") || q.has("procedure")) {
    const filing = NewFilingSchema.safeParse({ province: q.get("province") ?? "", procedure: q.get("procedure") ?? "" });
    if (filing.success && provinces.some((p) => p.slug === filing.data.province)) throw redirect(filingPath(filing.data));
    fieldErrors = filing.success ? { province: "Tỉnh, thành phố: chọn một tỉnh, thành phố." } : fieldErrorsOf(filing.error);
  }
  const page = {
    name: home.fullName ?? user.email,
    kind: home.creditorKind ?? "citizen",
    cases: home.cases,
    requests: home.requests,
    letters,
    provinces: provinces.map((p) => ({ slug: p.slug, name: p.name })),
    filing: { province: q.get("province") ?? "", procedure: q.get("procedure") ?? "" },
    fieldErrors,
  };
  return fieldErrors ? data(page, { status: 400 }) : page;
}

export default function Requests() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const m = useMessages(creditorMessages);
  const fm = useMessages(filingMessages);
  const err = d.fieldErrors ?? {};
  return (
    <>
      <PageHeader title={tr("home.creditor.title")} subtitle={d.name} />
      <StatGrid>
        <Stat label={tr("creditor.kind")} value={tr(`creditor.kind.${d.kind}` as MessageKey)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.cases)} testId="stat-cases" />
      </StatGrid>
      <p className="my-3 flex flex-wrap gap-6">
        <Link to="/creditor/cases" className="text-blue-700 underline" data-testid="my-cases-link">
          {m("cases.open")}
        </Link>
        <Link to="/creditor/portfolio" className="text-blue-700 underline" data-testid="my-portfolio-link">
          {m("portfolio.open")}
        </Link>
        <Link to="/creditor/tokens" className="text-blue-700 underline" data-testid="my-tokens-link">
          {m("tokens.title")}
        </Link>
        <Link to="/creditor/filings" className="text-blue-700 underline" data-testid="my-filings-link">
          {fm("open")}
        </Link>
      </p>
      <Section title={m("file.title")}>
        <p className="mb-2 text-sm text-slate-700">{m("file.note")}</p>
        <Form method="get" className="flex flex-wrap items-end gap-3" data-testid="new-filing">
          <Field name="province" label={m("file.province")} error={err.province}>
            <select
              {...fieldProps("province", err.province)}
              defaultValue={d.filing.province}
              className="rounded border border-slate-300 px-2 py-1"
            >
              <option value="">{m("file.choose")}</option>
              {d.provinces.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </Field>
          <Field name="procedure" label={m("file.procedure")} error={err.procedure}>
            <select
              {...fieldProps("procedure", err.procedure)}
              defaultValue={d.filing.procedure}
              className="rounded border border-slate-300 px-2 py-1"
            >
              <option value="">{m("file.choose")}</option>
              {Object.values(PROCEDURES).map((p) => (
                <option key={p.segment} value={p.segment}>
                  {p.name[lang]}
                </option>
              ))}
            </select>
          </Field>
          <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">
            {m("file.submit")}
          </button>
        </Form>
      </Section>
      <Section title={tr("home.creditor.title")}>
        {d.requests.length === 0 ? (
          <p className="text-slate-600">{tr("creditor.empty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="my-requests">
            {d.requests.map((r) => (
              <li key={r.tracking_code} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <span className="font-mono">{formatTrackingCode(r.tracking_code)}</span> · {PROCEDURES[r.kind].name[lang]} · {r.unit_name} ·{" "}
                {formatDateVi(r.submitted_on)}
                {r.closed_on ? ` – ${formatDateVi(r.closed_on)}` : ""} · <strong>{REQUEST_STATUS_LABELS[r.status][lang]}</strong>
                {r.own ? null : (
                  <p className="mt-1 text-slate-600" data-testid="filed-by-other">
                    {m("requests.filedBy", { name: r.requester_name })}
                  </p>
                )}
                {r.result_note ? <p className="mt-1 whitespace-pre-line">{r.result_note}</p> : null}
                {r.own && r.kind === "result_confirmation" && r.status === "returned" ? (
                  <a
                    href={`/requests/${r.tracking_code}/confirmation.pdf`}
                    className="mt-1 inline-block text-blue-700 underline"
                    data-testid="confirmation-pdf"
                    download
                  >
                    {m("requests.confirmationPdf")}
                  </a>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
      <MyLetters letters={d.letters} />
    </>
  );
}
