import { isCreditorOnly } from "@thads/domain";
import type { Route } from "./+types/case";
import { todayVn } from "../../utils/today.ts";
import { apiError, apiUser } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";
import { loadCasePage } from "@thads/core/cases";
import { isUuid } from "@thads/core/input";

/** GET /api/v1/cases/:id: a case with parties, obligations, receipts, timeline and deadlines. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await apiUser(request);
  if (!user) return apiError(401, "unauthenticated", "Chưa đăng nhập hoặc phiên đã hết hạn.");
  // A creditor's API token reads the creditor endpoints only.
  if (user.scopes !== "session") return apiError(403, "forbidden", "Mã truy cập API chỉ dùng cho /api/v1/creditor/….");
  if (isCreditorOnly(user.memberships)) return apiError(403, "forbidden", "Tài khoản người được thi hành án không dùng API của cán bộ.");
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
