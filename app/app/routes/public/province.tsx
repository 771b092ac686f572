import { Link, useLoaderData } from "react-router";
import { procedureLimitOn, type RequestKind } from "@thads/domain";
import { formatDateVi, PROCEDURES, REQUEST_KINDS } from "@thads/domain/labels";
import { todayVn } from "../../utils/today.ts";
import type { Route } from "./+types/province";
import { PageHeader, Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { publicMessages } from "./messages.ts";
import { PUBLIC_CACHE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { provincePage } from "@thads/core/requests";
import { anon } from "./public.server.ts";

export function headers() {
  return PUBLIC_CACHE;
}

export async function loader({ params }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  const page = await anon((tx) => provincePage(tx, province.id));
  const today = todayVn();
  // Each procedure's time limit in force today, with its legal basis, from the rules (on the server).
  const limits = Object.fromEntries(
    REQUEST_KINDS.map((k) => {
      const { workingDays, basis } = procedureLimitOn(k, today);
      return [k, { workingDays, basis }];
    }),
  ) as Record<RequestKind, { workingDays: number; basis: string }>;
  return { province, ...page, limits };
}

export default function ProvincePage() {
  const { province, content, units, announcements, limits } = useLoaderData<typeof loader>();
  const lang = useLang();
  const m = useMessages(publicMessages);
  const base = `/p/${province.slug}`;
  return (
    <>
      <PageHeader title={province.name} subtitle={[province.address, province.phone, province.email].filter(Boolean).join(" · ")} />
      <nav className="mb-6 flex flex-wrap gap-2" aria-label={m("province.services")}>
        <Link to={`${base}/requests/new`} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {m("province.fileOnline")}
        </Link>
        <Link to={`${base}/track`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">
          {m("province.track")}
        </Link>
        <Link to={`${base}/debtors`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">
          {m("province.debtors")}
        </Link>
        <Link to={`${base}/auctions`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">
          {m("province.auctions")}
        </Link>
      </nav>
      {content.intro ? (
        <p className="whitespace-pre-line text-slate-800" data-testid="intro">
          {content.intro}
        </p>
      ) : null}
      {content.deskHours ? (
        <p className="mt-3 whitespace-pre-line rounded border border-slate-200 bg-white p-3 text-sm">
          <strong>{m("province.deskHours")}</strong>
          {content.deskHours}
        </p>
      ) : null}

      <Section title={m("province.announcements")}>
        {announcements.length === 0 ? (
          <p className="text-slate-600">{m("province.noAnnouncements")}</p>
        ) : (
          <ul className="space-y-3">
            {announcements.map((a) => (
              <li key={a.id} className="rounded border border-slate-200 bg-white p-3" data-testid="announcement">
                <p className="text-xs text-slate-500">{formatDateVi(a.published_on)}</p>
                <h3 className="font-semibold">{a.title}</h3>
                {a.body ? <p className="mt-1 whitespace-pre-line text-sm">{a.body}</p> : null}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title={m("province.procedures")}>
        {content.proceduresNote ? <p className="mb-3 whitespace-pre-line text-sm">{content.proceduresNote}</p> : null}
        <div className="space-y-3">
          {REQUEST_KINDS.map((k) => {
            const p = PROCEDURES[k];
            const limit = limits[k];
            return (
              <details key={k} className="rounded border border-slate-200 bg-white p-3" data-testid="procedure">
                <summary className="cursor-pointer font-semibold">
                  {p.name[lang]} · {m("province.workingDays", { days: limit.workingDays })}
                </summary>
                <p className="mt-2 text-sm">{p.summary[lang]}</p>
                <p className="mt-2 text-sm font-semibold">{m("province.documents")}</p>
                <ul className="ml-5 list-disc text-sm">
                  {p.documents.map((d) => (
                    <li key={d.code}>
                      {d[lang]}
                      {d.required ? null : ` ${m("province.optional")}`}
                    </li>
                  ))}
                </ul>
                <p className="mt-2 text-xs text-slate-600">{m("province.basis", { basis: limit.basis })}</p>
                <Link to={`${base}/requests/new/${p.segment}`} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">
                  {m("province.fileThisOnline")}
                </Link>
              </details>
            );
          })}
        </div>
      </Section>

      <Section title={m("province.contacts")}>
        {content.contacts ? <p className="mb-3 whitespace-pre-line text-sm">{content.contacts}</p> : null}
        <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" data-testid="subunits">
          {units.map((u) => (
            <li key={u.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p className="font-semibold">{u.name}</p>
              {u.address ? <p>{u.address}</p> : null}
              {u.phone ? <p>{m("province.phone", { phone: u.phone })}</p> : null}
              {u.email ? <p>{u.email}</p> : null}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
