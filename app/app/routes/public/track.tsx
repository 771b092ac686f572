import { data, Form, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { formatDateVi, formatTrackingCode, normalizeTrackingCode, PROCEDURES, REQUEST_STATUS_LABELS, timeliness } from "@thads/domain";
import type { Route } from "./+types/track";
import { PageHeader, Section } from "../../components/ui.tsx";
import { useLang } from "../../i18n.ts";
import { RatingSchema, TrackSchema } from "@thads/core/requests/schema";
import { rateRequest, trackRequest, type TrackedRequest } from "@thads/core/requests";
import { NO_STORE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { anon } from "./public.server.ts";
import { clientOf, limitPublicPost } from "./rate-limit.server.ts";
import { readPublicForm } from "./upload.server.ts";
import { todayVn } from "../../utils/today.ts";
import { formFields } from "../../utils/form-nest.ts";

export function headers() {
  return NO_STORE;
}

export async function loader({ params }: Route.LoaderArgs) {
  const province = await requireProvince(params.slug);
  return { province, today: todayVn() };
}

type ActionData = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: { code?: string; factor?: string };
  request?: TrackedRequest;
  rated?: string;
};

const NOT_FOUND = "Không tìm thấy yêu cầu với mã tra cứu và số điện thoại / số CCCD đã nhập. Vui lòng kiểm tra lại.";

export async function action({ params, request, context }: Route.ActionArgs) {
  const province = await requireProvince(params.slug);
  const read = await readPublicForm(request, { maxBytes: 8 * 1024 });
  if ("formError" in read) return data<ActionData>({ formError: read.formError }, { status: read.status, headers: NO_STORE });
  const form = read.form;
  const intent = form.get("intent") === "rate" ? "rate" : "track";
  const limited = await limitPublicPost(intent, clientOf(context));
  if (!limited.ok) {
    return data<ActionData>(
      { formError: `Bạn đã tra cứu quá nhiều lần. Vui lòng thử lại sau ${limited.retryAfterSeconds} giây.` },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds), ...NO_STORE } },
    );
  }
  const raw = { code: String(form.get("code") ?? ""), factor: String(form.get("factor") ?? "") };
  const values = { code: raw.code.slice(0, 40), factor: raw.factor.slice(0, 30) };
  const fields = formFields(form, []);
  const parsed = intent === "rate" ? RatingSchema.safeParse(fields) : TrackSchema.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    // A rating sent without a score: show the request again with the message under the stars.
    const again = intent === "rate" && !fieldErrors.code && !fieldErrors.factor ? await anon((tx) => trackRequest(tx, normalizeTrackingCode(values.code) ?? "", values.factor)) : null;
    const shown = again && again.provinceId === province.id ? again : undefined;
    return data<ActionData>({ fieldErrors, values, request: shown }, { status: 400, headers: NO_STORE });
  }
  const code = normalizeTrackingCode(parsed.data.code);
  // Same answer for a malformed code, an unknown code, a wrong second factor and another province's request.
  const found = code ? await anon((tx) => trackRequest(tx, code, parsed.data.factor)) : null;
  if (!found || found.provinceId !== province.id) {
    return data<ActionData>({ formError: NOT_FOUND, values }, { status: 404, headers: NO_STORE });
  }
  if (intent === "rate" && "score" in parsed.data && typeof parsed.data.score === "number") {
    const { factor, score } = parsed.data;
    const comment = "comment" in parsed.data ? (parsed.data.comment as string | null) : null;
    const outcome = await anon((tx) => rateRequest(tx, code!, factor, score, comment));
    const again = await anon((tx) => trackRequest(tx, code!, parsed.data.factor));
    const message = {
      ok: "Cảm ơn Ông/Bà đã đánh giá.",
      already_rated: "Yêu cầu này đã được đánh giá.",
      not_closed: "Chỉ đánh giá được sau khi yêu cầu đã giải quyết xong.",
      not_found: NOT_FOUND,
      invalid: "Mức độ hài lòng: chọn từ 1 đến 5.",
    }[outcome];
    return data<ActionData>({ request: again ?? found, values, rated: message }, { status: outcome === "ok" ? 200 : 409, headers: NO_STORE });
  }
  return data<ActionData>({ request: found, values }, { headers: NO_STORE });
}

