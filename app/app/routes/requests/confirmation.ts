import { resultConfirmation } from "@thads/core/requests";
import type { Route } from "./+types/confirmation";
import { asUser, notFound, requireUser } from "../../utils/user.server.ts";
import { confirmationPdf } from "./confirmation-pdf.server.ts";

/**
 * GET /requests/:code/confirmation.pdf: the confirmation of enforcement results of a request the
 * desk closed with its result, for whoever may read the request (the account that filed it, the
 * desk of its office). Anything else is 404.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const c = await asUser(user, (tx) => resultConfirmation(tx, params.code));
  if (!c) notFound();
  return new Response(new Uint8Array(await confirmationPdf(c)), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Disposition": `attachment; filename="xac-nhan-ket-qua-${c.tracking_code}.pdf"`,
      "Cache-Control": "private, no-store",
    },
  });
}
