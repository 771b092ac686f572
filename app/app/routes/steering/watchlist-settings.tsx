import { useLoaderData } from "react-router";
import { formatDong } from "@thads/domain/labels";
import { useMessages } from "../../i18n.ts";
import { steeringMessages } from "./messages.ts";
import type { loader } from "./watchlist.tsx";
import { StepForm, WrappingField, inputCls, useFieldError } from "./steering-ui.tsx";

/** The committee's report cadence and the thresholds that suggest cases to the bureaus. */
export function WatchlistSettings() {
  const d = useLoaderData<typeof loader>();
  const m = useMessages(steeringMessages);
  const err = useFieldError("steering_settings");
  const c = d.committee!;
  return (
    <details
      className="mt-6 rounded-lg border border-slate-200 bg-white p-3"
      open={Boolean(err("minOutstanding") || err("openYears") || err("failedAuctionRounds"))}
    >
      <summary className="cursor-pointer font-semibold">
        {m("settings.title")}:{" "}
        <span className="font-normal">
          {m("settings.summary", {
            outstanding: formatDong(c.min_outstanding),
            years: c.open_years,
            rounds: c.failed_auction_rounds,
            cadence: m(c.report_cadence === "monthly" ? "settings.cadenceWord.monthly" : "settings.cadenceWord.quarterly"),
          })}
        </span>
      </summary>
      <StepForm intent="steering_settings" submit={m("settings.save")} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-4">
        <input type="hidden" name="committeeId" value={c.id} />
        <input type="hidden" name="expectedVersion" value={c.version} />
        <WrappingField label={m("settings.minOutstanding")} error={err("minOutstanding")}>
          <input name="minOutstanding" defaultValue={formatDong(c.min_outstanding).replace(/ ₫$/, "")} className={inputCls} />
        </WrappingField>
        <WrappingField label={m("settings.openYears")} error={err("openYears")}>
          <input name="openYears" defaultValue={c.open_years} inputMode="numeric" className={inputCls} />
        </WrappingField>
        <WrappingField label={m("settings.failedAuctionRounds")} error={err("failedAuctionRounds")}>
          <input name="failedAuctionRounds" defaultValue={c.failed_auction_rounds} inputMode="numeric" className={inputCls} />
        </WrappingField>
        <WrappingField label={m("settings.reportCadence")} error={err("reportCadence")}>
          <select name="reportCadence" defaultValue={c.report_cadence} className={inputCls}>
            <option value="monthly">{m("settings.cadence.monthly")}</option>
            <option value="quarterly">{m("settings.cadence.quarterly")}</option>
          </select>
        </WrappingField>
      </StepForm>
    </details>
  );
}
