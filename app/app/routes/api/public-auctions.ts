import { asAnon } from "@thads/db";
import type { Route } from "./+types/public-auctions";
import { apiError } from "../../utils/api.server.ts";
import { appSql } from "../../utils/db.server.ts";
import { loadPublicNotices } from "@thads/core/assets";

/** GET /api/v1/public/{slug}/auctions: a province's auction notices, for anyone (read as anon). */
export async function loader({ params }: Route.LoaderArgs) {
  if (!/^[a-z0-9-]{2,60}$/.test(params.slug)) return apiError(400, "invalid_slug", "Mã tỉnh không hợp lệ.");
  const page = await asAnon(appSql(), (tx) => loadPublicNotices(tx, params.slug));
  if (!page) return apiError(404, "not_found", "Không có tỉnh này.");
  return Response.json({ province: page.province, data: page.notices }, { headers: { "Cache-Control": "public, max-age=300" } });
}
