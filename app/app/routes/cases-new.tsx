import { randomUUID } from "node:crypto";
import { data, Form, redirect, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { asUserStep, intakeCase } from "@thads/core";
import { listIntakeUnits } from "@thads/core/cases";
import { IntakeSchema, JUDGMENT_TYPES } from "@thads/core/cases/intake-schema";
import { formatDateVi, hasRole } from "@thads/domain";
import type { Route } from "./+types/cases-new";
import { PageHeader } from "../components/ui.tsx";
import { parseLang, useLang } from "../i18n.ts";
import { JUDGMENT_TYPE_LABELS } from "../labels.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { appSql } from "../utils/db.server.ts";
import { readForm } from "../utils/form.server.ts";
import { formFields, nestForm, schemaPaths } from "../utils/form-nest.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { intakePrefill, linkRequestToCase } from "../public/public.server.ts";

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!hasRole(user.memberships, "clerk", "subunit_head", "province_head", "province_staff")) forbidden();
  const units = await asUser(user, (tx) => listIntakeUnits(tx, user.memberships));
  // Taking in an enforcement request from the one-stop desk: its details prefill the form.
  const prefill = await intakePrefill(user, new URL(request.url).searchParams.get("fromRequest"));
  return { units, idempotencyKey: randomUUID(), today: formatDateVi(todayVn()), prefill };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string>; values?: Record<string, string> };

/** The intake schema's field paths: the only names a posted form may fill. */
const INTAKE_PATHS = schemaPaths(IntakeSchema);

