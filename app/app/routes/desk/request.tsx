import { data, Link, redirect, useActionData, useLoaderData, useNavigation } from "react-router";
import { actionsFor, procedureLimitOn, timeliness } from "@thads/domain";
import { PROCEDURES } from "@thads/domain/labels";
import { formatDateVi, formatTrackingCode, hasRole, REQUEST_ACTION_LABELS, REQUEST_STATUS_LABELS } from "@thads/domain/labels";
import type { Route } from "./+types/request";
import { PageHeader, Section } from "../../components/ui.tsx";
import { AppForm } from "../../components/form.tsx";
import { parseLang, useLang, useMessages } from "../../i18n.ts";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { deskMessages } from "./messages.ts";
import { DeskActionSchema } from "@thads/core/requests/schema";
import { deskAction, requestDetail } from "@thads/core/requests";
import { letterForRequest } from "@thads/core/complaints";
import { confirmCreditorLink, requestLinkState } from "@thads/core/creditors";
import { ConfirmLinkSchema } from "@thads/core/creditors/link-schema";
import { notifyRequester } from "../public/notify.server.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { DESK_ROLES } from "../public/roles.ts";
import { ContentSection, HistorySection, RequesterSection } from "./request-sections.tsx";
import { AccountLinkSection } from "./request-link.tsx";
import { formFields } from "../../utils/form-nest.ts";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...DESK_ROLES)) forbidden();
  // One transaction: the request, its creditor link and, for a complaint, the letter it became.
  const { r, link, letter } = await asUser(user, async (tx) => {
    const r = await requestDetail(tx, params.id);
    return {
      r,
      link: await requestLinkState(tx, params.id),
      letter: r?.kind === "complaint" ? await letterForRequest(tx, r.id) : null,
    };
  });
  // Another unit's or province's request does not exist for this user.
  if (!r) notFound();
  const mayIntake = hasRole(user.memberships, "clerk", "subunit_head", "province_head", "province_staff");
  // Where it stands, its time limit and its next steps are worked out here: the rules stay on the server.
  const due = r.due_on ? timeliness(r.due_on, r.closed_on, todayVn()) : null;
  return {
    r,
    due,
    limitDays: procedureLimitOn(r.kind, r.submitted_on).workingDays,
    actions: actionsFor(r.status),
    mayIntake,
    letter,
    link,
  };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...DESK_ROLES)) forbidden();
  const form = await readForm(request, lang);
  if (form.get("intent") === "confirm-link") {
    const link = ConfirmLinkSchema.safeParse(formFields(form));
    if (!link.success) return data<ActionData>({ fieldErrors: fieldErrorsOf(link.error) }, { status: 400 });
    const confirmed = await asUser(user, (tx) => confirmCreditorLink(tx, params.id, link.data));
    if (!confirmed.ok) return data<ActionData>({ formError: confirmed.message }, { status: confirmed.status });
    return redirect(`/desk/${params.id}`);
  }
  const parsed = DeskActionSchema.safeParse(formFields(form));
  if (!parsed.success) {
    return data<ActionData>({ fieldErrors: fieldErrorsOf(parsed.error) }, { status: 400 });
  }
  const result = await asUser(user, (tx) =>
    deskAction(tx, { id: params.id, action: parsed.data.action, version: parsed.data.version, note: parsed.data.note, today: todayVn() }),
  );
  if (!result.ok) return data<ActionData>({ formError: result.message }, { status: result.status });
  if (result.notify) {
    const n = result.notify;
    notifyRequester(
      { email: n.email, phone: n.phone },
      `Yêu cầu ${formatTrackingCode(n.code)}: ${REQUEST_STATUS_LABELS[result.status].vi}`,
      `${PROCEDURES[n.kind].name.vi} mã ${formatTrackingCode(n.code)} đã chuyển sang trạng thái "${REQUEST_STATUS_LABELS[result.status].vi}".`,
    );
  }
  return redirect(`/desk/${params.id}`);
}

