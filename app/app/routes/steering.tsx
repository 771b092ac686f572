import { Form, Link, redirect, useLoaderData } from "react-router";
import { FLAG_REASONS, FLAG_REASON_LABELS, formatCount, formatDateVi, formatDong, hasRole, isNational } from "@thads/domain";
import type { Route } from "./+types/steering";
import { PageHeader, Section, Stat, StatGrid, Table } from "../components/ui.tsx";
import { caseStatusLabel, parseLang, useLang } from "../i18n.ts";
import { STEP_LABELS } from "../labels.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { readForm } from "../utils/form.server.ts";
import { safeRedirect } from "../utils/redirect.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, forbidden, requireUser } from "../utils/user.server.ts";
import { isSteeringIntent, runSteeringIntent } from "./steering-actions.server.ts";
import { loadProposals, loadWatchlist, visibleCommittees } from "@thads/core/steering";
import { parseWatchFilters } from "@thads/core/steering/watch-filters";
import { Field, StepForm, inputCls, reasonLabel, useFieldError } from "./steering-ui.tsx";

/** The watchlist: a committee's flagged major cases, most at risk first (members and the directorate). */
export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(request);
  const national = isNational(user.memberships);
  if (!hasRole(user.memberships, "steering_member") && !national) forbidden();
  const url = new URL(request.url);
  const filters = parseWatchFilters(url.searchParams);
  const today = todayVn();
  return asUser(user, async (tx) => {
    const committees = await visibleCommittees(tx, { onlyMine: !national });
    const wanted = url.searchParams.get("committee");
    const committee = committees.find((c) => c.id === wanted) ?? committees.find((c) => c.is_member) ?? committees[0] ?? null;
    const items = committee ? await loadWatchlist(tx, committee, today, filters) : [];
    const all = committee && (filters.q || filters.reason || filters.province || filters.only) ? await loadWatchlist(tx, committee, today) : items;
    const proposals = committee ? await loadProposals(tx, committee.id) : [];
    return {
      committees: committees.map((c) => ({ id: c.id, name: c.name, kind: c.kind, isMember: c.is_member })),
      committee,
      items,
      provinces: [...new Map(all.map((i) => [i.provinceId, i.provinceName])).entries()].map(([id, name]) => ({ id, name })),
      totals: {
        flagged: all.length,
        overdue: all.reduce((a, i) => a + i.overdueDirectives, 0),
        open: all.reduce((a, i) => a + i.openDirectives, 0),
        missing: all.filter((i) => i.missingReports > 0).length,
        outstanding: all.reduce((a, i) => a + BigInt(i.moneyDue) - BigInt(i.moneyCollected), 0n).toString(),
      },
      proposals,
      filters,
      national,
      done: url.searchParams.get("done"),
    };
  });
}

export async function action({ request }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  const form = await readForm(request, lang);
  const intent = String(form.get("intent") ?? "");
  if ((intent !== "steering_decide" && intent !== "steering_settings") || !isSteeringIntent(intent)) forbidden();
  const r = await runSteeringIntent(intent, form, user, lang);
  if ("ok" in r && r.ok) {
    const url = new URL(request.url);
    url.searchParams.set("done", String(r.status ?? intent));
    return redirect(safeRedirect(url.pathname + url.search, "/steering"));
  }
  return r;
}

