import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { asUserStep, recordEvent } from "@thads/core";
import { loadCasePage } from "@thads/core/cases";
import { parseStep, STEP_KINDS, type StepKind } from "@thads/core/cases/steps-schema";
import { CASE_STATUS_LABELS, COERCIVE_MEASURES, SECURITY_MEASURES, formatDateVi, formatDong, type CaseStatus } from "@thads/domain";
import type { Route } from "./+types/case";
import { FactGrid, Section, Table } from "../components/ui.tsx";
import { parseLang, useLang, type Lang } from "../i18n.ts";
import { JUDGMENT_TYPE_LABELS, MEASURE_LABELS, PARTY_ROLE_LABELS, PAYMENT_METHOD_LABELS, STEP_LABELS } from "../labels.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { appSql } from "../utils/db.server.ts";
import { readForm } from "../utils/form.server.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, notFound, requireUser } from "../utils/user.server.ts";
import { CaseSteeringPanel, CoercionTimelineItems } from "./case-steering.tsx";
import { runSteeringIntent } from "./steering-actions.server.ts";
import { loadCaseSteering } from "./steering.server.ts";
import { formFields } from "../utils/form-nest.ts";
import { isUuid } from "@thads/core/input";

export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const roles = user.memberships.map((m) => m.role);
  const page = await asUser(user, (tx) => loadCasePage(tx, params.id, roles, todayVn()));
  if (!page) notFound();
  const steering = await asUser(user, (tx) => loadCaseSteering(tx, params.id, page.case.province_id, page.case.is_corruption));
  return { ...page, steering, steeringKey: crypto.randomUUID(), roles };
}

