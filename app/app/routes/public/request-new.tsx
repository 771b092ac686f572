import { randomUUID } from "node:crypto";
import { data, useActionData, useLoaderData, useNavigation } from "react-router";
import { procedureBySegment, procedureLimitOn } from "@thads/domain";
import { PROCEDURES } from "@thads/domain/labels";
import { formatTrackingCode, hasRole } from "@thads/domain/labels";
import { todayVn } from "../../utils/today.ts";
import type { Route } from "./+types/request-new";
import { PageHeader } from "../../components/ui.tsx";
import { useLang, useMessages } from "../../i18n.ts";
import { REQUEST_FORM_SCHEMAS } from "@thads/core/requests/schema";
import { DuplicateFormError, requestOffices } from "@thads/core/requests";
import { fieldErrorsOf } from "@thads/core/field-errors";
import { NO_STORE } from "./cache.ts";
import { requireProvince } from "./loaders.server.ts";
import { notifyRequester } from "./notify.server.ts";
import { anon, filerOf, submitRequest } from "./public.server.ts";
import { clientOf, limitPublicPost } from "./rate-limit.server.ts";
import { MAX_BODY_BYTES } from "./limits.ts";
import { readPublicForm } from "./upload.server.ts";
import { DESK_ROLES } from "./roles.ts";
import { asUser, getUser } from "../../utils/user.server.ts";
import { requesterPrefill } from "@thads/core/creditors";
import { formFields } from "../../utils/form-nest.ts";
import { publicMessages } from "./messages.ts";
import { RequestFiled } from "./request-filed.tsx";
import { RequestForm } from "./request-form.tsx";

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
  const units = (await anon((tx) => requestOffices(tx, { province: province.id }))).map(({ id, name, kind }) => ({ id, name, kind }));
  const user = await getUser(request);
  // A creditor account starts from its own details (its name, linked number, last contact details).
  const creditor = user && hasRole(user.memberships, "creditor") ? await asUser(user, requesterPrefill) : null;
  const desk = !!user?.memberships.some((m) => (DESK_ROLES as readonly string[]).includes(m.role) && m.provinceId === province.id);
  const today = todayVn();
  // The time limit in force today, from the rules (on the server).
  const limitDays = procedureLimitOn(procedure.kind, today).workingDays;
  return { province, kind: procedure.kind, units, idempotencyKey: randomUUID(), creditor, desk, today, limitDays };
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
  const fieldErrors: Record<string, string> = parsed.success ? {} : fieldErrorsOf(parsed.error);
  if (procedure.attachmentRequired && files.length === 0) {
    fieldErrors.files = "Tệp đính kèm: bắt buộc gửi kèm ít nhất một tệp (bản sao bản án, giấy tờ chứng minh…).";
  }
  if (parsed.success) {
    const units = await anon((tx) => requestOffices(tx, { province: province.id }));
    if (!units.some((u) => u.id === parsed.data.unitId)) fieldErrors.unitId = "Nơi nhận yêu cầu: chọn một đơn vị của tỉnh, thành phố này.";
  }
  if (!parsed.success || Object.keys(fieldErrors).length) {
    return data<ActionData>({ fieldErrors, values }, { status: 400, headers: NO_STORE });
  }
  const filer = filerOf(await getUser(request), province.id, parsed.data.unitId);
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
  const m = useMessages(publicMessages);
  const procedure = PROCEDURES[d.kind];
  const limitDays = d.limitDays;
  const fe = a?.fieldErrors ?? {};

  if (a?.code) {
    return (
      <RequestFiled
        code={a.code}
        title={m("new.filed.title")}
        subtitle={`${procedure.name[lang]} · ${d.province.name}`}
        limitDays={limitDays}
        trackHref={`/p/${d.province.slug}/track`}
      />
    );
  }
  return (
    <>
      <PageHeader title={procedure.name[lang]} subtitle={d.province.name} />
      {d.desk ? (
        <p className="mb-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm" data-testid="desk-intake">
          {m("new.deskIntake")}
        </p>
      ) : null}
      <p className="mb-2 text-sm text-slate-700">{procedure.summary[lang]}</p>
      <p className="mb-4 text-sm">
        {m("new.limitAndDocuments", { days: limitDays, documents: procedure.documents.map((doc) => doc[lang]).join("; ") })}
      </p>
      {a?.formError ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {a.formError}
        </p>
      ) : null}
      {Object.keys(fe).length ? (
        <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">
          {m("new.fixFields")}
        </p>
      ) : null}
      <RequestForm
        kind={d.kind}
        units={d.units}
        idempotencyKey={d.idempotencyKey}
        prefill={d.creditor}
        values={a?.values ?? {}}
        fieldErrors={fe}
        busy={nav.state === "submitting"}
      />
    </>
  );
}
