import { Link, useLoaderData } from "react-router";
import { foldVietnamese, PROVINCES, slugify } from "@thads/domain";
import type { Route } from "./+types/index";
import { PageHeader } from "../../components/ui.tsx";
import { useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { PUBLIC_CACHE } from "./cache.ts";
import { listProvinces } from "@thads/core/requests";
import { anon } from "./public.server.ts";
import { stripControlChars } from "@thads/core/input";

export function headers() {
  return PUBLIC_CACHE;
}

export async function loader({ request }: Route.LoaderArgs) {
  const q = stripControlChars(new URL(request.url).searchParams.get("q") ?? "").slice(0, 100);
  const provinces = await anon((tx) => listProvinces(tx));
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
  const m = useMessages(publicMessages);
  return (
    <>
      <PageHeader title={m("index.title")} subtitle={m("index.subtitle")} />
      {/* biome-ignore lint/a11y/useSemanticElements: a search form is a form with role="search"; <search> wrapping it adds nothing for the readers we support */}
      <form method="get" className="mb-6 flex gap-2" role="search">
        <label className="flex flex-1 flex-col text-sm">
          {m("index.search")}
          <input name="q" defaultValue={q} maxLength={100} className="rounded border border-slate-300 px-2 py-1" />
        </label>
        <button type="submit" className="self-end rounded bg-brand-700 px-4 py-1.5 font-semibold text-white">
          {m("index.find")}
        </button>
      </form>
      {rows.length === 0 ? <p className="text-slate-600">{m("index.empty")}</p> : null}
      <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-3">
        {rows.map((p) => (
          <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="province-card">
            <Link to={`/p/${p.slug}`} className="font-semibold text-brand-700 hover:underline">
              {p.name}
            </Link>
            {p.formerly.length ? (
              <p className="mt-1 text-xs text-slate-600">{m("index.includes", { names: p.formerly.join(", ") })}</p>
            ) : null}
            {p.address ? <p className="mt-1 text-sm text-slate-700">{p.address}</p> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