type ActionData = { kind: string; formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const kind = String(form.get("intent") ?? "");
  if (kind === "steering_propose") {
    const r = await runSteeringIntent(kind, form, user, lang);
    return "ok" in r && r.ok ? redirect(`/cases/${params.id}?done=${kind}`) : r;
  }
  if (!(STEP_KINDS as string[]).includes(kind)) {
    return data<ActionData>({ kind, formError: lang === "vi" ? "Thao tác không hợp lệ." : "Unknown step." }, { status: 400 });
  }
  const parsed = parseStep(kind as StepKind, formFields(form));
  if (!parsed.ok) return data<ActionData>({ kind, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await asUserStep(appSql(), user.claims, (tx) =>
    recordEvent(tx, {
      caseId: params.id,
      expectedVersion: parsed.version,
      event: parsed.event,
      idempotencyKey: parsed.idempotencyKey,
      actor: { userId: user.id, roles: user.memberships.map((m) => m.role) },
      today: todayVn(),
    }),
  );
  if (!result.ok) {
    const status = result.error.code === "conflict" ? 409 : result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 422;
    return data<ActionData>({ kind, formError: lang === "en" ? result.error.message_en : result.error.message_vi }, { status });
  }
  return redirect(`/cases/${params.id}?done=${kind}&v=${result.version}`);
}

function label(map: Record<string, { vi: string; en: string }>, key: string | null | undefined, lang: Lang) {
  return key ? (map[key]?.[lang] ?? key) : "—";
}

export default function CasePage() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const c = d.case;
  return (
    <>
      <p className="text-sm"><Link to={`/cases?unit=${c.unit_code}`} className="underline">{vi ? "← Danh sách việc" : "← Cases"}</Link></p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{vi ? "Việc thi hành án" : "Case"} {c.case_number}</h1>
        <p className="mt-1 text-slate-700">
          <span data-testid="case-status" className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold">{CASE_STATUS_LABELS[c.status as CaseStatus]?.[lang] ?? c.status}</span>
          {c.unit_name} · {c.province_name}
          {" · "}<Link to={`/cases/${c.id}/assets`} className="underline" data-testid="case-assets-link">{vi ? "Tài sản, kê biên, đấu giá" : "Assets, seizure, auctions"}</Link>
        </p>
        {c.transferred_to_name ? (
          <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {vi ? `Đã ủy thác cho ${c.transferred_to_name}. Hồ sơ chỉ còn để xem.` : `Transferred to ${c.transferred_to_name}. This record is read-only.`}
          </p>
        ) : null}
        {c.transferred_from_case_id ? (
          <p className="mt-2 rounded border border-sky-300 bg-sky-50 p-2 text-sm">{vi ? "Việc nhận ủy thác từ tỉnh khác." : "Case received by transfer from another province."}</p>
        ) : null}
        {d.ledgerError ? <p role="alert" className="mt-2 text-red-700">{d.ledgerError}</p> : null}
      </header>

      <FactGrid facts={[
          [vi ? "Phải thi hành" : "Due", formatDong(c.money_due), "money-due"],
          [vi ? "Đã thu" : "Collected", formatDong(c.money_collected), "money-collected"],
          [vi ? "Còn phải thi hành" : "Outstanding", formatDong(c.outstanding), "money-outstanding"],
          [vi ? "Chấp hành viên" : "Executor", c.executor_name ?? (vi ? "Chưa phân công" : "Not assigned"), "executor"],
          [vi ? "Ngày thụ lý" : "Accepted", formatDateVi(c.accepted_on), "accepted-on"],
          [vi ? "Ngày ra quyết định" : "Decision date", c.decision_date ? formatDateVi(c.decision_date) : "—", "decision-date"],
          [vi ? "Bản án" : "Judgment", c.judgment_number ? `${c.judgment_number} · ${c.court_name}` : "—", "judgment"],
          [vi ? "Loại bản án" : "Judgment type", label(JUDGMENT_TYPE_LABELS, c.judgment_type, lang), "judgment-type"],
        ]} />

      <Section title={vi ? "Thời hạn theo luật" : "Legal deadlines"}>
        <Table head={vi ? ["Thời hạn", "Hạn cuối", "Tình trạng"] : ["Deadline", "Due", "State"]}>
          {d.deadlines.map((dl, i) => (
            <tr key={i} data-testid="deadline-row" data-kind={dl.kind}>
              <td className="px-3 py-2">{vi ? dl.label_vi : dl.label_en}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(dl.dueDate)}</td>
              <td className={`px-3 py-2 ${dl.status === "overdue" || dl.late ? "font-semibold text-red-700" : ""}`}>
                {dl.closedOn
                  ? `${dl.closedBy === "met" ? (vi ? "Đã thực hiện" : "Met") : dl.closedBy === "elapsed" ? (vi ? "Đã hết" : "Elapsed") : vi ? "Đã đóng" : "Closed"} ${formatDateVi(dl.closedOn)}${dl.late ? (vi ? " (trễ hạn)" : " (late)") : ""}`
                  : dl.paused
                    ? vi ? "Tạm dừng" : "Paused"
                    : dl.status === "overdue" ? (vi ? "Quá hạn" : "Overdue") : dl.status === "due_soon" ? (vi ? "Sắp đến hạn" : "Due soon") : vi ? "Trong hạn" : "On time"}
              </td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={vi ? "Đương sự" : "Parties"}>
        <Table head={vi ? ["Tư cách", "Họ tên / tên tổ chức", "Số giấy tờ", "Địa chỉ"] : ["Role", "Name", "ID number", "Address"]}>
          {d.parties.map((p) => (
            <tr key={p.id}>
              <td className="px-3 py-2">{label(PARTY_ROLE_LABELS, p.role, lang)}</td>
              <td className="px-3 py-2">{p.full_name}</td>
              <td className="px-3 py-2">{p.id_number ?? "—"}</td>
              <td className="px-3 py-2">{p.address ?? "—"}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={vi ? "Khoản phải thi hành" : "Obligations"}>
        <Table head={vi ? ["Mã", "Nội dung", "Phải thi hành", "Đã thu", "Còn lại"] : ["Code", "Description", "Due", "Paid", "Outstanding"]}>
          {d.obligations.map((o) => (
            <tr key={o.code} data-testid="obligation-row">
              <td className="px-3 py-2">{o.code}</td>
              <td className="px-3 py-2">{o.kind === "money" ? (vi ? "Khoản tiền" : "Money") : o.description}{o.kind === "act" && o.performed_on ? ` (${vi ? "đã thực hiện" : "performed"} ${formatDateVi(o.performed_on)})` : ""}</td>
              <td className="px-3 py-2 tabular-nums">{o.amount ? formatDong(o.amount) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{o.amount ? formatDong(o.paid) : "—"}</td>
              <td className="px-3 py-2 tabular-nums">{o.outstanding ? formatDong(o.outstanding) : "—"}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={vi ? "Biên lai thu tiền" : "Receipts"}>
        <Table head={vi ? ["Ngày", "Số biên lai", "Người nộp", "Hình thức", "Số tiền"] : ["Date", "Receipt", "Payer", "Method", "Amount"]}>
          {d.payments.map((p) => (
            <tr key={p.id} data-testid="payment-row">
              <td className="px-3 py-2 tabular-nums">{formatDateVi(p.date)}</td>
              <td className="px-3 py-2">{p.receiptNumber ?? "—"}</td>
              <td className="px-3 py-2">{p.payer ?? "—"}</td>
              <td className="px-3 py-2">{label(PAYMENT_METHOD_LABELS, p.method, lang)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(p.amount)}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={vi ? "Diễn biến" : "Timeline"}>
        <ol className="space-y-2 border-l-2 border-slate-300 pl-4" data-testid="timeline">
          {d.timeline.map((e) => (
            <li key={e.id} data-kind={e.kind}>
              <span className="font-semibold">{formatDateVi(e.effectiveDate)}</span> · {label(STEP_LABELS, e.kind, lang)}
              {e.actor ? <span className="text-slate-600"> · {e.actor}</span> : null}
              {typeof e.payload.reason === "string" ? <span className="text-slate-600"> · {e.payload.reason}</span> : null}
            </li>
          ))}
          <CoercionTimelineItems ops={d.steering.ops} lang={lang} />
        </ol>
      </Section>

      <CaseSteeringPanel caseId={c.id} data={d.steering} roles={d.roles} readOnly={d.readOnly} idempotencyKey={d.steeringKey} lang={lang} />

      {d.actions.length > 0 ? (
        <Section title={vi ? "Thao tác tiếp theo" : "Next steps"}>
          <div className="space-y-3">
            {d.actions.map((kind) => <StepForm key={`${kind}-${c.version}`} kind={kind} version={c.version} idempotencyKey={d.keys[kind]!} />)}
          </div>
        </Section>
      ) : (
        <p className="mt-8 text-slate-600">{d.readOnly ? (vi ? "Bạn chỉ có quyền xem việc này." : "You may only view this case.") : vi ? "Không còn thao tác nào." : "No further steps."}</p>
      )}
    </>
  );
}

function Field({ name, label, error, children }: { name: string; label: string; error?: string; children?: React.ReactNode }) {
  return (
    <label className="flex flex-col text-sm">
      {label}
      {children ?? <input name={name} aria-invalid={error ? true : undefined} className="rounded border border-slate-300 px-2 py-1" />}
      {error ? <span className="text-red-700" role="alert">{error}</span> : null}
    </label>
  );
}

function StepForm({ kind, version, idempotencyKey }: { kind: StepKind; version: number; idempotencyKey: string }) {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const mine = a?.kind === kind ? a : undefined;
  const fe = mine?.fieldErrors ?? {};
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === kind;
  const today = formatDateVi(d.today);
  const select = (name: string, options: [string, string][], labelText: string) => (
    <Field name={name} label={labelText} error={fe[name]}>
      <select name={name} className="rounded border border-slate-300 px-2 py-1" defaultValue="">
        <option value="" disabled>{vi ? "— chọn —" : "— choose —"}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Field>
  );
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3" open={Boolean(mine)} data-step={kind}>
      <summary className="cursor-pointer font-semibold">{label(STEP_LABELS, kind, lang)}</summary>
      <Form method="post" className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="idempotencyKey" value={idempotencyKey} />
        {mine?.formError ? <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{mine.formError}</p> : null}
        <Field name="effectiveDate" label={vi ? "Ngày thực hiện (dd/mm/yyyy)" : "Date (dd/mm/yyyy)"} error={fe.effectiveDate}>
          <input name="effectiveDate" defaultValue={today} className="rounded border border-slate-300 px-2 py-1" />
        </Field>
        {kind === "decision" ? (
          <>
            <Field name="decisionNumber" label={vi ? "Số quyết định thi hành án" : "Decision number"} error={fe.decisionNumber} />
            {select("mode", [["on_request", vi ? "Theo yêu cầu" : "On request"], ["ex_officio", vi ? "Chủ động" : "Ex officio"]], vi ? "Hình thức" : "Mode")}
            <Field name="amount" label={vi ? "Số tiền phải thi hành (đồng)" : "Amount (VND)"} error={fe.amount} />
            <Field name="actDescription" label={vi ? "Nghĩa vụ phải làm (nếu có)" : "Act to perform (if any)"} error={fe.actDescription} />
          </>
        ) : null}
        {kind === "verification" ? (
          <>
            <Field name="findings" label={vi ? "Kết quả xác minh" : "Findings"} error={fe.findings} />
            <label className="flex items-center gap-2 text-sm"><input type="checkbox" name="debtorImprisonedOrUnknownAddress" />{vi ? "Người phải thi hành án đang chấp hành án phạt tù hoặc không rõ địa chỉ" : "Debtor imprisoned or address unknown"}</label>
          </>
        ) : null}
        {kind === "classification"
          ? select("result", [["enforceable", vi ? "Có điều kiện thi hành" : "Enforceable"], ["not_yet_enforceable", vi ? "Chưa có điều kiện thi hành" : "Not yet enforceable"]], vi ? "Kết quả" : "Result")
          : null}
        {kind === "payment" ? (
          <>
            {select("obligationId", d.obligations.filter((o) => o.kind === "money").map((o) => [o.code, `${o.code} · ${vi ? "còn" : "left"} ${formatDong(o.outstanding ?? "0")}`]), vi ? "Khoản phải thi hành" : "Obligation")}
            <Field name="amount" label={vi ? "Số tiền thu (đồng)" : "Amount (VND)"} error={fe.amount} />
            <Field name="receiptNumber" label={vi ? "Số biên lai" : "Receipt number"} error={fe.receiptNumber} />
            <Field name="payer" label={vi ? "Người nộp" : "Payer"} error={fe.payer} />
            {select("method", Object.entries(PAYMENT_METHOD_LABELS).map(([k, v]) => [k, v[lang]]), vi ? "Hình thức nộp" : "Method")}
          </>
        ) : null}
        {kind === "act_performed"
          ? select("obligationId", d.obligations.filter((o) => o.kind === "act" && !o.performed_on).map((o) => [o.code, o.description ?? o.code]), vi ? "Nghĩa vụ" : "Obligation")
          : null}
        {kind === "enforcement_action"
          ? select("measure", [...SECURITY_MEASURES, ...COERCIVE_MEASURES].map((m) => [m, MEASURE_LABELS[m]?.[lang] ?? m]), vi ? "Biện pháp" : "Measure")
          : null}
        {kind === "postponement" || kind === "suspension" || kind === "termination" ? (
          <Field name="reason" label={vi ? (kind === "termination" ? "Căn cứ đình chỉ" : "Lý do") : "Reason"} error={fe.reason} />
        ) : null}
        {kind === "transfer" ? select("toProvinceId", d.provinces.map((p) => [p.id, p.name]), vi ? "Tỉnh nhận ủy thác" : "Receiving province") : null}
        {kind === "executor_change" ? (
          <>
            {select("executorId", d.executors.map((e) => [e.id, e.full_name]), vi ? "Chấp hành viên" : "Executor")}
            <Field name="reason" label={vi ? "Lý do thay đổi (bắt buộc khi phân công lại)" : "Reason (required to re-assign)"} error={fe.reason} />
          </>
        ) : null}
        {fe.version || fe.idempotencyKey ? <p role="alert" className="col-span-full text-sm text-red-700">{fe.version ?? fe.idempotencyKey}</p> : null}
        <div className="col-span-full">
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {vi ? "Ghi nhận" : "Record"}: {label(STEP_LABELS, kind, lang)}
          </button>
        </div>
      </Form>
    </details>
  );
}
