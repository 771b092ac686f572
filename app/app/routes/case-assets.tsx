import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { asUserStep, createAsset, NewAssetSchema } from "@thads/core";
import { ASSET_KINDS, ASSET_KIND_LABELS, formatDateVi } from "@thads/domain";
import type { Route } from "./+types/case-assets";
import { AssetTable, Field } from "../components/asset-ui.tsx";
import { PageHeader, Section } from "../components/ui.tsx";
import { parseLang, useLang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { appSql } from "../utils/db.server.ts";
import { readForm } from "../utils/form.server.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, notFound, requireUser } from "../utils/user.server.ts";
import { loadCaseAssets } from "./assets.server.ts";
import { formFields } from "../utils/form-nest.ts";
import { isUuid } from "@thads/core/input";


export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const page = await asUser(user, (tx) => loadCaseAssets(tx, params.id));
  if (!page) notFound();
  return { ...page, today: formatDateVi(todayVn()) };
}

type ActionData = { formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const parsed = NewAssetSchema.safeParse(formFields(form));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
    return data<ActionData>({ fieldErrors }, { status: 400 });
  }
  const r = await asUserStep(appSql(), user.claims, (tx) =>
    createAsset(tx, { caseId: params.id, ...parsed.data }, { userId: user.id, roles: user.memberships.map((m) => m.role) }, todayVn()),
  );
  if (!r.ok) return data<ActionData>({ formError: lang === "en" ? r.error.message_en : r.error.message_vi }, { status: r.error.code === "forbidden" ? 403 : 422 });
  return redirect(`/assets/${r.assetId}`);
}

export default function CaseAssets() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const fe = a?.fieldErrors ?? {};
  return (
    <>
      <p className="text-sm"><Link to={`/cases/${d.case.id}`} className="underline">{vi ? "← Về việc thi hành án" : "← Back to the case"}</Link></p>
      <PageHeader title={vi ? `Tài sản · việc ${d.case.case_number}` : `Assets · case ${d.case.case_number}`} subtitle={d.case.debtor_name} />
      <AssetTable rows={d.assets} />
      {d.mayAct ? (
        <Section title={vi ? "Ghi nhận tài sản" : "Add an asset"}>
          <Form method="post" className="grid grid-cols-1 gap-3 rounded-lg border border-slate-200 bg-white p-3 md:grid-cols-3">
            <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
            <input type="hidden" name="idempotencyKey" value={d.key} />
            {a?.formError ? <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{a.formError}</p> : null}
            <Field name="kind" label={vi ? "Loại tài sản" : "Kind"} error={fe.kind}>
              <select name="kind" defaultValue="" className="rounded border border-slate-300 px-2 py-1">
                <option value="" disabled>{vi ? "— chọn —" : "— choose —"}</option>
                {ASSET_KINDS.map((k) => <option key={k} value={k}>{ASSET_KIND_LABELS[k][lang]}</option>)}
              </select>
            </Field>
            <Field name="description" label={vi ? "Mô tả tài sản" : "Description"} error={fe.description} />
            <Field name="location" label={vi ? "Địa chỉ / nơi có tài sản" : "Location"} error={fe.location} />
            <Field name="ownershipDocs" label={vi ? "Giấy tờ sở hữu" : "Ownership documents"} error={fe.ownershipDocs} />
            <Field name="encumbranceBank" label={vi ? "Thế chấp tại (ngân hàng)" : "Mortgaged to (bank)"} error={fe.encumbranceBank} />
            <Field name="encumbranceNote" label={vi ? "Ghi chú thế chấp" : "Encumbrance note"} error={fe.encumbranceNote} />
            <Field name="identifiedOn" label={vi ? "Ngày xác minh tài sản (dd/mm/yyyy)" : "Identified on (dd/mm/yyyy)"} error={fe.identifiedOn}>
              <input name="identifiedOn" defaultValue={d.today} className="rounded border border-slate-300 px-2 py-1" />
            </Field>
            <div className="col-span-full">
              <button type="submit" disabled={nav.state === "submitting"} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
                {vi ? "Ghi nhận tài sản" : "Add the asset"}
              </button>
            </div>
          </Form>
        </Section>
      ) : null}
    </>
  );
}