export default function Steering() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const c = d.committee;
  const q = c ? `?committee=${c.id}` : "";
  return (
    <>
      <PageHeader title={vi ? "Ban Chỉ đạo THADS" : "Steering committee"} subtitle={c?.name ?? null} />
      <nav className="-mt-4 mb-4 flex flex-wrap gap-2 text-sm" aria-label={vi ? "Ban Chỉ đạo" : "Committees"}>
        {d.committees.map((k) => (
          <Link key={k.id} to={`/steering?committee=${k.id}`} data-testid="committee-tab"
                className={`rounded border px-2 py-1 ${k.id === c?.id ? "border-brand-700 bg-brand-700 text-white" : "border-slate-300 bg-white"}`}>
            {k.name}
          </Link>
        ))}
      </nav>
      {c ? (
        <p className="mb-6 flex flex-wrap gap-4 text-sm">
          <Link className="text-blue-800 underline" to={`/steering/meetings${q}`}>{vi ? "Cuộc họp" : "Meetings"}</Link>
          <a className="text-blue-800 underline" href={`/steering/briefing.xlsx${q}`} data-testid="briefing-xlsx">{vi ? "Tài liệu họp (.xlsx)" : "Briefing pack (.xlsx)"}</a>
          <Link className="text-blue-800 underline" to={`/steering/briefing${q}`}>{vi ? "Tài liệu họp (bản in / PDF)" : "Briefing pack (print / PDF)"}</Link>
          {d.national ? <Link className="text-blue-800 underline" to="/steering/national">{vi ? "Toàn quốc" : "Nationwide"}</Link> : null}
        </p>
      ) : (
        <p className="text-slate-600">{vi ? "Bạn chưa là thành viên của Ban Chỉ đạo nào." : "You are not on any committee yet."}</p>
      )}
      {d.done ? <p role="status" className="mb-4 rounded border border-emerald-300 bg-emerald-50 p-2 text-sm">{vi ? "Đã ghi nhận." : "Recorded."}</p> : null}

      <StatGrid>
        <Stat label={vi ? "Vụ việc đang theo dõi" : "Flagged cases"} value={formatCount(d.totals.flagged)} testId="stat-flagged" />
        <Stat label={vi ? "Còn phải thi hành" : "Outstanding"} value={formatDong(d.totals.outstanding)} />
        <Stat label={vi ? "Ý kiến chỉ đạo chưa trả lời" : "Open directives"} value={formatCount(d.totals.open)} />
        <Stat label={vi ? "Ý kiến chỉ đạo quá hạn" : "Overdue directives"} value={formatCount(d.totals.overdue)} testId="stat-overdue" />
      </StatGrid>

      {c?.is_member ? <Settings /> : null}

      {c?.is_member && d.proposals.length > 0 ? (
        <Section title={vi ? "Đề xuất chờ Ban Chỉ đạo xem xét" : "Proposals awaiting decision"}>
          <ul className="space-y-3">
            {d.proposals.map((p) => (
              <li key={p.id} className="rounded-lg border border-amber-300 bg-amber-50 p-3" data-testid="proposal" data-case-number={p.case_number}>
                <p className="font-semibold">{p.case_number} · {p.debtor_name} · {p.province_name}</p>
                <p className="text-sm">{reasonLabel(p.reason, lang)} · {formatDong(p.money_due)} · {vi ? "đề xuất ngày" : "proposed"} {formatDateVi(p.proposed_on)}</p>
                <p className="mt-1 text-sm">{p.note}</p>
                <div className="mt-2 flex flex-wrap gap-4">
                  <StepForm intent="steering_decide" target={p.id} submit={vi ? "Tiếp nhận vào danh sách" : "Accept"} className="flex items-end gap-2">
                    <input type="hidden" name="flagId" value={p.id} />
                    <input type="hidden" name="expectedVersion" value={p.version} />
                    <input type="hidden" name="action" value="accept" />
                  </StepForm>
                  <StepForm intent="steering_decide" target={p.id} submit={vi ? "Không tiếp nhận" : "Decline"} className="flex items-end gap-2">
                    <input type="hidden" name="flagId" value={p.id} />
                    <input type="hidden" name="expectedVersion" value={p.version} />
                    <input type="hidden" name="action" value="decline" />
                    <Field label={vi ? "Lý do không tiếp nhận" : "Reason"}><input name="note" className={inputCls} /></Field>
                  </StepForm>
                </div>
              </li>
            ))}
          </ul>
        </Section>
      ) : null}

      {c ? (
        <Section title={vi ? "Danh sách theo dõi (xếp theo mức độ rủi ro)" : "Watchlist (by risk)"}>
          <Form method="get" className="mb-3 flex flex-wrap items-end gap-3 text-sm" role="search">
            <input type="hidden" name="committee" value={c.id} />
            <Field label={vi ? "Số việc / người phải thi hành án" : "Case / debtor"}><input name="q" defaultValue={d.filters.q} className={inputCls} /></Field>
            <Field label={vi ? "Lý do" : "Reason"}>
              <select name="reason" defaultValue={d.filters.reason} className={inputCls}>
                <option value="">{vi ? "Tất cả" : "All"}</option>
                {FLAG_REASONS.map((r) => <option key={r} value={r}>{FLAG_REASON_LABELS[r][lang]}</option>)}
              </select>
            </Field>
            {d.provinces.length > 1 ? (
              <Field label={vi ? "Tỉnh" : "Province"}>
                <select name="province" defaultValue={d.filters.province} className={inputCls}>
                  <option value="">{vi ? "Tất cả" : "All"}</option>
                  {d.provinces.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
                </select>
              </Field>
            ) : null}
            <Field label={vi ? "Chỉ hiện" : "Only"}>
              <select name="only" defaultValue={d.filters.only} className={inputCls}>
                <option value="">{vi ? "Tất cả" : "All"}</option>
                <option value="overdue">{vi ? "Có ý kiến chỉ đạo quá hạn" : "With overdue directives"}</option>
                <option value="missing">{vi ? "Thiếu báo cáo tiến độ" : "Missing progress reports"}</option>
              </select>
            </Field>
            <button type="submit" className="rounded border border-slate-400 bg-white px-3 py-1">{vi ? "Lọc" : "Filter"}</button>
          </Form>
          {d.items.length === 0 ? (
            <p className="text-slate-600" data-testid="watchlist-empty">{vi ? "Chưa có vụ việc nào trong danh sách theo dõi." : "No case on the watchlist."}</p>
          ) : (
            <Table head={vi
              ? ["Rủi ro", "Việc", "Tỉnh / đơn vị", "Trạng thái", "Phải thi hành", "Đã thu", "Hạn gần nhất", "Thao tác gần nhất", "Chỉ đạo", "Báo cáo"]
              : ["Risk", "Case", "Province / unit", "Status", "Due", "Collected", "Next deadline", "Last action", "Directives", "Reports"]}>
              {d.items.map((i) => (
                <tr key={i.flagId} data-testid="watch-row" data-case-number={i.caseNumber} data-province={i.provinceName} className={i.overdueDirectives > 0 ? "bg-red-50" : ""}>
                  <td className="px-3 py-2 tabular-nums font-semibold">{i.risk}</td>
                  <td className="px-3 py-2">
                    <Link className="text-blue-800 underline" to={`/steering/flags/${i.flagId}`}>{i.caseNumber}</Link>
                    <div className="text-xs text-slate-600">{i.debtorName} · {reasonLabel(i.reason, lang)}</div>
                  </td>
                  <td className="px-3 py-2">{i.provinceName}<div className="text-xs text-slate-600">{i.unitName}</div></td>
                  <td className="px-3 py-2">{caseStatusLabel(lang, i.status)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatDong(i.moneyDue)}</td>
                  <td className="px-3 py-2 tabular-nums">{formatDong(i.moneyCollected)}</td>
                  <td className="px-3 py-2 tabular-nums">{i.nextDeadlineOn ? formatDateVi(i.nextDeadlineOn) : "—"}</td>
                  <td className="px-3 py-2">
                    {i.lastActionOn ? <>{STEP_LABELS[i.lastActionKind ?? ""]?.[lang] ?? i.lastActionKind} · {formatDateVi(i.lastActionOn)}<div className="text-xs text-slate-600">{vi ? `${i.daysSinceAction} ngày trước` : `${i.daysSinceAction} days ago`}</div></> : "—"}
                  </td>
                  <td className="px-3 py-2 tabular-nums">
                    {i.openDirectives}
                    {i.overdueDirectives > 0 ? <span className="ml-1 font-semibold text-red-700" data-testid="overdue-count">({i.overdueDirectives} {vi ? "quá hạn" : "overdue"})</span> : null}
                  </td>
                  <td className={`px-3 py-2 ${i.missingReports > 0 ? "font-semibold text-red-700" : ""}`} title={i.missingPeriods.join(", ")}>
                    {i.missingReports > 0 ? (vi ? `Thiếu ${i.missingReports} kỳ` : `${i.missingReports} missing`) : vi ? "Đủ" : "Up to date"}
                  </td>
                </tr>
              ))}
            </Table>
          )}
        </Section>
      ) : null}
    </>
  );
}

