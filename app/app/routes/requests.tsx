import { useLoaderData } from "react-router";
import { formatCount, formatDateVi, formatTrackingCode, hasRole, PROCEDURES, REQUEST_STATUS_LABELS } from "@thads/domain";
import type { Route } from "./+types/requests";
import { PageHeader, Section, Stat, StatGrid } from "../components/ui.tsx";
import { useLang, useT, type MessageKey } from "../i18n.ts";
import { myRequests } from "../public/public.server.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "creditor")) forbidden();
  return asUser(user, async (tx) => {
    const [profile] = await tx<{ full_name: string; creditor_kind: string | null }[]>`
      select full_name, creditor_kind from public.profiles where id = ${user.id}`;
    // Cases where this creditor is a party are the ones RLS lets it read.
    const [row] = await tx<{ n: bigint }[]>`select count(*) as n from public.cases`;
    // Requests filed while signed in (RLS: requester_id = the user).
    const requests = await myRequests(tx);
    return { name: profile?.full_name ?? user.email, kind: profile?.creditor_kind ?? "citizen", cases: Number(row?.n ?? 0n), requests };
  });
}

export default function Requests() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  const lang = useLang();
  return (
    <>
      <PageHeader title={tr("home.creditor.title")} subtitle={d.name} />
      <StatGrid>
        <Stat label={tr("creditor.kind")} value={tr(`creditor.kind.${d.kind}` as MessageKey)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.cases)} testId="stat-cases" />
      </StatGrid>
      <Section title={tr("home.creditor.title")}>
        {d.requests.length === 0 ? <p className="text-slate-600">{tr("creditor.empty")}</p> : (
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
