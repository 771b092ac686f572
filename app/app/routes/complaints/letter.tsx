import { data, redirect, useActionData } from "react-router";
import {
  AcceptLetterSchema,
  AttachDocumentSchema,
  ClassifyLetterSchema,
  LinkLetterSchema,
  ResolveLetterSchema,
  acceptLetter,
  attachDocuments,
  classifyLetter,
  complaintWrite,
  letterDetail,
  letterDocuments,
  linkLetter,
  provinceUnits,
  relatedLetters,
  resolveLetter,
} from "@thads/core/complaints";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { formatDateVi, hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/letter";
import { FactGrid, PageHeader, Section } from "../../components/ui.tsx";
import { parseLang, translate, useLang, useMessages } from "../../i18n.ts";
import { appSql } from "../../utils/db.server.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { formFields } from "../../utils/form-nest.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { ACT_LABELS, KIND_LABELS, LEVEL_LABELS, OUTCOME_LABELS, STATUS_LABELS, complaintMessages } from "./messages.ts";
import { COMPLAINT_HANDLERS, COMPLAINT_READERS } from "./roles.ts";
import { readPublicForm } from "../public/upload.server.ts";
import { MAX_BODY_BYTES } from "../public/limits.ts";
import { AcceptForm, ClassifyForm, Documents, LinkForm, RelatedLetters, ResolveForm, type ActionData } from "./letter-forms.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_READERS)) forbidden();
  const result = await asUser(user, async (tx) => {
    const l = await letterDetail(tx, params.id);
    if (!l) return null;
    const units = await provinceUnits(tx, l.province_id);
    return { l, units, related: await relatedLetters(tx, l.id), documents: await letterDocuments(tx, l.id) };
  });
  if (!result) notFound();
  return { ...result!, mayHandle: hasRole(user.memberships, ...COMPLAINT_HANDLERS) };
}

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_HANDLERS)) forbidden();
  const sql = appSql();
  // Documents come as a multipart form with files: read with the upload's limits and type checks.
  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const read = await readPublicForm(request, { maxBytes: MAX_BODY_BYTES, files: true });
    if ("formError" in read) return data<ActionData>({ intent: "attach", formError: read.formError }, { status: read.status });
    const p = AttachDocumentSchema.safeParse(formFields(read.form));
    if (!p.success) return data<ActionData>({ intent: "attach", fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
    const r = await complaintWrite(sql, user.claims, (tx) => attachDocuments(tx, params.id, { title: p.data.title, files: read.files }));
    if (!r.ok) {
      return data<ActionData>(
        { intent: "attach", ...(r.field ? { fieldErrors: { [r.field]: r.message } } : { formError: r.message }) },
        { status: r.status },
      );
    }
    return redirect(`/complaints/${params.id}`);
  }
  const fields = formFields(await readForm(request, lang));
  let r: Awaited<ReturnType<typeof complaintWrite>>;
  if (fields.intent === "classify") {
    const p = ClassifyLetterSchema.safeParse(fields);
    if (!p.success) return data<ActionData>({ intent: "classify", fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
    r = await complaintWrite(sql, user.claims, (tx) => classifyLetter(tx, params.id, p.data));
  } else if (fields.intent === "accept") {
    const p = AcceptLetterSchema.safeParse(fields);
    if (!p.success) return data<ActionData>({ intent: "accept", fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
    r = await complaintWrite(sql, user.claims, (tx) => acceptLetter(tx, params.id, p.data));
  } else if (fields.intent === "resolve") {
    const p = ResolveLetterSchema.safeParse(fields);
    if (!p.success) return data<ActionData>({ intent: "resolve", fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
    r = await complaintWrite(sql, user.claims, (tx) => resolveLetter(tx, params.id, p.data));
  } else if (fields.intent === "link") {
    const p = LinkLetterSchema.safeParse(fields);
    if (!p.success) return data<ActionData>({ intent: "link", fieldErrors: fieldErrorsOf(p.error) }, { status: 400 });
    r = await complaintWrite(sql, user.claims, (tx) => linkLetter(tx, params.id, p.data));
  } else {
    return data<ActionData>({ formError: translate(complaintMessages, lang, "letter.unknownAction") }, { status: 400 });
  }
  if (!r.ok) {
    return data<ActionData>(
      { intent: fields.intent, ...(r.field ? { fieldErrors: { [r.field]: r.message } } : { formError: r.message }) },
      { status: r.status },
    );
  }
  return redirect(`/complaints/${params.id}`);
}

export default function Letter({ loaderData }: Route.ComponentProps) {
  const { l, units, related, documents, mayHandle } = loaderData;
  const a = useActionData<ActionData>();
  const m = useMessages(complaintMessages);
  const lang = useLang();
  const d = (v: string | null) => (v ? formatDateVi(v) : "—");
  return (
    <>
      <PageHeader
        title={`${l.kind ? KIND_LABELS[l.kind][lang] : STATUS_LABELS.received[lang]} · ${l.tracking_code}`}
        subtitle={l.unit_name}
      />
      <p>
        <strong data-testid="letter-status">{STATUS_LABELS[l.status][lang]}</strong>
        {l.late ? (
          <span className="ml-2 font-semibold text-red-700" data-testid="letter-late">
            {m("letter.lateFlag")} ({l.citation?.split(" · ")[0]})
          </span>
        ) : null}
      </p>
      {a?.formError ? (
        <p role="alert" className="mt-3 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      <Section title={m("letter.content")}>
        <p className="font-semibold">{l.summary}</p>
        <p className="whitespace-pre-wrap">{l.content}</p>
      </Section>
      <Section title={m("letter.sender")}>
        {l.sender ? (
          <p data-testid="letter-sender">
            {l.sender.full_name} · {l.sender.phone ?? ""} {l.sender.id_number ?? ""} · {l.sender.address ?? ""}
          </p>
        ) : (
          <p>{m("letter.senderHidden")}</p>
        )}
      </Section>
      <Section title={m("letter.clocks")}>
        <FactGrid
          facts={[
            [m("letter.level"), l.handler_level ? LEVEL_LABELS[l.handler_level][lang] : "—", "letter-level"],
            [m("letter.limitation"), d(l.limitation_last_day), "letter-limitation"],
            [m("letter.acceptDue"), d(l.accept_due_on), "letter-accept-due"],
            [m("letter.resolveDue"), d(l.resolve_due_on), "letter-resolve-due"],
            [
              m("letter.result"),
              l.outcome ? `${OUTCOME_LABELS[l.outcome as keyof typeof OUTCOME_LABELS][lang]} · ${d(l.resolved_on)}` : "—",
              "letter-outcome",
            ],
            [m("letter.caseEffect"), l.case_effect === "none" ? "—" : `${l.case_effect_note ?? ""}`, "letter-case-effect"],
            ["", l.act_kind ? ACT_LABELS[l.act_kind][lang] : "", "letter-act"],
            [m("letter.citation"), l.citation ?? "—", "letter-citation"],
          ]}
        />
      </Section>
      <RelatedLetters related={related} />
      <Documents letterId={l.id} documents={documents} mayAttach={mayHandle} errors={a?.intent === "attach" ? a.fieldErrors : undefined} />
      {mayHandle ? (
        <LinkForm version={l.version} resolved={l.status === "resolved"} errors={a?.intent === "link" ? a.fieldErrors : undefined} />
      ) : null}
      {mayHandle && (l.status === "received" || l.status === "classified") ? (
        <ClassifyForm version={l.version} units={units} errors={a?.intent === "classify" ? a.fieldErrors : undefined} />
      ) : null}
      {mayHandle && l.status === "classified" && (l.kind === "complaint" || l.kind === "denunciation") ? (
        <AcceptForm
          version={l.version}
          denunciation={l.kind === "denunciation"}
          errors={a?.intent === "accept" ? a.fieldErrors : undefined}
        />
      ) : null}
      {mayHandle && l.status === "accepted" ? (
        <ResolveForm version={l.version} errors={a?.intent === "resolve" ? a.fieldErrors : undefined} />
      ) : null}
    </>
  );
}
