import { Link, useLoaderData } from "react-router";
import { CASE_EVENT_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import { myCase } from "@thads/core/creditors";
import type { Route } from "./+types/case";
import { FactGrid, PageHeader, Section } from "../../components/ui.tsx";
import { caseStatusLabel, deadlineLabel, useLang, useMessages } from "../../i18n.ts";
import { asUser, notFound } from "../../utils/user.server.ts";
import { creditorMessages } from "./messages.ts";
import { requireCreditor } from "./scope.server.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireCreditor(request);
  if (!UUID.test(params.id)) notFound();
  // RLS: only a case where a party linked to the account is a creditor is found.
  const found = await asUser(user, (tx) => myCase(tx, params.id));
  if (!found) notFound();
  return found;
}

export default function CreditorCase() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(creditorMessages);
  const lang = useLang();
  const c = d.case;
  return (
    <>
      <p className="text-sm">
        <Link to="/creditor/cases" className="text-blue-700 underline">
          {m("case.back")}
        </Link>
      </p>
      <PageHeader title={m("case.title", { number: c.case_number })} subtitle={c.debtor_name} />
      <FactGrid
        facts={[
          [m("cases.col.province"), c.province_name, "case-province"],
          [m("case.unit"), c.unit_name, "case-unit"],
          [m("cases.col.status"), caseStatusLabel(lang, c.status), "case-status"],
          [m("cases.col.due"), formatDong(c.money_due), "case-due"],
          [m("cases.col.collected"), formatDong(c.money_collected), "case-collected"],
          [m("cases.col.outstanding"), formatDong(c.money_outstanding), "case-outstanding"],
          [
            m("cases.col.deadline"),
            c.next_deadline_on ? `${formatDateVi(c.next_deadline_on)} · ${deadlineLabel(lang, c.next_deadline_kind ?? "")}` : "—",
            "case-deadline",
          ],
          [m("cases.col.executor"), c.executor_name ?? "—", "case-executor"],
        ]}
      />
      <Section title={m("case.timeline")}>
        <ol className="space-y-1 text-sm" data-testid="creditor-timeline">
          {d.timeline.map((e, i) => (
            <li key={`${e.kind}-${i}`}>
              {formatDateVi(e.effective_date)} ·{" "}
              <strong>{CASE_EVENT_LABELS[e.kind as keyof typeof CASE_EVENT_LABELS]?.[lang] ?? e.kind}</strong>
              {e.decision_number ? ` · ${m("case.decisionNumber")}: ${e.decision_number}` : ""}
              {e.amount ? ` · ${m("case.amount")}: ${formatDong(e.amount)} đ` : ""}
            </li>
          ))}
        </ol>
      </Section>
    </>
  );
}
