import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/file";
import { attachment } from "@thads/core/requests";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";

/** An attachment, for those RLS lets read it (desk staff in scope, the creditor who filed it). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "province_head", "province_staff", "subunit_head", "clerk", "creditor")) forbidden();
  const file = await asUser(user, (tx) => attachment(tx, params.id, params.fileId));
  if (!file) notFound();
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
