import { Link, useLoaderData } from "react-router";
import { asAnon } from "@thads/db";
import type { AssetKind } from "@thads/domain";
import { ASSET_KIND_LABELS, formatDateVi, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/auctions";
import { useLang, useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { appSql } from "../../utils/db.server.ts";
import { notFound } from "../../utils/user.server.ts";
import { loadPublicNotices } from "@thads/core/assets";

/** Public auction notices of a province: read as the public (anon), only what auction_notices() publishes. */
export async function loader({ params }: Route.LoaderArgs) {
  if (!/^[a-z0-9-]{2,60}$/.test(params.slug)) notFound();
  const page = await asAnon(appSql(), (tx) => loadPublicNotices(tx, params.slug));
  if (!page) notFound();
  return page;
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? `Thông báo đấu giá tài sản · ${data.province}` : "Thông báo đấu giá tài sản" }];
}

export default function PublicAuctions() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(publicMessages);
  return (
    <section>
      <h1 className="text-2xl font-bold">{m("auctions.title")}</h1>
      <p className="mt-1 text-slate-700">{d.province}</p>
      {d.notices.length === 0 ? <p className="mt-6 text-slate-600">{m("auctions.empty")}</p> : null}
      <ul className="mt-6 space-y-3">
        {d.notices.map((n) => (
          <li key={n.round_id} data-testid="notice" className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <h2 className="font-semibold">{n.description}</h2>
            <p className="text-sm text-slate-700">
              {ASSET_KIND_LABELS[n.asset_kind as AssetKind]?.[lang] ?? n.asset_kind}
              {n.location ? ` · ${n.location}` : ""}
            </p>
            <dl className="mt-2 grid grid-cols-2 gap-2 text-sm md:grid-cols-4">
              <div>
                <dt className="text-slate-600">{m("auctions.round")}</dt>
                <dd>{n.round_no}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{m("auctions.date")}</dt>
                <dd>{formatDateVi(n.held_on)}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{m("auctions.startingPrice")}</dt>
                <dd className="tabular-nums" data-testid="notice-price">
                  {formatDong(n.starting_price)}
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{m("auctions.auctioneer")}</dt>
                <dd>{n.organisation ?? "—"}</dd>
              </div>
            </dl>
            <p className="mt-1 text-xs text-slate-600">
              {n.unit_name}
              {n.venue ? ` · ${n.venue}` : ""} · {m("auctions.announced", { date: formatDateVi(n.announced_on) })}
            </p>
          </li>
        ))}
      </ul>
      <p className="mt-8 text-sm">
        <Link className="underline" to="/">
          {m("auctions.home")}
        </Link>
      </p>
    </section>
  );
}
