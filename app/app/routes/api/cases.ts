import { caseListScope } from "@thads/domain";
import type { Route } from "./+types/cases";
import { todayVn } from "../../utils/today.ts";
import { apiError, staffApiCaller } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { errorMessagesOf, fieldErrorsOf } from "@thads/core/field-errors";
import { listCases } from "@thads/core/cases";
import { CASE_PAGE_SIZE, CaseFilterSchema } from "@thads/core/cases/filters";

/** GET /api/v1/cases: the same list, filters and RLS as the case list page. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await staffApiCaller(request);
  if (user instanceof Response) return user;
  const parsed = CaseFilterSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return apiError(400, "invalid_filter", errorMessagesOf(parsed.error).join(" "), {
      fields: fieldErrorsOf(parsed.error, { depth: "top" }),
    });
  }
  const result = await asUser(user, (tx) => listCases(tx, parsed.data, todayVn(), caseListScope(user.memberships)));
  return Response.json(
    {
      data: result.rows,
      page: parsed.data.page,
      pageSize: CASE_PAGE_SIZE,
      total: result.total,
      totalIsCapped: result.capped,
      // A money figure's list (side=money): the money of its cases, whole đồng as a string.
      ...(result.moneyTotal !== null ? { moneyTotal: result.moneyTotal } : {}),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}
