import { Link, useLoaderData } from "react-router";
import { foldVietnamese, PROVINCES, slugify } from "@thads/domain";
import type { Route } from "./+types/p-index";
import { PageHeader } from "../components/ui.tsx";
import { useLang } from "../i18n.ts";
import { PUBLIC_CACHE } from "../public/cache.ts";
import { listProvinces } from "../public/public.server.ts";
import { stripControlChars } from "@thads/core/input";

export function headers() {
  return PUBLIC_CACHE;
}

export async function loader({ request }: Route.LoaderArgs) {
  const q = stripControlChars(new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const provinces = await listProvinces();
  // Former provinces (before 1 Jul 2025) lead to the bureau they merged into.
  const formers = new Map(PROVINCES.map((p) => [slugify(p.name), p.formerProvinces]));
  const needle = foldVietnamese(q.trim());
  const rows = provinces
    .map((p) => ({ ...p, formerly: (formers.get(p.slug) ?? []).filter((f) => slugify(f) !== p.slug) }))
    .filter((p) => !needle || [p.name, ...p.formerly].some((n) => foldVietnamese(n).includes(needle)));
  return { q, rows };
}

export default function PublicIndex() {
  const { q, rows } = useLoaderData<typeof loader>();
  const vi = useLang() === "vi";
  return (
    <>
      <PageHeader
        title={vi ? "Cơ quan thi hành án dân sự các tỉnh, thành phố" : "Provincial civil judgment enforcement bureaus"}
        subtitle={vi ? "Gửi yêu cầu trực tuyến, tra cứu kết quả, xem thông báo và danh sách người phải thi hành án chưa có điều kiện thi hành." : "File requests online, track them, read notices and the list of debtors not yet able to pay."}
      />
      <form method="get" className="mb-6 flex gap-2" role="search">
        <label className="flex flex-1 flex-col text-sm">
          {vi ? "Tìm tỉnh, thành phố (kể cả tên trước sáp nhập)" : "Find a province (former names too)"}
          <input name="q" defaultValue={q} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="self-end rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">{vi ? "Tìm" : "Find"}</button>
      </form>
      {rows.length === 0 ? <p className="text-slate-600">{vi ? "Không tìm thấy tỉnh, thành phố phù hợp." : "No province matches."}</p> : null}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="province-card">
            <Link to={`/p/${p.slug}`} className="font-semibold text-brand-700 hover:underline">{p.name}</Link>
            {p.formerly.length ? (
              <p className="mt-1 text-xs text-slate-600">{vi ? "Gồm cả: " : "Includes: "}{p.formerly.join(", ")}</p>
            ) : null}
            {p.address ? <p className="mt-1 text-sm text-slate-700">{p.address}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
