import { useLoaderData } from "react-router";
import { formatCount, hasRole } from "@thads/domain";
import type { Route } from "./+types/steering";
import { PageHeader, Section, Stat, StatGrid } from "../components/ui.tsx";
import { useT } from "../i18n.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "steering_member")) forbidden();
  const committees = user.memberships.filter((m) => m.role === "steering_member");
  return asUser(user, async (tx) => {
    // Cases visible to a steering member are exactly those on its committee's list (RLS).
    const [row] = await tx<{ n: bigint }[]>`select count(*) as n from public.cases`;
    return {
      committees: committees.map((c) => ({ unitName: c.unitName, national: c.unitKind === "national" })),
      flagged: Number(row?.n ?? 0n),
    };
  });
}

export default function Steering() {
  const d = useLoaderData<typeof loader>();
  const tr = useT();
  return (
    <>
      <PageHeader title={tr("home.steering.title")} />
      <StatGrid>
        <Stat label={tr("steering.flagged")} value={formatCount(d.flagged)} testId="stat-flagged" />
      </StatGrid>
      <Section title={tr("steering.scope")}>
        <ul className="list-disc pl-6">
          {d.committees.map((c) => (
            <li key={c.unitName ?? "national"}>{c.national ? tr("steering.national") : c.unitName}</li>
          ))}
        </ul>
        {d.flagged === 0 ? <p className="mt-4 text-slate-600">{tr("steering.empty")}</p> : null}
      </Section>
    </>
  );
}
