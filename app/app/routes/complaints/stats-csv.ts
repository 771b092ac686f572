import { complaintStats, complaintStatsCsv } from "@thads/core/complaints";
import { hasRole } from "@thads/domain/labels";
import { z } from "zod";
import type { Route } from "./+types/stats-csv";
import { asUser, forbidden, requireUser } from "../../utils/user.server.ts";
import { COMPLAINT_READERS } from "./roles.ts";

const PeriodSchema = z.object({ from: z.iso.date(), to: z.iso.date() });

/** The complaint statistics of the period as CSV: the figures the page shows, per unit, with a total. */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, ...COMPLAINT_READERS)) forbidden();
  const parsed = PeriodSchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return new Response("Kỳ thống kê: nhập từ ngày và đến ngày (yyyy-mm-dd).", { status: 400 });
  const rows = await asUser(user, (tx) => complaintStats(tx, parsed.data));
  return new Response(complaintStatsCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="khieu-nai-to-cao-${parsed.data.from}-${parsed.data.to}.csv"`,
    },
  });
}
