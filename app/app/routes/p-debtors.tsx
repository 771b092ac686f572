import { Link, useLoaderData } from "react-router";
import { formatCount, formatDong } from "@thads/domain";
import type { Route } from "./+types/p-debtors";
import { PageHeader, Table } from "../components/ui.tsx";
import { useLang } from "../i18n.ts";
import { LIST_CACHE } from "../public/cache.ts";
import { requireProvince } from "../public/loaders.server.ts";
import { publicDebtors } from "../public/public.server.ts";
import { stripControlChars } from "@thads/core/input";

export function headers() {
  return LIST_CACHE;
}

const PAGE = 50;

export async function loader({ params, request }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  const url = new URL(request.url);
  const q = stripControlChars(url.searchParams.get("q") ?? "").trim().slice(0, 100);
  const page = Math.min(Math.max(1, Number.parseInt(url.searchParams.get("page") ?? "1", 10) || 1), 1000);
  const list = await publicDebtors(province.id, q, page, PAGE);
  return { province, q, page, ...list };
}

export default function Debtors() {
  const { province, q, page, total, rows } = useLoaderData<typeof loader>();
  const vi = useLang() === "vi";
  const pages = Math.max(1, Math.ceil(total / PAGE));
  const link = (p: number) => `?${new URLSearchParams({ ...(q ? { q } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeader
        title={vi ? "Danh sách người phải thi hành án chưa có điều kiện thi hành" : "Debtors not yet able to satisfy their judgments"}
        subtitle={`${province.name} · ${vi ? "công khai theo Điều 44a Luật Thi hành án dân sự" : "published under Art. 44a of the Law on Civil Judgment Enforcement"}`}
      />
      <form method="get" className="mb-4 flex gap-2" role="search">
        <label className="flex flex-1 flex-col text-sm">
          {vi ? "Tìm theo tên (không cần dấu)" : "Search by name (diacritics optional)"}
          <input name="q" defaultValue={q} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="self-end rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">{vi ? "Tìm" : "Search"}</button>
      </form>
      <p className="mb-2 text-sm text-slate-600" data-testid="debtor-total">{vi ? `${formatCount(total)} người` : `${formatCount(total)} debtors`}</p>
      <Table head={vi ? ["Người phải thi hành án", "Địa chỉ", "Nghĩa vụ chưa thi hành", "Cơ quan ra quyết định"] : ["Debtor", "Address", "Outstanding obligation", "Deciding bureau"]}>
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
        <nav className="mt-4 flex gap-3 text-sm" aria-label={vi ? "Trang" : "Pages"}>
          {page > 1 ? <Link to={link(page - 1)} className="underline">{vi ? "Trang trước" : "Previous"}</Link> : null}
          <span>{page} / {pages}</span>
          {page < pages ? <Link to={link(page + 1)} className="underline">{vi ? "Trang sau" : "Next"}</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
