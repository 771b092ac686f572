import { randomUUID } from "node:crypto";
import { Link, redirect, useLoaderData } from "react-router";
import { formatDateVi, formatDong, hasRole } from "@thads/domain";
import type { Route } from "./+types/steering-flag";
import { Section, Table } from "../components/ui.tsx";
import { caseStatusLabel, parseLang, useLang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, notFound, requireUser } from "../utils/user.server.ts";
import { isSteeringIntent, runSteeringIntent } from "./steering-actions.server.ts";
import { loadFlagPage } from "@thads/core/steering";
import {
  COERCION_STATUS_LABELS, DirectiveList, FLAG_STATUS_LABELS, Field, ForceRows, StepForm, forcesText, inputCls, reasonLabel, useFieldError,
} from "./steering-ui.tsx";
import { isUuid } from "@thads/core/input";


/** One flagged case, for the committee and for the bureau responsible for it. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const page = await asUser(user, (tx) => loadFlagPage(tx, params.id, todayVn()));
  if (!page) notFound();
  const bureau = !page.flag.is_member && hasRole(user.memberships, "province_head", "province_staff", "subunit_head", "executor");
  const answerUnits = new Set(user.memberships.filter((m) => ["subunit_head", "province_head", "province_staff"].includes(m.role)).map((m) => m.unitId));
  return {
    ...page,
    directives: page.directives.map((d) => ({ ...d, canAnswer: answerUnits.has(d.addressee_unit_id) || d.addressee_user_id === user.id })),
    bureau,
    canAnswerAny: answerUnits.size > 0,
    today: todayVn(),
    keys: { directive: randomUUID(), report: randomUUID(), coercion: randomUUID() },
  };
}

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const intent = String(form.get("intent") ?? "");
  if (!isSteeringIntent(intent)) notFound();
  const r = await runSteeringIntent(intent, form, user, lang);
  if ("ok" in r && r.ok) return redirect(`/steering/flags/${params.id}?done=${intent}`);
  return r;
}

export default function SteeringFlag() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const f = d.flag;
  const dirErr = useFieldError("steering_directive");
  const repErr = useFieldError("steering_report");
  const opErr = useFieldError("steering_coercion_plan");
  const remErr = useFieldError("steering_decide");
  return (
    <>
      <p className="text-sm">
        {f.is_member ? <Link to={`/steering?committee=${f.committee_id}`} className="underline">{vi ? "← Danh sách theo dõi" : "← Watchlist"}</Link>
          : <Link to="/steering/tasks" className="underline">{vi ? "← Nhiệm vụ chỉ đạo" : "← Directives to me"}</Link>}
      </p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{vi ? "Vụ việc trọng điểm" : "Flagged case"} {f.case_number}</h1>
        <p className="mt-1 text-slate-700">
          <span className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold" data-testid="flag-status">{FLAG_STATUS_LABELS[f.status]?.[lang]}</span>
          {f.debtor_name} · {f.committee_name} · {reasonLabel(f.reason, lang)}
        </p>
        <p className="mt-1 text-sm text-slate-700">{f.note}</p>
        {f.removed_reason ? <p className="mt-1 text-sm">{vi ? "Lý do đưa ra khỏi danh sách" : "Removed because"}: {f.removed_reason} ({formatDateVi(f.removed_on!)})</p> : null}
        {d.kase ? <p className="mt-2 text-sm"><Link className="text-blue-800 underline" to={`/cases/${f.case_id}`}>{vi ? "Hồ sơ việc thi hành án và diễn biến →" : "Case file and timeline →"}</Link></p> : null}
      </header>

      {d.kase ? (
        <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
          {[
            [vi ? "Trạng thái" : "Status", caseStatusLabel(lang, d.kase.status)],
            [vi ? "Phải thi hành" : "Due", formatDong(d.kase.money_due)],
            [vi ? "Đã thu" : "Collected", formatDong(d.kase.money_collected)],
            [vi ? "Còn phải thi hành" : "Outstanding", formatDong(d.kase.outstanding)],
            [vi ? "Đơn vị" : "Unit", `${d.kase.unit_name} · ${d.kase.province_name}`],
            [vi ? "Hạn tiếp theo" : "Next deadline", d.kase.next_deadline_on ? formatDateVi(d.kase.next_deadline_on) : "—"],
            [vi ? "Thao tác gần nhất" : "Last action", d.kase.last_event_on ? formatDateVi(d.kase.last_event_on) : "—"],
          ].map(([k, v]) => (
            <div key={k} className="rounded-lg border border-slate-200 bg-white p-3 shadow-sm">
              <dt className="text-xs text-slate-600">{k}</dt>
              <dd className="mt-1 font-semibold tabular-nums">{v}</dd>
            </div>
          ))}
        </dl>
      ) : null}

      <Section title={vi ? "Ý kiến chỉ đạo" : "Directives"}>
        <DirectiveList items={d.directives} lang={lang} answerable revisable={f.is_member} />
        {f.is_member && f.status === "accepted" ? (
          <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" open={Boolean(dirErr("body") || dirErr("dueOn") || dirErr("addresseeUnitId"))}>
            <summary className="cursor-pointer font-semibold">{vi ? "Ban hành ý kiến chỉ đạo" : "Issue a directive"}</summary>
            <StepForm intent="steering_directive" submit={vi ? "Ban hành" : "Issue"} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
              <input type="hidden" name="idempotencyKey" value={d.keys.directive} />
              <input type="hidden" name="committeeId" value={f.committee_id} />
              <input type="hidden" name="flagId" value={f.id} />
              <Field label={vi ? "Đơn vị nhận" : "Addressee unit"} error={dirErr("addresseeUnitId")}>
                <select name="addresseeUnitId" defaultValue="" className={inputCls}>
                  <option value="">{vi ? "— chọn —" : "— choose —"}</option>
                  {d.units.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
                </select>
              </Field>
              <Field label={vi ? "Thời hạn thực hiện (dd/mm/yyyy)" : "Deadline (dd/mm/yyyy)"} error={dirErr("dueOn")}>
                <input name="dueOn" className={inputCls} placeholder="dd/mm/yyyy" />
              </Field>
              <div className="col-span-full">
                <Field label={vi ? "Nội dung ý kiến chỉ đạo" : "Directive"} error={dirErr("body")}>
                  <textarea name="body" rows={3} className={inputCls} />
                </Field>
              </div>
            </StepForm>
          </details>
        ) : null}
      </Section>

      <Section title={vi ? "Báo cáo tiến độ" : "Progress reports"}>
        {d.missing.length > 0 ? (
          <p role="status" data-testid="missing-reports" className="mb-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-800">
            {vi ? "Chưa có báo cáo tiến độ các kỳ" : "Missing reports"}: {d.missing.map((m) => m.label).join(", ")}
          </p>
        ) : null}
        <Table head={vi ? ["Kỳ", "Nội dung", "Đã thu (tại thời điểm báo cáo)", "Ngày báo cáo", "Người báo cáo"] : ["Period", "Report", "Collected", "Reported", "By"]}>
          {d.reports.map((r) => (
            <tr key={r.id} data-testid="report-row">
              <td className="px-3 py-2">{r.label}</td>
              <td className="px-3 py-2 whitespace-pre-line">{r.body}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(r.money_collected)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(r.reported_on)}</td>
              <td className="px-3 py-2">{r.reporter ?? "—"}</td>
            </tr>
          ))}
        </Table>
        {d.bureau && f.status === "accepted" ? (
          <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" open={Boolean(repErr("body") || repErr("period"))}>
            <summary className="cursor-pointer font-semibold">{vi ? "Gửi báo cáo tiến độ" : "Post a progress report"}</summary>
            <StepForm intent="steering_report" submit={vi ? "Gửi báo cáo" : "Post"} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
              <input type="hidden" name="idempotencyKey" value={d.keys.report} />
              <input type="hidden" name="flagId" value={f.id} />
              <Field label={vi ? "Kỳ báo cáo (một ngày trong kỳ, dd/mm/yyyy)" : "Period (any day in it)"} error={repErr("period")}>
                <input name="period" defaultValue={d.missing[0] ? formatDateVi(d.missing[0].start) : formatDateVi(d.today)} className={inputCls} />
              </Field>
              <div className="col-span-full">
                <Field label={vi ? "Nội dung báo cáo" : "Report"} error={repErr("body")}><textarea name="body" rows={3} className={inputCls} /></Field>
              </div>
            </StepForm>
          </details>
        ) : null}
      </Section>

      <Section title={vi ? "Cưỡng chế có huy động lực lượng" : "Coercion operations"}>
        <ul className="space-y-3">
          {d.ops.map((o) => (
            <li key={o.id} className="rounded-lg border border-slate-200 bg-white p-3" data-testid="coercion-op">
              <p className="font-semibold">{formatDateVi(o.planned_on)} · {o.place} · <span data-testid="coercion-status">{COERCION_STATUS_LABELS[o.status]?.[lang]}</span></p>
              <p className="text-sm">{o.plan}</p>
              <p className="text-sm text-slate-700">{forcesText(o.forces, lang)}</p>
              {o.decision_note ? <p className="text-sm">{vi ? "Ý kiến Ban Chỉ đạo" : "Committee"}: {o.decision_note}</p> : null}
              {o.result ? <p className="text-sm">{vi ? "Kết quả" : "Result"} ({formatDateVi(o.executed_on!)}): {o.result}</p> : null}
              <div className="mt-2 flex flex-wrap gap-3">
                {o.is_member && o.status === "planned" ? (
                  <>
                    <StepForm intent="steering_coercion_decide" target={o.id} submit={vi ? "Phê duyệt" : "Approve"} className="flex items-end gap-2">
                      <input type="hidden" name="opId" value={o.id} /><input type="hidden" name="expectedVersion" value={o.version} /><input type="hidden" name="action" value="approve" />
                    </StepForm>
                    <StepForm intent="steering_coercion_decide" target={o.id} submit={vi ? "Không phê duyệt" : "Reject"} className="flex items-end gap-2">
                      <input type="hidden" name="opId" value={o.id} /><input type="hidden" name="expectedVersion" value={o.version} /><input type="hidden" name="action" value="reject" />
                      <Field label={vi ? "Lý do" : "Reason"}><input name="note" className={inputCls} /></Field>
                    </StepForm>
                  </>
                ) : null}
                {d.bureau && o.status === "approved" ? (
                  <StepForm intent="steering_coercion_decide" target={o.id} submit={vi ? "Ghi nhận kết quả" : "Record result"} className="flex flex-wrap items-end gap-2">
                    <input type="hidden" name="opId" value={o.id} /><input type="hidden" name="expectedVersion" value={o.version} /><input type="hidden" name="action" value="record_result" />
                    <Field label={vi ? "Ngày thực hiện" : "Date"}><input name="executedOn" defaultValue={formatDateVi(d.today)} className={inputCls} /></Field>
                    <Field label={vi ? "Kết quả" : "Result"}><input name="result" className={inputCls} /></Field>
                  </StepForm>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
        {d.bureau && f.status === "accepted" ? (
          <details className="mt-4 rounded-lg border border-slate-200 bg-white p-3" open={Boolean(opErr("place") || opErr("plan") || opErr("forces") || opErr("plannedOn"))}>
            <summary className="cursor-pointer font-semibold">{vi ? "Trình kế hoạch cưỡng chế" : "Submit a coercion plan"}</summary>
            <StepForm intent="steering_coercion_plan" submit={vi ? "Trình Ban Chỉ đạo" : "Submit"} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-2">
              <input type="hidden" name="idempotencyKey" value={d.keys.coercion} />
              <input type="hidden" name="caseId" value={f.case_id} />
              <input type="hidden" name="committeeId" value={f.committee_id} />
              <Field label={vi ? "Ngày cưỡng chế dự kiến" : "Planned date"} error={opErr("plannedOn")}><input name="plannedOn" className={inputCls} placeholder="dd/mm/yyyy" /></Field>
              <Field label={vi ? "Địa điểm" : "Place"} error={opErr("place")}><input name="place" className={inputCls} /></Field>
              <div className="col-span-full"><Field label={vi ? "Phương án" : "Plan"} error={opErr("plan")}><textarea name="plan" rows={2} className={inputCls} /></Field></div>
              <ForceRows lang={lang} />
              {opErr("forces") ? <p role="alert" className="col-span-full text-sm text-red-700">{opErr("forces")}</p> : null}
            </StepForm>
          </details>
        ) : null}
      </Section>

      {f.is_member && f.status === "accepted" ? (
        <Section title={vi ? "Đưa ra khỏi danh sách theo dõi" : "Take off the list"}>
          <StepForm intent="steering_decide" submit={vi ? "Đưa ra khỏi danh sách" : "Remove"} className="flex flex-wrap items-end gap-2">
            <input type="hidden" name="flagId" value={f.id} />
            <input type="hidden" name="expectedVersion" value={f.version} />
            <input type="hidden" name="action" value="remove" />
            <Field label={vi ? "Lý do (ví dụ: đã thi hành xong)" : "Reason"} error={remErr("note")}><input name="note" className={inputCls} /></Field>
          </StepForm>
        </Section>
      ) : null}
    </>
  );
}
