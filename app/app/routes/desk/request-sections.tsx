/** Sections of a desk request's page: the requester, what was asked with its files, the history. */
import type { useLoaderData } from "react-router";
import { formatDateTimeVi, REQUEST_STATUS_LABELS } from "@thads/domain/labels";
import { EXTRA_FIELD_LABELS } from "@thads/core/requests/form-fields";
import { Section } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { deskMessages } from "./messages.ts";
import type { loader } from "./request.tsx";

type DeskRequestData = ReturnType<typeof useLoaderData<typeof loader>>["r"];

/** Who filed the request and how to reach them. */
export function RequesterSection({ r }: { r: DeskRequestData }) {
  const m = useMessages(deskMessages);
  return (
    <Section title={m("request.requester")}>
      <dl className="grid grid-cols-1 gap-1 text-sm md:grid-cols-2">
        <div>
          <dt className="inline text-slate-600">{m("request.name")}</dt>
          <dd className="inline">{r.requester_name}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{m("request.idNumber")}</dt>
          <dd className="inline">{r.requester_id_number ?? "–"}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{m("request.phone")}</dt>
          <dd className="inline">{r.requester_phone ?? "–"}</dd>
        </div>
        <div>
          <dt className="inline text-slate-600">{m("request.email")}</dt>
          <dd className="inline">{r.requester_email ?? "–"}</dd>
        </div>
        <div className="md:col-span-2">
          <dt className="inline text-slate-600">{m("request.address")}</dt>
          <dd className="inline">{r.requester_address ?? "–"}</dd>
        </div>
      </dl>
    </Section>
  );
}

/** The request's own fields, its text and its attachments. */
export function ContentSection({ r }: { r: DeskRequestData }) {
  const m = useMessages(deskMessages);
  const lang = useLang();
  return (
    <Section title={m("request.content")}>
      <dl className="space-y-1 text-sm">
        {Object.entries(r.details)
          .filter(([k]) => k !== "content")
          .map(([k, val]) => (
            <div key={k}>
              <dt className="inline text-slate-600">{EXTRA_FIELD_LABELS[k]?.[lang] ?? k}: </dt>
              <dd className="inline">{val ?? "–"}</dd>
            </div>
          ))}
      </dl>
      <p className="mt-2 whitespace-pre-line rounded bg-white p-3 text-sm">{r.details.content}</p>
      <ul className="mt-2 text-sm" data-testid="request-files">
        {r.files.map((f) => (
          <li key={f.id}>
            <a href={`/desk/${r.id}/files/${f.id}`} className="text-brand-700 underline">
              {f.file_name}
            </a>{" "}
            ({Math.ceil(f.size_bytes / 1024)} KB)
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** Every change of the request's status, with who made it and the note. */
export function HistorySection({ r }: { r: DeskRequestData }) {
  const m = useMessages(deskMessages);
  const lang = useLang();
  return (
    <Section title={m("request.history")}>
      <ol className="space-y-1 text-sm" data-testid="request-history">
        {r.history.map((h, i) => (
          <li key={i}>
            {formatDateTimeVi(h.at)} · {REQUEST_STATUS_LABELS[h.to_status][lang]}
            {h.actor ? ` · ${h.actor}` : ""}
            {h.note ? ` · ${h.note}` : ""}
          </li>
        ))}
      </ol>
    </Section>
  );
}
