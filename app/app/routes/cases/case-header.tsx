import { Link, useLoaderData } from "react-router";
import type { CaseStatus } from "@thads/domain";
import { CASE_STATUS_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import { FactGrid } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { JUDGMENT_TYPE_LABELS } from "../../labels.ts";
import type { loader } from "./case.tsx";
import { labelOf } from "./label-of.ts";
import { casesMessages } from "./messages.ts";

/** The case's number, status, unit and transfer state, then its key facts. */
export function CaseHeader() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(casesMessages);
  const c = d.case;
  return (
    <>
      <p className="text-sm">
        <Link to={`/cases?unit=${c.unit_code}`} className="underline">
          {m("case.back")}
        </Link>
      </p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{m("case.title", { number: c.case_number })}</h1>
        <p className="mt-1 text-slate-700">
          <span data-testid="case-status" className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold">
            {CASE_STATUS_LABELS[c.status as CaseStatus]?.[lang] ?? c.status}
          </span>
          {c.unit_name} · {c.province_name}
          {" · "}
          <Link to={`/cases/${c.id}/assets`} className="underline" data-testid="case-assets-link">
            {m("case.assets")}
          </Link>
        </p>
        {c.transferred_to_name ? (
          <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {m("case.transferredTo", { unit: c.transferred_to_name })}
          </p>
        ) : null}
        {c.transferred_from_case_id ? (
          <p className="mt-2 rounded border border-sky-300 bg-sky-50 p-2 text-sm">{m("case.transferredFrom")}</p>
        ) : c.transferred_from_agency ? (
          <p className="mt-2 rounded border border-sky-300 bg-sky-50 p-2 text-sm" data-testid="transferred-from-agency">
            {c.entrusting_decision_number && c.entrusting_decision_on
              ? m("case.transferredFromAgencyDecision", {
                  agency: c.transferred_from_agency,
                  number: c.entrusting_decision_number,
                  date: formatDateVi(c.entrusting_decision_on),
                })
              : m("case.transferredFromAgency", { agency: c.transferred_from_agency })}
          </p>
        ) : null}
        <RegisterNote />
        {c.proposed_executor ? (
          <p className="mt-2 rounded border border-slate-300 bg-slate-50 p-2 text-sm" data-testid="proposed-executor">
            {m("case.proposedExecutor", { name: c.proposed_executor })}
          </p>
        ) : null}
        {d.ledgerError ? (
          <p role="alert" className="mt-2 text-red-700">
            {d.ledgerError}
          </p>
        ) : null}
      </header>

      <FactGrid
        facts={[
          [m("fact.due"), formatDong(c.money_due), "money-due"],
          [m("fact.collected"), formatDong(c.money_collected), "money-collected"],
          [m("fact.outstanding"), formatDong(c.outstanding), "money-outstanding"],
          [m("executor"), c.executor_name ?? m("fact.notAssigned"), "executor"],
          [m("fact.accepted"), formatDateVi(c.accepted_on), "accepted-on"],
          [m("fact.decisionDate"), c.decision_date ? formatDateVi(c.decision_date) : "—", "decision-date"],
          [m("fact.judgment"), c.judgment_number ? `${c.judgment_number} · ${c.court_name}` : "—", "judgment"],
          [m("fact.judgmentType"), labelOf(JUDGMENT_TYPE_LABELS, c.judgment_type, lang), "judgment-type"],
        ]}
      />
    </>
  );
}

/** Why and when a not-yet-enforceable case goes (or went) to the separate register, or its request back; with its sources. */
function RegisterNote() {
  const r = useLoaderData<typeof loader>().register;
  const lang = useLang();
  const m = useMessages(casesMessages);
  if (!r) return null;
  const p = {
    since: formatDateVi(r.since),
    months: r.months,
    ends: formatDateVi(r.periodEndsOn),
    min: r.minVerifications,
    n: r.verifications,
    registered: r.registeredOn ? formatDateVi(r.registeredOn) : "—",
  };
  const text =
    r.standing === "pending"
      ? m(r.step === "request_returned" ? "register.pending.request_returned" : "register.pending.register_transfer", p)
      : r.standing === "registered"
        ? m("register.registered", { ...p, on: p.registered })
        : r.standing === "returned"
          ? m("register.returned", { ...p, on: r.returnedOn ? formatDateVi(r.returnedOn) : "—" })
          : m("register.reopened", { ...p, on: r.reopenedOn ? formatDateVi(r.reopenedOn) : "—" });
  const sources = r.sources.map((x) => `${x[lang]}${x.verified === "unverified" ? ` ${m("register.unverified")}` : ""}`).join("; ");
  return (
    <div className="mt-2 rounded border border-violet-300 bg-violet-50 p-2 text-sm" data-testid="register-note">
      <p className="font-semibold">{m("register.title")}</p>
      <p data-testid="register-reason">{text}</p>
      <p className="text-slate-600">{m("register.sources", { sources })}</p>
    </div>
  );
}
