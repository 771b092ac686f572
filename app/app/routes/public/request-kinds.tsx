import { Link, useLoaderData } from "react-router";
import { procedureLimitOn, type RequestKind } from "@thads/domain";
import { PROCEDURES, REQUEST_KINDS } from "@thads/domain/labels";
import { todayVn } from "../../utils/today.ts";
import type { Route } from "./+types/request-kinds";
import { PageHeader } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { PUBLIC_CACHE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";

export function headers() {
  return PUBLIC_CACHE;
}

export async function loader({ params }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  const today = todayVn();
  // The time limits in force today, from the rules (on the server).
  const limits = Object.fromEntries(REQUEST_KINDS.map((k) => [k, procedureLimitOn(k, today).workingDays])) as Record<RequestKind, number>;
  return { province, limits };
}

export default function RequestKinds() {
  const { province, limits } = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(publicMessages);
  return (
    <>
      <PageHeader title={m("kinds.title")} subtitle={province.name} />
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {REQUEST_KINDS.map((k) => {
          const p = PROCEDURES[k];
          return (
            <li key={k} className="rounded-lg border border-slate-200 bg-white p-4">
              <Link to={`/p/${province.slug}/requests/new/${p.segment}`} className="font-semibold text-brand-700 hover:underline">
                {p.name[lang]}
              </Link>
              <p className="mt-1 text-sm text-slate-700">{p.summary[lang]}</p>
              <p className="mt-1 text-xs text-slate-500">{m("kinds.limit", { days: limits[k] })}</p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
