import { data, redirect, useActionData, useLoaderData } from "react-router";
import { asUserStep, recordEvent } from "@thads/core";
import { loadCasePage } from "@thads/core/cases";
import { parseStep, STEP_KINDS, type StepKind } from "@thads/core/cases/steps-schema";
import type { Route } from "./+types/case";
import { Section } from "../../components/ui.tsx";
import { parseLang, translate, useLang, useMessages } from "../../i18n.ts";
import { LANG_COOKIE, readCookie } from "../../utils/cookies.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { readForm } from "../../utils/form.server.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, notFound, requireUser } from "../../utils/user.server.ts";
import { CaseSteeringPanel } from "../steering/case-steering.tsx";
import { runSteeringIntent } from "../steering/actions.server.ts";
import { loadCaseSteering } from "@thads/core/steering";
import { caseLetters } from "@thads/core/complaints";
import { formFields } from "../../utils/form-nest.ts";
import { isUuid } from "@thads/core/input";
import { isCreditorOnly } from "@thads/domain";
import { CaseHeader } from "./case-header.tsx";
import { DeadlinesSection, PartiesAndMoney } from "./case-sections.tsx";
import { CaseTimeline } from "./case-timeline.tsx";
import { describeTimeline } from "./event-facts.ts";
import { doneMessage, parseDone } from "./step-done.ts";
import { casesMessages } from "./messages.ts";
import { StepForm } from "./step-form.tsx";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  // A creditor reads its case on the creditors' page (a party's facts only).
  if (isCreditorOnly(user.memberships)) throw redirect(`/creditor/cases/${params.id}`);
  const roles = user.memberships.map((m) => m.role);
  const page = await asUser(user, (tx) => loadCasePage(tx, params.id, roles, todayVn()));
  if (!page) notFound();
  const steering = await asUser(user, (tx) => loadCaseSteering(tx, params.id, page.case.province_id, page.case.is_corruption));
  const letters = await asUser(user, (tx) => caseLetters(tx, params.id));
  const done = parseDone(new URL(request.url).searchParams.get("done"));
  // The timeline's facts are read through the domain's event schema on the server (no schema
  // library in the browser's bundle).
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const described = describeTimeline(page.timeline, { lang, names: page.names, obligations: page.obligations });
  return { ...page, steering, letters, steeringKey: crypto.randomUUID(), roles, done, described };
}

export type CaseActionData = {
  kind: string;
  formError?: string;
  fieldErrors?: Record<string, string>;
  /** A refused transfer comes back on the target chosen, with the agency's name as typed (without JavaScript the form is rendered anew). */
  transfer?: { target: "province" | "military_region"; toMilitaryAgency: string };
};

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const kind = String(form.get("intent") ?? "");
  if (kind === "steering_propose") {
    const r = await runSteeringIntent(kind, form, user, lang);
    return "ok" in r && r.ok ? redirect(`/cases/${params.id}?done=${kind}`) : r;
  }
  if (!(STEP_KINDS as string[]).includes(kind)) {
    return data<CaseActionData>({ kind, formError: translate(casesMessages, lang, "step.unknown") }, { status: 400 });
  }
  const parsed = parseStep(kind as StepKind, formFields(form));
  const transfer =
    kind === "transfer"
      ? {
          target: form.get("target") === "military_region" ? ("military_region" as const) : ("province" as const),
          toMilitaryAgency: String(form.get("toMilitaryAgency") ?? "").slice(0, 1000),
        }
      : undefined;
  if (!parsed.ok) return data<CaseActionData>({ kind, fieldErrors: parsed.fieldErrors, transfer }, { status: 400 });
  const result = await asUserStep(appSql(), user.claims, (tx) =>
    recordEvent(tx, {
      caseId: params.id,
      expectedVersion: parsed.version,
      event: parsed.event,
      idempotencyKey: parsed.idempotencyKey,
      actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
      today: todayVn(),
    }),
  );
  if (!result.ok) {
    const status =
      result.error.code === "conflict" ? 409 : result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 422;
    return data<CaseActionData>({ kind, formError: result.error[`message_${lang}`], transfer }, { status });
  }
  return redirect(`/cases/${params.id}?done=${kind}&v=${result.version}`);
}

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  const refused = useActionData<CaseActionData>();
  const c = d.case;
  const timeline = d.timeline.map((entry, i) => ({ entry, kind: entry.kind, described: d.described[i]! }));
  // A refused step shows its error in its form; the confirmation of an earlier step would mislead then.
  const confirmation = d.done && !refused ? doneMessage(d.done, c.case_number, timeline, m) : null;
  return (
    <>
      {confirmation ? (
        <p role="status" data-testid="step-done" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm font-semibold">
          {confirmation}
        </p>
      ) : null}
      <CaseHeader />
      <DeadlinesSection />
      <PartiesAndMoney />
      <CaseTimeline timeline={timeline} />
      <CaseSteeringPanel caseId={c.id} data={d.steering} roles={d.roles} readOnly={d.readOnly} idempotencyKey={d.steeringKey} lang={lang} />
      {d.actions.length > 0 ? (
        <Section title={m("steps.title")}>
          <div className="space-y-3">
            {d.actions.map((kind) => (
              <StepForm key={`${kind}-${c.version}`} kind={kind} version={c.version} idempotencyKey={d.keys[kind]!} />
            ))}
          </div>
        </Section>
      ) : (
        <p className="mt-8 text-slate-600">{m(d.readOnly ? "case.readOnly" : "case.noSteps")}</p>
      )}
    </>
  );
}
