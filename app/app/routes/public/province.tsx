import { Link, useLoaderData } from "react-router";
import { formatDateVi, PROCEDURES, procedureLimitOn, REQUEST_KINDS } from "@thads/domain";
import { todayVn } from "../../utils/today.ts";
import type { Route } from "./+types/province";
import { PageHeader, Section } from "../../components/ui.tsx";
import { useLang } from "../../i18n.ts";
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
  return { province, ...page, today: todayVn() };
}

export default function ProvincePage() {
  const { province, content, units, announcements, today } = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const base = `/p/${province.slug}`;
  return (
    <>
      <PageHeader title={province.name} subtitle={[province.address, province.phone, province.email].filter(Boolean).join(" · ")} />
      <nav className="mb-6 flex flex-wrap gap-2" aria-label={vi ? "Dịch vụ công" : "Services"}>
        <Link to={`${base}/requests/new`} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{vi ? "Gửi yêu cầu trực tuyến" : "File a request online"}</Link>
        <Link to={`${base}/track`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">{vi ? "Tra cứu kết quả" : "Track a request"}</Link>
        <Link to={`${base}/debtors`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">{vi ? "Danh sách người phải thi hành án chưa có điều kiện thi hành" : "Debtors not yet able to pay"}</Link>
        <Link to={`${base}/auctions`} className="rounded border border-brand-700 px-4 py-2 text-brand-700">{vi ? "Thông báo bán đấu giá tài sản" : "Auction notices"}</Link>
      </nav>
      {content.intro ? <p className="whitespace-pre-line text-slate-800" data-testid="intro">{content.intro}</p> : null}
      {content.deskHours ? (
        <p className="mt-3 whitespace-pre-line rounded border border-slate-200 bg-white p-3 text-sm">
          <strong>{vi ? "Bộ phận một cửa: " : "One-stop desk: "}</strong>{content.deskHours}
        </p>
      ) : null}

      <Section title={vi ? "Thông báo" : "Announcements"}>
        {announcements.length === 0 ? <p className="text-slate-600">{vi ? "Chưa có thông báo." : "No announcements."}</p> : (
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

      <Section title={vi ? "Thủ tục, hồ sơ và thời hạn giải quyết" : "Procedures, documents and time limits"}>
        {content.proceduresNote ? <p className="mb-3 whitespace-pre-line text-sm">{content.proceduresNote}</p> : null}
        <div className="space-y-3">
          {REQUEST_KINDS.map((k) => {
            const p = PROCEDURES[k];
            const limit = procedureLimitOn(k, today);
            return (
              <details key={k} className="rounded border border-slate-200 bg-white p-3" data-testid="procedure">
                <summary className="cursor-pointer font-semibold">
                  {p.name[lang]} · {vi ? `${limit.workingDays} ngày làm việc` : `${limit.workingDays} working days`}
                </summary>
                <p className="mt-2 text-sm">{p.summary[lang]}</p>
                <p className="mt-2 text-sm font-semibold">{vi ? "Hồ sơ gồm:" : "Documents:"}</p>
                <ul className="ml-5 list-disc text-sm">
                  {p.documents.map((d) => <li key={d.code}>{d[lang]}{d.required ? "" : vi ? " (nếu có)" : " (optional)"}</li>)}
                </ul>
                <p className="mt-2 text-xs text-slate-600">{vi ? "Căn cứ: " : "Basis: "}{limit.basis}</p>
                <Link to={`${base}/requests/new/${p.segment}`} className="mt-2 inline-block text-sm font-semibold text-brand-700 underline">{vi ? "Nộp trực tuyến" : "File online"}</Link>
              </details>
            );
          })}
        </div>
      </Section>

      <Section title={vi ? "Địa chỉ, liên hệ" : "Addresses and contacts"}>
        {content.contacts ? <p className="mb-3 whitespace-pre-line text-sm">{content.contacts}</p> : null}
        <ul className="grid grid-cols-1 gap-2 md:grid-cols-2" data-testid="subunits">
          {units.map((u) => (
            <li key={u.id} className="rounded border border-slate-200 bg-white p-3 text-sm">
              <p className="font-semibold">{u.name}</p>
              {u.address ? <p>{u.address}</p> : null}
              {u.phone ? <p>{vi ? "Điện thoại: " : "Phone: "}{u.phone}</p> : null}
              {u.email ? <p>{u.email}</p> : null}
            </li>
          ))}
        </ul>
      </Section>
    </>
  );
}