export default function Track() {
  const { province, today } = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const fe = a?.fieldErrors ?? {};
  const r = a?.request;
  const closed = r && (r.status === "returned" || r.status === "rejected");
  const due = r?.dueOn ? timeliness(r.dueOn, r.closedOn, today) : null;
  return (
    <>
      <PageHeader title={vi ? "Tra cứu kết quả giải quyết yêu cầu" : "Track a request"} subtitle={province.name} />
      <Form method="post" className="mb-6 grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3" noValidate>
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <input type="hidden" name="intent" value="track" />
        <label className="flex flex-col text-sm">
          {vi ? "Mã tra cứu" : "Tracking code"}
          <input name="code" defaultValue={a?.values?.code} maxLength={40} autoComplete="off" className="rounded border border-slate-300 px-2 py-1 font-mono uppercase" />
          {fe.code ? <span role="alert" className="text-red-700">{fe.code}</span> : null}
        </label>
        <label className="flex flex-col text-sm">
          {vi ? "Số điện thoại hoặc số CCCD đã khai" : "Phone or ID number given"}
          <input name="factor" defaultValue={a?.values?.factor} maxLength={30} autoComplete="off" className="rounded border border-slate-300 px-2 py-1" />
          {fe.factor ? <span role="alert" className="text-red-700">{fe.factor}</span> : null}
        </label>
        <button type="submit" disabled={nav.state === "submitting"} className="self-end rounded bg-brand-700 px-4 py-2 font-semibold text-white">{vi ? "Tra cứu" : "Look up"}</button>
      </Form>
      {a?.formError ? <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{a.formError}</p> : null}
      {r ? (
        <div className="rounded-lg border border-slate-200 bg-white p-4" data-testid="tracked">
          <p className="font-mono text-sm">{formatTrackingCode(r.code)}</p>
          <h2 className="text-lg font-semibold">{PROCEDURES[r.kind].name[lang]} · {r.unitName}</h2>
          <p className="mt-1">
            {vi ? "Trạng thái: " : "Status: "}<strong data-testid="tracked-status">{REQUEST_STATUS_LABELS[r.status][lang]}</strong>
          </p>
          <p className="text-sm">{vi ? "Ngày gửi: " : "Filed on: "}{formatDateVi(r.submittedOn)}</p>
          {r.dueOn ? <p className="text-sm">{vi ? "Hạn giải quyết: " : "Due on: "}{formatDateVi(r.dueOn)}{due && (due.state === "late" || due.state === "overdue") ? (vi ? " (quá hạn)" : " (late)") : ""}</p> : null}
          {r.resultNote ? <p className="mt-2 whitespace-pre-line rounded bg-slate-50 p-2 text-sm" data-testid="tracked-result">{r.resultNote}</p> : null}
          <Section title={vi ? "Quá trình giải quyết" : "History"}>
            <ol className="space-y-1 text-sm" data-testid="tracked-history">
              {r.history.map((h, i) => (
                <li key={i}>
                  {formatDateVi(new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Ho_Chi_Minh" }).format(new Date(h.at)))} · {REQUEST_STATUS_LABELS[h.status][lang]}
                </li>
              ))}
            </ol>
          </Section>
          {a?.rated ? <p role="status" className="mt-4 rounded border border-emerald-200 bg-emerald-50 p-2 text-sm">{a.rated}</p> : null}
          {closed && !r.rated ? (
            <Form method="post" className="mt-4 space-y-2 rounded border border-slate-200 p-3" noValidate>
              <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
              <input type="hidden" name="intent" value="rate" />
              <input type="hidden" name="code" value={a?.values?.code ?? ""} />
              <input type="hidden" name="factor" value={a?.values?.factor ?? ""} />
              <fieldset>
                <legend className="text-sm font-semibold">{vi ? "Mức độ hài lòng" : "Satisfaction"}</legend>
                <div className="flex gap-3">
                  {[1, 2, 3, 4, 5].map((s) => (
                    <label key={s} className="flex items-center gap-1 text-sm"><input type="radio" name="score" value={s} />{s}</label>
                  ))}
                </div>
                {fe.score ? <span role="alert" className="text-red-700">{fe.score}</span> : null}
              </fieldset>
              <label className="flex flex-col text-sm">
                {vi ? "Góp ý (nếu có)" : "Comment (optional)"}
                <textarea name="comment" rows={2} maxLength={1000} className="rounded border border-slate-300 px-2 py-1" />
              </label>
              <button type="submit" className="rounded bg-brand-700 px-3 py-1 text-white">{vi ? "Gửi đánh giá" : "Rate"}</button>
            </Form>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