/** Flat form fields (judgment.courtName …) → the nested intake input; unknown names are dropped. */
function nest(form: FormData) {
  const out = nestForm(form, INTAKE_PATHS);
  out.isBankCredit = form.get("isBankCredit") === "on";
  out.isCorruption = form.get("isCorruption") === "on";
  for (const p of ["creditor", "debtor"]) {
    const party = out[p] as Record<string, string> | undefined;
    if (party) for (const k of ["idNumber", "address"]) if (party[k] === "") delete party[k];
  }
  return out;
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  const values = { ...formFields(form) };
  const parsed = IntakeSchema.safeParse(nest(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return data<ActionData>({ fieldErrors, values }, { status: 400 });
  }
  const fromRequest = form.get("fromRequest");
  const result = await asUserStep(appSql(), user.claims, async (tx) => {
    const r = await intakeCase(tx, parsed.data, { userId: user.id, roles: user.memberships.map((m) => m.role) });
    if (r.ok && !r.duplicate && typeof fromRequest === "string" && fromRequest && !(await linkRequestToCase(tx, fromRequest, r.caseId))) {
      return { ok: false as const, error: { code: "request_not_linkable", message_vi: "Yêu cầu thi hành án này đã được thụ lý hoặc không còn ở trạng thái tiếp nhận/đang giải quyết.", message_en: "This request was already taken in or is no longer open." } };
    }
    return r;
  });
  if (!result.ok) {
    const message = lang === "en" ? result.error.message_en : result.error.message_vi;
    return data<ActionData>(
      result.error.field ? { fieldErrors: { [result.error.field]: message }, values } : { formError: message, values },
      { status: result.error.code === "forbidden" ? 403 : 422 },
    );
  }
  return redirect(`/cases/${result.caseId}`);
}

export default function NewCase() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const fe = a?.fieldErrors ?? {};
  const v = a?.values ?? d.prefill ?? {};
  const input = (name: string, labelText: string, props: React.InputHTMLAttributes<HTMLInputElement> = {}) => (
    <label className="flex flex-col text-sm">
      {labelText}
      <input name={name} defaultValue={v[name] ?? (props.defaultValue as string | undefined)} aria-invalid={fe[name] ? true : undefined} className="rounded border border-slate-300 px-2 py-1" {...props} />
      {fe[name] ? <span role="alert" className="text-red-700">{fe[name]}</span> : null}
    </label>
  );
  const select = (name: string, labelText: string, options: [string, string][]) => (
    <label className="flex flex-col text-sm">
      {labelText}
      <select name={name} defaultValue={v[name] ?? options[0]?.[0]} className="rounded border border-slate-300 px-2 py-1">
        {options.map(([k, l]) => <option key={k} value={k}>{l}</option>)}
      </select>
      {fe[name] ? <span role="alert" className="text-red-700">{fe[name]}</span> : null}
    </label>
  );
  const party = (p: "creditor" | "debtor", title: string) => (
    <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
      <legend className="px-1 font-semibold">{title}</legend>
      {select(`${p}.kind`, vi ? "Loại" : "Kind", [["person", vi ? "Cá nhân" : "Person"], ["organization", vi ? "Tổ chức" : "Organization"]])}
      {input(`${p}.fullName`, vi ? "Họ tên / tên tổ chức" : "Name", { maxLength: 300 })}
      {input(`${p}.idNumber`, vi ? "Số CCCD / mã số doanh nghiệp" : "ID number", { maxLength: 30 })}
      {input(`${p}.address`, vi ? "Địa chỉ" : "Address", { maxLength: 500 })}
    </fieldset>
  );
  return (
    <>
      <PageHeader title={vi ? "Thụ lý việc thi hành án" : "Take in a case"} subtitle={vi ? "Từ bản án, quyết định của Tòa án" : "From a court judgment"} />
      {a?.formError ? <p role="alert" className="mb-4 rounded border border-red-200 bg-red-50 p-3 text-red-800">{a.formError}</p> : null}
      <Form method="post" className="space-y-4 rounded-lg border border-slate-200 bg-white p-4" noValidate>
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <input type="hidden" name="idempotencyKey" value={v.idempotencyKey ?? d.idempotencyKey} />
        {v.fromRequest ? <input type="hidden" name="fromRequest" value={v.fromRequest} /> : null}
        <div className="grid grid-cols-1 gap-3 md:grid-cols-3">
          {select("unitId", vi ? "Đơn vị thụ lý" : "Unit", d.units.map((u) => [u.id, u.name]))}
          {input("caseNumber", vi ? "Số thụ lý / số quyết định" : "Case number", { maxLength: 60 })}
          {input("acceptedOn", vi ? "Ngày thụ lý (dd/mm/yyyy)" : "Accepted on (dd/mm/yyyy)", { defaultValue: d.today })}
          {select("source", vi ? "Nguồn thụ lý" : "Source", [["court_transfer", vi ? "Tòa án chuyển giao" : "Court transfer"], ["creditor_request", vi ? "Đơn yêu cầu" : "Creditor request"]])}
          {select("decisionKind", vi ? "Hình thức" : "Mode", [["on_request", vi ? "Theo yêu cầu" : "On request"], ["ex_officio", vi ? "Chủ động" : "Ex officio"]])}
          {input("amount", vi ? "Số tiền phải thi hành (đồng)" : "Amount (VND)", { inputMode: "numeric" })}
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="isBankCredit" defaultChecked={v.isBankCredit === "on"} />{vi ? "Án tín dụng, ngân hàng" : "Bank credit"}</label>
          <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="isCorruption" defaultChecked={v.isCorruption === "on"} />{vi ? "Án tham nhũng, kinh tế" : "Corruption / economic"}</label>
        </div>
        <fieldset className="grid grid-cols-1 gap-3 rounded border border-slate-200 p-3 md:grid-cols-2">
          <legend className="px-1 font-semibold">{vi ? "Bản án, quyết định" : "Judgment"}</legend>
          {input("judgment.courtName", vi ? "Tòa án" : "Court", { maxLength: 300 })}
          {input("judgment.number", vi ? "Số bản án" : "Judgment number", { maxLength: 100 })}
          {input("judgment.date", vi ? "Ngày bản án (dd/mm/yyyy)" : "Judgment date (dd/mm/yyyy)")}
          {select("judgment.type", vi ? "Loại bản án" : "Type", JUDGMENT_TYPES.map((j) => [j, JUDGMENT_TYPE_LABELS[j]![lang]]))}
        </fieldset>
        {party("creditor", vi ? "Người được thi hành án" : "Creditor")}
        {party("debtor", vi ? "Người phải thi hành án" : "Debtor")}
        <button type="submit" disabled={nav.state === "submitting"} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
          {vi ? "Thụ lý" : "Take in"}
        </button>
      </Form>
    </>
  );
}
