import { Link, useLoaderData } from "react-router";
import { PROCEDURES } from "@thads/domain/labels";
import { formatCount, formatDateVi, formatTrackingCode, hasRole, REQUEST_STATUS_LABELS } from "@thads/domain/labels";
import type { Route } from "./+types/home";
import { PageHeader, Section, Stat, StatGrid } from "../../components/ui.tsx";
import { useLang, useMessages, useT, type MessageKey } from "../../i18n.ts";
import { creditorMessages } from "../creditor/messages.ts";
import { creditorHome } from "@thads/core/requests";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "creditor")) forbidden();
  const home = await asUser(user, (tx) => creditorHome(tx, user.id));
  return { name: home.fullName ?? user.email, kind: home.creditorKind ?? "citizen", cases: home.cases, requests: home.requests };
}

export default function Requests() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  const m = useMessages(creditorMessages);
  return (
    <>
      <PageHeader title={tr("home.creditor.title")} subtitle={d.name} />
      <StatGrid>
        <Stat label={tr("creditor.kind")} value={tr(`creditor.kind.${d.kind}` as MessageKey)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.cases)} testId="stat-cases" />
      </StatGrid>
      <p className="my-3">
        <Link to="/creditor/cases" className="text-blue-700 underline" data-testid="my-cases-link">
          {m("cases.open")}
        </Link>
      </p>
      <Section title={tr("home.creditor.title")}>
        {d.requests.length === 0 ? (
          <p className="text-slate-600">{tr("creditor.empty")}</p>
        ) : (
          <ul className="space-y-2" data-testid="my-requests">
            {d.requests.map((r) => (
              <li key={r.tracking_code} className="rounded border border-slate-200 bg-white p-3 text-sm">
                <span className="font-mono">{formatTrackingCode(r.tracking_code)}</span> · {PROCEDURES[r.kind].name[lang]} · {r.unit_name} ·{" "}
                {formatDateVi(r.submitted_on)} · <strong>{REQUEST_STATUS_LABELS[r.status][lang]}</strong>
                {r.result_note ? <p className="mt-1 whitespace-pre-line">{r.result_note}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>
    </>
  );
}
