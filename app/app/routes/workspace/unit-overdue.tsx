import { Link } from "react-router";
import { formatCount, formatDateVi } from "@thads/domain";
import type { OverdueByExecutor } from "@thads/core/workspace";
import { Section, Table, CaseLink } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { workspaceMessages } from "./messages.ts";

/**
 * The office's overdue steps by executor: how many, and the one overdue longest; the count opens the
 * case list of exactly those cases (the executor's open cases past their deadline).
 */
export function OverdueByExecutorSection({ unitCode, rows }: { unitCode: string; rows: OverdueByExecutor[] }) {
  const m = useMessages(workspaceMessages);
  return (
    <Section title={m("overdue.title")}>
      {rows.length === 0 ? (
        <p className="text-slate-600">{m("overdue.none")}</p>
      ) : (
        <Table head={[m("overdue.executor"), m("overdue.count"), m("overdue.oldest")]}>
          {rows.map((r) => (
            <tr key={r.id} data-testid="overdue-executor">
              <td className="px-3 py-2">{r.full_name}</td>
              <td className="px-3 py-2 font-semibold tabular-nums text-red-700">
                <Link className="underline" to={`/cases?unit=${unitCode}&executor=${r.id}&open=1&overdue=1&sort=deadline_asc`}>
                  {formatCount(r.overdue)}
                </Link>
              </td>
              <td className="px-3 py-2 tabular-nums">
                <CaseLink id={r.oldest_case_id}>
                  {m("overdue.oldestCase", { date: formatDateVi(r.oldest_on), number: r.oldest_case_number })}
                </CaseLink>
              </td>
            </tr>
          ))}
        </Table>
      )}
    </Section>
  );
}
