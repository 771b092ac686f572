import { hasRole } from "@thads/domain/labels";
import { myRequests } from "@thads/core/requests";
import type { Route } from "./+types/creditor-requests";
import { apiError, apiUser, hasScope } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";

/** GET /api/v1/creditor/requests: the creditor's requests, as on its home page (scope requests:read). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await apiUser(request);
  if (!user) return apiError(401, "unauthenticated", "Chưa đăng nhập, mã truy cập sai, đã hết hạn hoặc đã thu hồi.");
  if (!hasRole(user.memberships, "creditor")) return apiError(403, "forbidden", "Chỉ tài khoản người được thi hành án.");
  if (!hasScope(user, "requests:read")) return apiError(403, "insufficient_scope", "Mã truy cập không có quyền requests:read.");
  const rows = await asUser(user, (tx) => myRequests(tx));
  return Response.json({ data: rows, total: rows.length }, { headers: { "Cache-Control": "private, no-store" } });
}
