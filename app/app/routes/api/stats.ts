import type { Route } from "./+types/stats";
import { apiError, staffApiCaller } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { errorMessagesOf, fieldErrorsOf } from "@thads/core/field-errors";
import { mayReadStats, resolveUnit, StatsQuerySchema, toJson, unitBreakdown } from "@thads/core/stats";

/**
 * GET /api/v1/stats?unit=<unit code>&from=YYYY-MM-DD&to=YYYY-MM-DD: the official figures by cases
 * and by money for a unit and period, with every line split by decision kind and by judgment type
 * (one read of the aggregates), authorised like the statistics pages, read under RLS.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await staffApiCaller(request, { creditors: true });
  if (user instanceof Response) return user;
  const parsed = StatsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return apiError(400, "invalid_query", errorMessagesOf(parsed.error).join(" "), {
      fields: fieldErrorsOf(parsed.error, { depth: "top" }),
    });
  }
  const { unit: code, from, to } = parsed.data;
  const result = await asUser(user, async (tx) => {
    const unit = await resolveUnit(tx, code);
    if (!unit) return { status: 404 as const };
    if (!mayReadStats(user.memberships, unit)) return { status: 403 as const };
    const { line, parts } = await unitBreakdown(tx, unit, from, to);
    return { status: 200 as const, body: toJson(unit.code, from, to, line, parts) };
  });
  if (result.status === 404) return apiError(404, "unit_not_found", `Không tìm thấy đơn vị có mã ${code}.`);
  if (result.status === 403) return apiError(403, "forbidden", `Không có quyền xem số liệu thống kê của đơn vị ${code}.`);
  return Response.json(result.body, { headers: { "Cache-Control": "private, no-store" } });
}
