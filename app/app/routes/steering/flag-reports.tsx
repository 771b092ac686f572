import { useLoaderData } from "react-router";
import { formatDateVi, formatDong } from "@thads/domain/labels";
import { Section, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import type { loader } from "./flag.tsx";
import { steeringMessages } from "./messages.ts";
import { WrappingField, StepForm, inputCls, useFieldError } from "./steering-ui.tsx";

/** A flagged case's progress reports, the periods still missing, and the bureau's report form. */
export function FlagReports() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const f = d.flag;
  const repErr = useFieldError("steering_report");
  return (
    <Section title={m("common.progressReports")}>
      {d.missing.length > 0 ? (
        <p role="status" data-testid="missing-reports" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
          {m("flag.missingReports")}: {d.missing.map((p) => p.label).join(", ")}
        </p>
      ) : null}
      <Table
        head={[
          m("flag.report.period"),
          m("flag.report.body"),
          m("flag.report.collected"),
          m("flag.report.reportedOn"),
          m("flag.report.by"),
        ]}
      >
        {d.reports.map((r) => (
          <tr key={r.id} data-testid="report-row">
            <td className="px-3 py-2">{r.label}</td>
            <td className="px-3 py-2 whitespace-pre-line">{r.body}</td>
            <td className="px-3 py-2 tabular-nums">{formatDong(r.money_collected)}</td>
            <td className="px-3 py-2 tabular-nums">{formatDateVi(r.reported_on)}</td>
            <td className="px-3 py-2">{r.reporter ?? "—"}</td>
          </tr>
        ))}
      </Table>
      {d.bureau && f.status === "accepted" ? (
        <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" open={Boolean(repErr("body") || repErr("period"))}>
          <summary className="cursor-pointer font-semibold">{m("flag.report.open")}</summary>
          <StepForm intent="steering_report" submit={m("flag.report.submit")} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
            <input type="hidden" name="idempotencyKey" value={d.keys.report} />
            <input type="hidden" name="flagId" value={f.id} />
            <WrappingField label={m("flag.report.periodField")} error={repErr("period")}>
              <input
                name="period"
                defaultValue={d.missing[0] ? formatDateVi(d.missing[0].start) : formatDateVi(d.today)}
                className={inputCls}
              />
            </WrappingField>
            <div className="col-span-full">
              <WrappingField label={m("flag.report.bodyField")} error={repErr("body")}>
                <textarea name="body" rows={3} className={inputCls} />
              </WrappingField>
            </div>
          </StepForm>
        </details>
      ) : null}
    </Section>
  );
}