/** The committee's report cadence and the thresholds that suggest cases to the bureaus. */
function Settings() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const err = useFieldError("steering_settings");
  const c = d.committee!;
  return (
    <details className="mt-6 rounded-lg border border-slate-200 bg-white p-3" open={Boolean(err("minOutstanding") || err("openYears") || err("failedAuctionRounds"))}>
      <summary className="cursor-pointer font-semibold">
        {vi ? "Tiêu chí gợi ý và kỳ báo cáo" : "Suggestion criteria and report cadence"}:{" "}
        <span className="font-normal">
          {vi
            ? `còn phải thi hành ≥ ${formatDong(c.min_outstanding)}, kéo dài > ${c.open_years} năm, ≥ ${c.failed_auction_rounds} lần đấu giá không thành; báo cáo ${c.report_cadence === "monthly" ? "hằng tháng" : "hằng quý"}`
            : `outstanding ≥ ${formatDong(c.min_outstanding)}, open > ${c.open_years} years, ≥ ${c.failed_auction_rounds} failed auctions; ${c.report_cadence} reports`}
        </span>
      </summary>
      <StepForm intent="steering_settings" submit={vi ? "Lưu" : "Save"} className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-4">
        <input type="hidden" name="committeeId" value={c.id} />
        <input type="hidden" name="expectedVersion" value={c.version} />
        <Field label={vi ? "Ngưỡng còn phải thi hành (đồng)" : "Outstanding threshold (VND)"} error={err("minOutstanding")}>
          <input name="minOutstanding" defaultValue={formatDong(c.min_outstanding).replace(/ ₫$/, "")} className={inputCls} />
        </Field>
        <Field label={vi ? "Kéo dài quá (năm)" : "Open more than (years)"} error={err("openYears")}>
          <input name="openYears" defaultValue={c.open_years} inputMode="numeric" className={inputCls} />
        </Field>
        <Field label={vi ? "Số lần đấu giá không thành" : "Failed auction rounds"} error={err("failedAuctionRounds")}>
          <input name="failedAuctionRounds" defaultValue={c.failed_auction_rounds} inputMode="numeric" className={inputCls} />
        </Field>
        <Field label={vi ? "Kỳ báo cáo tiến độ" : "Report cadence"} error={err("reportCadence")}>
          <select name="reportCadence" defaultValue={c.report_cadence} className={inputCls}>
            <option value="monthly">{vi ? "Hằng tháng" : "Monthly"}</option>
            <option value="quarterly">{vi ? "Hằng quý" : "Quarterly"}</option>
          </select>
        </Field>
      </StepForm>
    </details>
  );
}
