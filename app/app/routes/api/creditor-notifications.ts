import { hasRole, type NotificationKind } from "@thads/domain";
import { notificationsSince } from "@thads/core/creditors";
import { NotificationApiQuerySchema } from "@thads/core/creditors/notification-schema";
import { errorMessagesOf, fieldErrorsOf } from "@thads/core/field-errors";
import type { Route } from "./+types/creditor-notifications";
import { apiError, apiUser, hasScope } from "../../utils/api.server.ts";
import { asUser } from "../../utils/user.server.ts";

/**
 * GET /api/v1/creditor/notifications: the account's notifications, oldest first after `since`.
 * A token reads those its scopes cover: request status changes with requests:read, payments and
 * passed deadlines with cases:read.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await apiUser(request);
  if (!user) return apiError(401, "unauthenticated", "Chưa đăng nhập, mã truy cập sai, đã hết hạn hoặc đã thu hồi.");
  if (!hasRole(user.memberships, "creditor")) return apiError(403, "forbidden", "Chỉ tài khoản người được thi hành án.");
  const kinds: NotificationKind[] = [
    ...(hasScope(user, "requests:read") ? (["request_status"] as const) : []),
    ...(hasScope(user, "cases:read") ? (["payment", "deadline_missed"] as const) : []),
  ];
  if (kinds.length === 0) return apiError(403, "insufficient_scope", "Mã truy cập không có quyền cases:read hay requests:read.");
  const q = NotificationApiQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) {
    return apiError(400, "invalid_query", errorMessagesOf(q.error).join(" "), { fields: fieldErrorsOf(q.error, { depth: "top" }) });
  }
  const rows = await asUser(user, (tx) =>
    notificationsSince(tx, { kinds, since: q.data.since ?? null, unreadOnly: q.data.unread === "1", limit: q.data.limit }),
  );
  return Response.json({ data: rows, total: rows.length }, { headers: { "Cache-Control": "private, no-store" } });
}
