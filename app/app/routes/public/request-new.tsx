import { randomUUID } from "node:crypto";
import { data, Form, Link, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { formatTrackingCode, hasRole, PROCEDURES, procedureBySegment, procedureLimitOn } from "@thads/domain";
import { todayVn } from "../../utils/today.ts";
import type { Route } from "./+types/request-new";
import { PageHeader } from "../../components/ui.tsx";
import { useLang } from "../../i18n.ts";
import { EXTRA_FIELD_LABELS, extraFields, REQUEST_FORM_SCHEMAS } from "@thads/core/requests/schema";
import { DuplicateFormError, requestUnits } from "@thads/core/requests";
import { NO_STORE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { notifyRequester } from "./notify.server.ts";
import { anon, submitRequest } from "./public.server.ts";
import { clientOf, limitPublicPost } from "./rate-limit.server.ts";
import { MAX_BODY_BYTES, MAX_FILE_BYTES, MAX_FILES } from "./limits.ts";
import { readPublicForm } from "./upload.server.ts";
import { DESK_ROLES } from "./roles.ts";
import { getUser } from "../../utils/user.server.ts";
import { formFields } from "../../utils/form-nest.ts";

export function headers() {
  return NO_STORE;
}

async function context(params: Route.LoaderArgs["params"]) {
  const province = await requireProvince(params.slug);
  const procedure = procedureBySegment(params.kind ?? "");
  if (!procedure) throw new Response("Not Found", { status: 404 });
  return { province, procedure };
}

export async function loader({ params, request }: Route.LoaderArgs) {
  const { province, procedure } = await context(params);
  const units = await anon((tx) => requestUnits(tx, province.id));
  const user = await getUser(request);
  const creditor = user && hasRole(user.memberships, "creditor") ? { name: user.fullName } : null;
  const desk = !!user?.memberships.some((m) => (DESK_ROLES as readonly string[]).includes(m.role) && m.provinceId === province.id);
  return { province, kind: procedure.kind, units, idempotencyKey: randomUUID(), creditor, desk, today: todayVn() };
}

type ActionData = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
  code?: string;
  retried?: boolean;
};

export async function action({ params, request, context: ctx }: Route.ActionArgs) {
  const { province, procedure } = await context(params);
  const limited = await limitPublicPost("submit", clientOf(ctx));
  if (!limited.ok) {
    return data<ActionData>(
      { formError: `Bạn đã gửi quá nhiều yêu cầu trong thời gian ngắn. Vui lòng thử lại sau ${limited.retryAfterSeconds} giây.` },
      { status: 429, headers: { "Retry-After": String(limited.retryAfterSeconds), ...NO_STORE } },
    );
  }
  const read = await readPublicForm(request, { maxBytes: MAX_BODY_BYTES, files: true });
  if ("formError" in read) return data<ActionData>({ formError: read.formError }, { status: read.status, headers: NO_STORE });
  const { form, files } = read;
  const values = Object.fromEntries(Object.entries(formFields(form)).map(([k, v]) => [k, v.slice(0, 5000)]));
  const parsed = REQUEST_FORM_SCHEMAS[procedure.kind].safeParse(values);
  const fieldErrors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
  if (procedure.attachmentRequired && files.length === 0) {
    fieldErrors.files = "Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp (bản sao bản án, giấy tờ chứng minh…).";
  }
  if (parsed.success) {
    const units = await anon((tx) => requestUnits(tx, province.id));
    if (!units.some((u) => u.id === parsed.data.unitId)) fieldErrors.unitId = "Nơi nhận yêu cầu: chọn một đơn vị của tỉnh, thành phố này.";
  }
  if (!parsed.success || Object.keys(fieldErrors).length) {
    return data<ActionData>({ fieldErrors, values }, { status: 400, headers: NO_STORE });
  }
  // Desk staff of this province file a walk-in request for a citizen (channel "desk"); a signed-in
  // creditor files its own; anyone else files as the public.
  const user = await getUser(request);
  const desk = user?.memberships.some((m) =>
    m.provinceId === province.id &&
    ((m.role === "province_head" || m.role === "province_staff") ||
     ((m.role === "subunit_head" || m.role === "clerk") && m.unitId === parsed.data.unitId)));
  const filer = user && desk ? { user, as: "desk" as const } : user && hasRole(user.memberships, "creditor") ? { user, as: "creditor" as const } : null;
  let result: Awaited<ReturnType<typeof submitRequest>>;
  try {
    result = await submitRequest(procedure.kind, parsed.data, files, filer);
  } catch (e) {
    if (!(e instanceof DuplicateFormError)) throw e;
    return data<ActionData>(
      { formError: "Biểu mẫu này đã được gửi trước đó. Vui lòng tải lại trang để gửi một yêu cầu mới." },
      { status: 409, headers: NO_STORE },
    );
  }
  if (!result.retried) {
    notifyRequester(
      { email: parsed.data.requesterEmail, phone: parsed.data.requesterPhone },
      `Đã nhận yêu cầu ${procedure.name.vi}`,
      `${province.name} đã nhận yêu cầu của Ông/Bà. Mã tra cứu: ${formatTrackingCode(result.code)}.`,
    );
  }
  return data<ActionData>({ code: result.code, retried: result.retried }, { headers: NO_STORE });
}

export default function NewRequest() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const procedure = PROCEDURES[d.kind];
  const limitDays = procedureLimitOn(d.kind, d.today).workingDays;
  const fe = a?.fieldErrors ?? {};
  const v = a?.values ?? {};

  if (a?.code) {
    return (
      <>
        <PageHeader title={vi ? "Đã gửi yêu cầu" : "Request filed"} subtitle={`${procedure.name[lang]} · ${d.province.name}`} />
        <div className="rounded-lg border border-emerald-300 bg-emerald-50 p-6" role="status">
          <p>{vi ? "Mã tra cứu của Ông/Bà:" : "Your tracking code:"}</p>
          <p className="mt-2 font-mono text-3xl font-bold tracking-widest" data-testid="tracking-code">{formatTrackingCode(a.code)}</p>
          <p className="mt-3 text-sm">
            {vi
              ? "Hãy ghi lại mã này. Để xem kết quả, nhập mã cùng số điện thoại hoặc số CCCD đã khai."
              : "Keep this code. To see the result, enter it with the phone or ID number you gave."}
          </p>
          <p className="mt-1 text-sm">
            {vi ? `Thời hạn giải quyết: ${limitDays} ngày làm việc kể từ ngày nhận yêu cầu.` : `Time limit: ${limitDays} working days from receipt.`}
          </p>
          <Link to={`/p/${d.province.slug}/track`} className="mt-4 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white">{vi ? "Tra cứu kết quả" : "Track it"}</Link>
        </div>
      </>
    );
  }

  const field = (name: string, labelText: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col text-sm">
      {labelText}
      <input name={name} defaultValue={v[name] ?? (props.defaultValue as string | undefined)} aria-invalid={fe[name] ? true : undefined} className="rounded border border-slate-300 px-2 py-1" {...props} />
      {fe[name] ? <span role="alert" className="text-red-700">{fe[name]}</span> : null}
    </label>
  );
  return (
    <>
      <PageHeader title={procedure.name[lang]} subtitle={d.province.name} />
      {d.desk ? (
        <p className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="desk-intake">
          {vi ? "Bạn đang nhận hồ sơ tại quầy một cửa thay cho người yêu cầu." : "You are filing a walk-in request at the one-stop desk."}
        </p>
      ) : null}
      <p className="mb-2 text-sm text-slate-700">{procedure.summary[lang]}</p>
      <p className="mb-4 text-sm">
        {vi ? `Thời hạn giải quyết: ${limitDays} ngày làm việc. Hồ sơ: ` : `Time limit: ${limitDays} working days. Documents: `}
        {procedure.documents.map((doc) => doc[lang]).join("; ")}.
      </p>
      {a?.formError ? <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{a.formError}</p> : null}
      {Object.keys(fe).length ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{vi ? "Vui lòng sửa các ô được đánh dấu." : "Please correct the marked fields."}</p>
      ) : null}
      <Form method="post" encType="multipart/form-data" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? d.idempotencyKey} />
        <label className="flex flex-col text-sm">
          {vi ? "Nơi nhận yêu cầu" : "Send to"}
          <select name="unitId" defaultValue={v.unitId ?? d.units[0]?.id} className="rounded border border-slate-300 px-2 py-1">
            {d.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
          {fe.unitId ? <span role="alert" className="text-red-700">{fe.unitId}</span> : null}
        </label>
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
          <legend className="px-1 font-semibold">{vi ? "Người yêu cầu" : "Requester"}</legend>
          {field("requesterName", vi ? "Họ tên người yêu cầu" : "Full name", { maxLength: 300, defaultValue: d.creditor?.name, autoComplete: "name" })}
          {field("requesterIdNumber", vi ? "Số CCCD / mã số doanh nghiệp" : "ID or company number", { maxLength: 30 })}
          {field("requesterPhone", vi ? "Số điện thoại" : "Phone", { maxLength: 20, inputMode: "tel", autoComplete: "tel" })}
          {field("requesterEmail", vi ? "Thư điện tử (nếu có)" : "E-mail (optional)", { maxLength: 254, type: "email", autoComplete: "email" })}
          {field("requesterAddress", vi ? "Địa chỉ người yêu cầu" : "Address", { maxLength: 500 })}
        </fieldset>
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
          <legend className="px-1 font-semibold">{vi ? "Thông tin yêu cầu" : "About the request"}</legend>
          {extraFields(d.kind).map((name) => field(name, EXTRA_FIELD_LABELS[name]![lang], { maxLength: 500 }))}
        </fieldset>
        <label className="flex flex-col text-sm">
          {vi ? "Nội dung yêu cầu" : "Request"}
          <textarea name="content" rows={5} maxLength={4000} defaultValue={v.content} aria-invalid={fe.content ? true : undefined} className="rounded border border-slate-300 px-2 py-1" />
          {fe.content ? <span role="alert" className="text-red-700">{fe.content}</span> : null}
        </label>
        <label className="flex flex-col text-sm">
          {vi
            ? `Tệp đính kèm (PDF, PNG, JPEG; tối đa ${MAX_FILES} tệp, mỗi tệp ${MAX_FILE_BYTES / 1024 / 1024} MB)`
            : `Attachments (PDF, PNG, JPEG; up to ${MAX_FILES} files of ${MAX_FILE_BYTES / 1024 / 1024} MB)`}
          <input type="file" name="files" multiple accept="application/pdf,image/png,image/jpeg" />
          {fe.files ? <span role="alert" className="text-red-700">{fe.files}</span> : null}
        </label>
        <button type="submit" disabled={nav.state === "submitting"} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {vi ? "Gửi yêu cầu" : "Submit"}
        </button>
      </Form>
    </>
  );
}
