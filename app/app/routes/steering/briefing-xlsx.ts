import { hasRole, isNational } from "@thads/domain/labels";
import type { Route } from "./+types/briefing-xlsx";
import { todayVn } from "../../utils/today.ts";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { loadBriefing, visibleCommittees } from "@thads/core/steering";
import { briefingXlsx } from "./briefing.server.ts";

/** The briefing pack as a workbook: the watchlist with the latest progress and the open directives. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const national = isNational(user.memberships);
  if (!hasRole(user.memberships, "steering_member") && !national) forbidden();
  const wanted = new URL(request.url).searchParams.get("committee");
  const today = todayVn();
  const { committee, items } = await asUser(user, async (tx) => {
    const committees = await visibleCommittees(tx, { onlyMine: !national });
    const committee = committees.find((c) => c.id === wanted) ?? committees.find((c) => c.is_member);
    if (!committee) notFound();
    return { committee, items: await loadBriefing(tx, committee, today) };
  });

  const buffer = await briefingXlsx(committee, items, today);
  return new Response(buffer, {
    headers: {
      "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "Content-Disposition": `attachment; filename="tai-lieu-hop-ban-chi-dao-${today}.xlsx"`,
    },
  });
}