export default function DeskRequest() {
  const { r, due: t, limitDays, actions, mayIntake, letter, link } = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const m = useMessages(deskMessages);
  const procedure = PROCEDURES[r.kind];
  return (
    <>
      <PageHeader title={`${procedure.name[lang]} · ${formatTrackingCode(r.tracking_code)}`} subtitle={r.unit_name} />
      <p>
        {m("request.status")}
        <strong data-testid="request-status">{REQUEST_STATUS_LABELS[r.status][lang]}</strong>
        {r.due_on ? (
          <>
            {" "}
            · {m("request.due")}
            <span data-testid="request-due">{formatDateVi(r.due_on)}</span>
          </>
        ) : (
          <> · {m("request.limit", { days: limitDays })}</>
        )}
        {t && (t.state === "late" || t.state === "overdue") ? (
          <span className="ml-2 font-semibold text-red-700">{m("request.late", { days: t.workingDaysLate })}</span>
        ) : null}
      </p>
      {r.case_id ? (
        <p className="mt-1">
          <Link to={`/cases/${r.case_id}`} className="text-brand-700 underline" data-testid="request-case">
            {m("request.case")}
          </Link>
        </p>
      ) : null}
      {a?.formError ? (
        <p role="alert" className="mt-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}

      <RequesterSection r={r} />
      {link?.linkable ? <AccountLinkSection state={link} fieldErrors={a?.fieldErrors} busy={nav.state === "submitting"} /> : null}
      <ContentSection r={r} />

      {actions.length ? (
        <Section title={m("request.handle")}>
          <div className="flex flex-wrap gap-4">
            {r.kind === "enforcement_request" && !r.case_id && (r.status === "received" || r.status === "processing") && mayIntake ? (
              <Link to={`/cases/new?fromRequest=${r.id}`} className="self-start rounded bg-brand-700 px-4 py-2 font-semibold text-white">
                {m("request.takeIn")}
              </Link>
            ) : null}
            {letter ? (
              <Link to={`/complaints/${letter.id}`} className="self-start text-brand-700 underline" data-testid="request-letter">
                {m("request.letter", { code: formatTrackingCode(letter.tracking_code) })}
              </Link>
            ) : r.kind === "complaint" && (r.status === "received" || r.status === "processing") && mayIntake ? (
              <AppForm action={`/complaints/from-request/${r.id}`} className="self-start">
                <input type="hidden" name="idempotencyKey" value={r.id} />
                <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white" data-testid="request-to-letter">
                  {m("request.toLetter")}
                </button>
              </AppForm>
            ) : null}
            {actions.map((act) => (
              <AppForm key={act} className="flex flex-col gap-2 rounded border border-slate-200 bg-white p-3" noValidate>
                <input type="hidden" name="version" value={r.version} />
                <input type="hidden" name="action" value={act} />
                {act === "return" || act === "reject" ? (
                  <label className="flex flex-col text-sm">
                    {m(act === "return" ? "request.resultNote" : "request.rejectReason")}
                    <textarea name="note" rows={2} maxLength={4000} className="rounded border border-slate-300 px-2 py-1" />
                  </label>
                ) : null}
                <button type="submit" disabled={nav.state === "submitting"} className="rounded bg-brand-700 px-3 py-1 text-white">
                  {REQUEST_ACTION_LABELS[act][lang]}
                </button>
              </AppForm>
            ))}
          </div>
        </Section>
      ) : null}
      {r.result_note ? (
        <Section title={m("request.result")}>
          <p className="whitespace-pre-line text-sm">{r.result_note}</p>
          {r.kind === "result_confirmation" && r.status === "returned" ? (
            <a
              href={`/requests/${r.tracking_code}/confirmation.pdf`}
              className="mt-2 inline-block text-brand-700 underline"
              data-testid="confirmation-pdf"
              download
            >
              {m("request.confirmationPdf")}
            </a>
          ) : null}
        </Section>
      ) : null}
      {r.rating ? (
        <p className="mt-4 text-sm">
          {m("request.rating")}
          {r.rating.score}/5 {r.rating.comment ? `· ${r.rating.comment}` : ""}
        </p>
      ) : null}

      <HistorySection r={r} />
    </>
  );
}
