import { myCases } from "@thads/core/creditors";
import type { Route } from "./+types/creditor-cases";
import { creditorApiCaller } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { filterOf } from "../creditor/scope.server.ts";

/** The most cases one answer carries (narrow by province or status for more). */
const API_LIMIT = 10_000;

/** GET /api/v1/creditor/cases: the creditor's own cases in every province, as on "My cases" (scope cases:read). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await creditorApiCaller(request, "cases:read");
  if (user instanceof Response) return user;
  const rows = await asUser(user, (tx) => myCases(tx, filterOf(request), API_LIMIT + 1));
  const capped = rows.length > API_LIMIT;
  return Response.json(
    { data: capped ? rows.slice(0, API_LIMIT) : rows, total: Math.min(rows.length, API_LIMIT), totalIsCapped: capped },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
