import { Link, useLoaderData } from "react-router";
import { formatCount, formatDong } from "@thads/domain/labels";
import type { Route } from "./+types/debtors";
import { PageHeader, Table } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { LIST_CACHE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { publicDebtors } from "@thads/core/requests";
import { anon } from "./public.server.ts";
import { stripControlChars } from "@thads/core/input";

export function headers() {
  return LIST_CACHE;
}

const PAGE = 50;

export async function loader({ params, request }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  const url = new URL(request.url);
  const q = stripControlChars(url.searchParams.get("q") ?? "")
    .trim()
    .slice(0, 100);
  const page = Math.min(Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1), 1000);
  const list = await anon((tx) => publicDebtors(tx, province.id, q, page, PAGE));
  return { province, q, page, ...list };
}

export default function Debtors() {
  const { province, q, page, total, rows } = useLoaderData<typeof loader>();
  const m = useMessages(publicMessages);
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader title={m("debtors.title")} subtitle={m("debtors.subtitle", { province: province.name })} />
      {/* biome-ignore lint/a11y/useSemanticElements: a search form is a form with role="search"; <search> wrapping it adds nothing for the readers we support */}
      <form method="get" className="mb-4 flex gap-2" role="search">
        <label className="flex flex-1 flex-col text-sm">
          {m("debtors.search")}
          <input name="q" defaultValue={q} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="self-end rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          {m("debtors.find")}
        </button>
      </form>
      <p className="mb-2 text-sm text-slate-600" data-testid="debtor-total">
        {m("debtors.total", { count: formatCount(total) })}
      </p>
      <Table head={[m("debtors.col.name"), m("debtors.col.address"), m("debtors.col.outstanding"), m("debtors.col.bureau")]}>
        {rows.map((r, i) => (
          <tr key={i} data-testid="debtor-row">
            <td className="px-3 py-2 font-medium">{r.name}</td>
            <td className="px-3 py-2">{r.address ?? ""}</td>
            <td className="px-3 py-2">
              {BigInt(r.moneyOutstanding) > 0n ? formatDong(BigInt(r.moneyOutstanding)) : ""}
              {r.acts ? <span className="block text-slate-700">{r.acts}</span> : null}
            </td>
            <td className="px-3 py-2">{r.bureau}</td>
          </tr>
        ))}
      </Table>
      {pages > 1 ? (
        <nav className="mt-4 flex gap-3 text-sm" aria-label={m("debtors.pages")}>
          {page > 1 ? (
            <Link to={link(page - 1)} className="underline">
              {m("debtors.previous")}
            </Link>
          ) : null}
          <span>
            {page} / {pages}
          </span>
          {page < pages ? (
            <Link to={link(page + 1)} className="underline">
              {m("debtors.next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
