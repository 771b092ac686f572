import { Link, useLoaderData } from "react-router";
import { ASSET_STATUSES, ASSET_STATUS_LABELS, auctionRulesFor } from "@thads/domain";
import type { Route } from "./+types/list";
import { PageHeader } from "../../components/ui.tsx";
import { useLang } from "../../i18n.ts";
import { todayVn } from "../../utils/today.ts";
import { asUser, requireUser } from "../../utils/user.server.ts";
import { loadAssetList } from "@thads/core/assets";
import { assetScope, scopeFilter, scopeQuery } from "./scope.server.ts";
import { AssetTable } from "./asset-ui.tsx";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const url = new URL(request.url);
  const { unit } = await assetScope(user, url);
  const stuck = url.searchParams.get("stuck") === "1";
  const rules = auctionRulesFor(todayVn());
  const minParam = Number(url.searchParams.get("min") ?? rules.stuckAfterFailedRounds);
  const minFailed = Number.isInteger(minParam) && minParam >= 1 && minParam <= 100 ? minParam : rules.stuckAfterFailedRounds;
  const status = url.searchParams.get("status");
  const rows = await asUser(user, (tx) =>
    loadAssetList(tx, {
      ...scopeFilter(unit),
      stuck,
      minFailed,
      status: status && (ASSET_STATUSES as readonly string[]).includes(status) ? status : null,
    }),
  );
  const scope = scopeQuery(unit);
  return { unit, rows, stuck, minFailed, scope };
}

export default function Assets() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  return (
    <>
      <PageHeader
        title={d.stuck ? (vi ? `Tài sản tồn đọng sau ${d.minFailed} phiên không thành · ${d.unit.name}` : `Assets stuck after ${d.minFailed} failed rounds · ${d.unit.name}`) : vi ? `Tài sản thi hành án · ${d.unit.name}` : `Assets · ${d.unit.name}`}
        subtitle={d.stuck ? (vi ? "Danh sách để Thủ trưởng xem xét và đề xuất Ban Chỉ đạo tháo gỡ." : "For the head's review and the steering committee.") : null}
      />
      <nav className="mb-4 flex flex-wrap gap-3 text-sm">
        <Link className="underline" to={`/assets?${d.scope}`}>{vi ? "Tất cả" : "All"}</Link>
        <Link className="underline" to={`/assets?${d.scope}&status=at_auction`}>{ASSET_STATUS_LABELS.at_auction[lang]}</Link>
        <Link className="underline" to={`/assets?${d.scope}&stuck=1`}>{vi ? "Tồn đọng" : "Stuck"}</Link>
        <Link className="underline" to={`/assets/calendar?${d.scope}`}>{vi ? "Lịch đấu giá" : "Auction calendar"}</Link>
      </nav>
      <AssetTable rows={d.rows} showCase />
    </>
  );
}
