import type { Route } from "./+types/case";
import { todayVn } from "../../utils/today.ts";
import { apiError, staffApiCaller } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { loadCasePage } from "@thads/core/cases";
import { isUuid } from "@thads/core/input";

/** GET /api/v1/cases/:id: a case with parties, obligations, receipts, timeline and deadlines. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await staffApiCaller(request);
  if (user instanceof Response) return user;
  if (!isUuid(params.id)) {
    return apiError(400, "invalid_id", "Mã việc không hợp lệ.");
  }
  const page = await asUser(user, (tx) =>
    loadCasePage(
      tx,
      params.id,
      user.memberships.map((m) => m.role),
      todayVn(),
    ),
  );
  if (!page) return apiError(404, "not_found", "Không tìm thấy việc thi hành án.");
  const { keys: _keys, executors: _executors, provinces: _provinces, names: _names, ...body } = page;
  return Response.json({ data: body }, { headers: { "Cache-Control": "private, no-store" } });
}
