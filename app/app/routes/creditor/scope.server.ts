import { hasRole } from "@thads/domain/labels";
import { myCasesFilterSchema } from "@thads/core/creditors";
import { forbidden, requireUser } from "../../utils/user.server.ts";

/** A creditor's page: the signed-in creditor account, or 403. */
export async function requireCreditor(request: Request) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "creditor")) forbidden();
  return user;
}

/** The list's filters from the query string (bad values are dropped). */
export function filterOf(request: Request) {
  const p = new URL(request.url).searchParams;
  return myCasesFilterSchema.parse({
    province: p.get("province") || undefined,
    status: p.get("status") || undefined,
    q: p.get("q") || undefined,
    group: p.get("group") || undefined,
    stuck: p.get("stuck") || undefined,
  });
}
