import { formatCount, formatDecimal } from "@thads/domain/labels";
import type { MetricsRow } from "@thads/core/requests";
import { Section, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { deskMessages } from "./messages.ts";

/** The one-stop desk's figures per unit over the statistical year. */
export function DeskMetrics({ metrics }: { metrics: MetricsRow[] }) {
  const m = useMessages(deskMessages);
  return (
    <Section title={m("metrics.section")}>
      <Table
        head={[
          m("metrics.col.unit"),
          m("metrics.col.received"),
          m("metrics.col.online"),
          m("metrics.col.onTime"),
          m("metrics.col.late"),
          m("metrics.col.overdue"),
          m("metrics.col.open"),
          m("metrics.col.rating"),
        ]}
      >
        {metrics.map((x) => (
          <tr key={x.unit_id} data-testid="metric-row">
            <td className="px-3 py-2">{x.unit_name}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.received)}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.online)}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.closed_on_time)}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.closed_late)}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.open_overdue)}</td>
            <td className="px-3 py-2 tabular-nums">{formatCount(x.open)}</td>
            <td className="px-3 py-2 tabular-nums">
              {x.average_rating ? `${formatDecimal(x.average_rating)} (${formatCount(x.ratings)})` : "—"}
            </td>
          </tr>
        ))}
      </Table>
    </Section>
  );
}
