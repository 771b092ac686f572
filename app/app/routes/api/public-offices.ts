import { asAnon } from "@thads/db";
import { provinceBySlug, requestOffices } from "@thads/core/requests";
import type { Route } from "./+types/public-offices";
import { apiError } from "../../utils/api.server.ts";
import { appSql } from "../../utils/db.server.ts";

/** GET /api/v1/public/{slug}/offices: where a province takes requests (the unitId of a filing), for anyone (read as anon). */
export async function loader({ params }: Route.LoaderArgs) {
  if (!/^[a-z0-9-]{2,60}$/.test(params.slug)) return apiError(400, "invalid_slug", "Mã tỉnh không hợp lệ.");
  const found = await asAnon(appSql(), async (tx) => {
    const province = await provinceBySlug(tx, params.slug);
    return province
      ? {
          province: { slug: province.slug, name: province.name },
          data: (await requestOffices(tx, { province: province.id })).map(({ id, code, name, kind }) => ({ id, code, name, kind })),
        }
      : null;
  });
  if (!found) return apiError(404, "not_found", "Không có tỉnh này.");
  return Response.json(found, { headers: { "Cache-Control": "public, max-age=300" } });
}
