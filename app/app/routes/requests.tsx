import { useLoaderData } from "react-router";
import { formatCount, hasRole } from "@thads/domain";
import type { Route } from "./+types/requests";
import { PageHeader, Section, Stat, StatGrid } from "../components/ui.tsx";
import { useT, type MessageKey } from "../i18n.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "creditor")) forbidden();
  return asUser(user, async (tx) => {
    const [profile] = await tx<{ full_name: string; creditor_kind: string | null }[]>`
      select full_name, creditor_kind from public.profiles where id = ${user.id}`;
    // Cases where this creditor is a party are the ones RLS lets it read.
    const [row] = await tx<{ n: bigint }[]>`select count(*) as n from public.cases`;
    return { name: profile?.full_name ?? user.email, kind: profile?.creditor_kind ?? "citizen", cases: Number(row?.n ?? 0n) };
  });
}

export default function Requests() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <>
      <PageHeader title={tr("home.creditor.title")} subtitle={d.name} />
      <StatGrid>
        <Stat label={tr("creditor.kind")} value={tr(`creditor.kind.${d.kind}` as MessageKey)} />
        <Stat label={tr("stat.cases")} value={formatCount(d.cases)} testId="stat-cases" />
      </StatGrid>
      <Section title={tr("home.creditor.title")}>
        <p className="text-slate-600">{tr("creditor.empty")}</p>
      </Section>
    </>
  );
}
