import { Link } from "react-router";
import { formatTrackingCode } from "@thads/domain/labels";
import { PageHeader } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";

/** The answer to a filed request: its tracking code, the time limit and the way to track it. */
export function RequestFiled({
  code,
  title,
  subtitle,
  limitDays,
  trackHref,
}: {
  code: string;
  title: string;
  subtitle: string;
  limitDays: number;
  trackHref: string;
}) {
  const m = useMessages(publicMessages);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-6" role="status">
        <p>{m("new.filed.code")}</p>
        <p className="mt-2 font-mono text-3xl font-bold tracking-widest" data-testid="tracking-code">
          {formatTrackingCode(code)}
        </p>
        <p className="mt-3 text-sm">{m("new.filed.keep")}</p>
        <p className="mt-1 text-sm">{m("new.filed.limit", { days: limitDays })}</p>
        <Link to={trackHref} className="mt-4 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">
          {m("new.filed.track")}
        </Link>
      </div>
    </>
  );
}
