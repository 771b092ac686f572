import { Link } from "react-router";
import { formatDateVi, formatDong, type DueBucket } from "@thads/domain";
import type { WorklistCase, WorklistDirective } from "@thads/core/workspace";
import { Section, Table, CaseLink } from "../../components/ui.tsx";
import { caseStatusLabel, deadlineLabel, useLang, useMessages } from "../../i18n.ts";
import { workspaceMessages } from "./messages.ts";

const GROUPS = [
  { key: "overdue", title: "worklist.group.overdue", buckets: ["overdue"] },
  { key: "this_week", title: "worklist.group.this_week", buckets: ["this_week"] },
  { key: "later", title: "worklist.group.later", buckets: ["later", "none"] },
] as const satisfies readonly { key: string; title: string; buckets: readonly DueBucket[] }[];

/** The executor's open cases in three groups (overdue, due this week, the rest), each row opening its case. */
export function WorklistCases({ cases }: { cases: WorklistCase[] }) {
  const m = useMessages(workspaceMessages);
  const lang = useLang();
  if (cases.length === 0) return <p className="mt-8 text-slate-600">{m("worklist.empty")}</p>;
  return (
    <>
      {GROUPS.map((g) => {
        const rows = cases.filter((c) => (g.buckets as readonly DueBucket[]).includes(c.bucket));
        if (rows.length === 0) return null;
        return (
          <Section key={g.key} title={`${m(g.title)} (${rows.length})`}>
            <div data-testid={`worklist-group-${g.key}`}>
              <Table
                head={[
                  m("worklist.col.case"),
                  m("worklist.col.debtor"),
                  m("worklist.col.status"),
                  m("worklist.col.step"),
                  m("worklist.col.due"),
                  m("worklist.col.outstanding"),
                ]}
              >
                {rows.map((c) => (
                  <tr key={c.id} data-testid="worklist-row" data-bucket={c.bucket}>
                    <td className="px-3 py-2">
                      <CaseLink id={c.id}>{c.case_number}</CaseLink>
                    </td>
                    <td className="px-3 py-2">{c.debtor_name}</td>
                    <td className="px-3 py-2">{caseStatusLabel(lang, c.status)}</td>
                    <td className="px-3 py-2">{c.next_deadline_kind ? deadlineLabel(lang, c.next_deadline_kind) : m("worklist.noStep")}</td>
                    <td className={`px-3 py-2 tabular-nums ${c.bucket === "overdue" ? "font-semibold text-red-700" : ""}`}>
                      {c.next_deadline_on ? formatDateVi(c.next_deadline_on) : "—"}
                    </td>
                    <td className="px-3 py-2 tabular-nums">{formatDong((BigInt(c.money_due) - BigInt(c.money_collected)).toString())}</td>
                  </tr>
                ))}
              </Table>
            </div>
          </Section>
        );
      })}
    </>
  );
}

/** Directives of steering committees to the executor or on his cases, still unanswered. */
export function WorklistDirectives({ items }: { items: WorklistDirective[] }) {
  const m = useMessages(workspaceMessages);
  return (
    <Section title={m("worklist.directivesTitle")}>
      {items.length === 0 ? (
        <p className="text-slate-600">{m("worklist.directivesNone")}</p>
      ) : (
        <Table
          head={[
            m("worklist.col.case"),
            m("worklist.col.committee"),
            m("worklist.col.directive"),
            m("worklist.col.issued"),
            m("worklist.col.directiveDue"),
          ]}
        >
          {items.map((d) => (
            <tr key={d.id} data-testid="worklist-directive">
              <td className="px-3 py-2">
                {d.case_id ? <CaseLink id={d.case_id}>{d.case_number}</CaseLink> : "—"}
                <div className="text-xs text-slate-600">{m(d.to_me ? "worklist.toMe" : "worklist.toUnit")}</div>
              </td>
              <td className="px-3 py-2">{d.committee_name}</td>
              <td className="px-3 py-2">
                {d.body}
                {d.to_me ? (
                  <div>
                    <Link className="text-xs text-blue-800 underline" to="/steering/tasks">
                      {m("worklist.answer")}
                    </Link>
                  </div>
                ) : null}
              </td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(d.issued_on)}</td>
              <td className={`px-3 py-2 tabular-nums ${d.state === "overdue" ? "font-semibold text-red-700" : ""}`}>
                {formatDateVi(d.due_on)}
                {d.state === "overdue" ? ` (${m("worklist.directiveOverdue")})` : null}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
