import { letterDocument } from "@thads/core/complaints";
import { hasRole } from "@thads/domain/labels";
import type { Route } from "./+types/document";
import { asUser, forbidden, notFound, requireUser } from "../../utils/user.server.ts";
import { COMPLAINT_READERS } from "./roles.ts";
import { downloadName } from "./document-name.ts";

/** A document of a letter, for those row security lets read it (never the person a denunciation is about). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_READERS)) forbidden();
  const file = await asUser(user, (tx) => letterDocument(tx, params.id, params.documentId));
  if (!file) notFound();
  return new Response(new Uint8Array(file.content), {
    headers: {
      "Content-Type": file.content_type,
      "Content-Disposition": `attachment; filename*=UTF-8''${encodeURIComponent(downloadName(file.file_name, file.content_type))}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Security-Policy": "sandbox",
    },
  });
}
