import { Link, useLoaderData } from "react-router";
import { auctionRulesFor } from "@thads/domain";
import { ASSET_STATUSES, ASSET_STATUS_LABELS } from "@thads/domain/labels";
import type { Route } from "./+types/list";
import { PageHeader } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { assetsMessages } from "./messages.ts";
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
  const m = useMessages(assetsMessages);
  return (
    <>
      <PageHeader
        title={d.stuck ? m("list.title.stuck", { min: d.minFailed, unit: d.unit.name }) : m("list.title", { unit: d.unit.name })}
        subtitle={d.stuck ? m("list.subtitle.stuck") : null}
      />
      <nav className="mb-4 flex flex-wrap gap-3 text-sm">
        <Link className="underline" to={`/assets?${d.scope}`}>
          {m("list.filter.all")}
        </Link>
        <Link className="underline" to={`/assets?${d.scope}&status=at_auction`}>
          {ASSET_STATUS_LABELS.at_auction[lang]}
        </Link>
        <Link className="underline" to={`/assets?${d.scope}&stuck=1`}>
          {m("list.filter.stuck")}
        </Link>
        <Link className="underline" to={`/assets/calendar?${d.scope}`}>
          {m("list.filter.calendar")}
        </Link>
      </nav>
      <AssetTable rows={d.rows} showCase />
    </>
  );
}
