import { data, Form, Link, redirect, useActionData, useLoaderData, useNavigation, useRouteLoaderData } from "react-router";
import { asUserStep, parseAssetStep, recordAssetStep, ASSET_FORM_STEPS, type AssetFormStep } from "@thads/core";
import {
  ASSET_KIND_LABELS,
  ASSET_STATUS_LABELS,
  ASSET_STEP_LABELS,
  BIDDER_SITUATIONS,
  BIDDER_SITUATION_LABELS,
  CLAIM_RANKS,
  DEPOSIT_OUTCOME_LABELS,
  DISTRIBUTION_RANK_LABELS,
  ROUND_RESULT_LABELS,
  formatDateVi,
  formatDong,
  type AssetKind,
  type AssetStatus,
  type DepositOutcome,
  type RoundResult,
} from "@thads/domain";
import type { Route } from "./+types/asset";
import { Field, PriceChart } from "../components/asset-ui.tsx";
import { FactGrid, Section, Table } from "../components/ui.tsx";
import { parseLang, useLang, type Lang } from "../i18n.ts";
import { LANG_COOKIE, readCookie } from "../utils/cookies.server.ts";
import { appSql } from "../utils/db.server.ts";
import { readForm } from "../utils/form.server.ts";
import { isUnsafeKey, nullRecord } from "../utils/form-nest.ts";
import { todayVn } from "../utils/today.ts";
import { asUser, notFound, requireUser } from "../utils/user.server.ts";
import { loadAssetPage } from "./assets.server.ts";
import { isUuid } from "@thads/core/input";


export async function loader({ request, params }: Route.LoaderArgs) {
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const page = await asUser(user, (tx) => loadAssetPage(tx, params.id, user.memberships.map((m) => m.role), todayVn()));
  if (!page) notFound();
  return page;
}

type ActionData = { kind: string; formError?: string; fieldErrors?: Record<string, string> };

export async function action({ request, params }: Route.ActionArgs) {
  const lang = parseLang(readCookie(request, LANG_COOKIE));
  const user = await requireUser(request);
  if (!isUuid(params.id)) notFound();
  const form = await readForm(request, lang);
  const kind = String(form.get("intent") ?? "");
  if (!(ASSET_FORM_STEPS as string[]).includes(kind)) {
    return data<ActionData>({ kind, formError: lang === "vi" ? "Thao tác không hợp lệ." : "Unknown step." }, { status: 400 });
  }
  const fields = nullRecord();
  const ranks = nullRecord<string>();
  for (const [k, v] of form) {
    if (typeof v !== "string" || k === "csrf" || k === "intent" || isUnsafeKey(k)) continue;
    if (k.startsWith("rank.")) ranks[k.slice(5)] = v;
    else fields[k] = v;
  }
  if (kind === "sale") fields.ranks = ranks;
  const parsed = parseAssetStep(kind as AssetFormStep, fields);
  if (!parsed.ok) return data<ActionData>({ kind, fieldErrors: parsed.fieldErrors }, { status: 400 });
  const result = await asUserStep(appSql(), user.claims, (tx) =>
    recordAssetStep(tx, { assetId: params.id, step: parsed.step, actor: { userId: user.id, roles: user.memberships.map((m) => m.role) }, today: todayVn() }),
  );
  if (!result.ok) {
    const status = result.error.code === "conflict" ? 409 : result.error.code === "forbidden" ? 403 : result.error.code === "not_found" ? 404 : 422;
    const message = lang === "en" ? result.error.message_en : result.error.message_vi;
    return data<ActionData>({ kind, formError: message, ...(result.error.field ? { fieldErrors: { [result.error.field]: message } } : {}) }, { status });
  }
  return redirect(`/assets/${params.id}?done=${kind}&v=${result.version}`);
}

const lbl = (map: Record<string, { vi: string; en: string }>, key: string | null | undefined, lang: Lang) => (key ? (map[key]?.[lang] ?? key) : "—");

export default function AssetPage() {
  const d = useLoaderData<typeof loader>();
  const lang = useLang();
  const vi = lang === "vi";
  const a = d.asset;
  return (
    <>
      <p className="text-sm">
        <Link to={`/cases/${a.case_id}/assets`} className="underline">{vi ? `← Tài sản của việc ${a.case_number}` : `← Assets of case ${a.case_number}`}</Link>
        {" · "}<Link to={`/cases/${a.case_id}`} className="underline">{vi ? "Việc thi hành án" : "Case"}</Link>
      </p>
      <header className="mt-2 mb-6">
        <h1 className="text-2xl font-bold">{a.description}</h1>
        <p className="mt-1 text-slate-700">
          <span data-testid="asset-status" className="mr-2 rounded bg-slate-200 px-2 py-0.5 text-sm font-semibold">{ASSET_STATUS_LABELS[a.status]?.[lang] ?? a.status}</span>
          {ASSET_KIND_LABELS[a.kind as AssetKind]?.[lang]} · {a.unit_name} · {a.debtor_name}
        </p>
        {a.failed_rounds >= d.rules.stuckAfter && (a.status === "at_auction" || a.status === "valued") ? (
          <p role="status" className="mt-2 rounded border border-amber-300 bg-amber-50 p-2 text-sm">
            {vi ? `Tài sản đã qua ${a.failed_rounds} phiên đấu giá không thành: báo cáo Thủ trưởng và Ban Chỉ đạo để tháo gỡ.` : `${a.failed_rounds} failed rounds: report to the head and the steering committee.`}
          </p>
        ) : null}
      </header>
      <FactGrid facts={[
          [vi ? "Giá thẩm định gần nhất" : "Latest valuation", a.latest_value ? formatDong(a.latest_value) : "—", "latest-value"],
          [vi ? "Giá khởi điểm hiện tại" : "Current starting price", a.current_price ? formatDong(a.current_price) : "—", "current-price"],
          [vi ? "Số phiên / không thành" : "Rounds / failed", `${a.rounds_held} / ${a.failed_rounds}`, "rounds"],
          [vi ? "Giá bán" : "Sold for", a.sold_price ? formatDong(a.sold_price) : "—", "sold-price"],
          [vi ? "Địa chỉ" : "Location", a.location ?? "—", "location"],
          [vi ? "Giấy tờ sở hữu" : "Ownership documents", a.ownership_docs ?? "—", "docs"],
          [vi ? "Thế chấp" : "Mortgage", a.encumbrance_bank ? `${a.encumbrance_bank}${a.encumbrance_note ? ` · ${a.encumbrance_note}` : ""}` : "—", "encumbrance"],
          [vi ? "Người mua" : "Buyer", a.buyer_name ?? "—", "buyer"],
        ]} />

      <Section title={vi ? "Phiên đấu giá" : "Auction rounds"}>
        <PriceChart rounds={d.rounds} lang={lang} />
        <div className="mt-3">
          <Table head={vi ? ["Phiên", "Thông báo", "Tổ chức", "Giá khởi điểm", "Giảm", "Kết quả", "Giá trúng"] : ["Round", "Announced", "Held", "Starting price", "Reduction", "Result", "Winning bid"]}>
            {d.rounds.map((r) => (
              <tr key={r.id} data-testid="round-row">
                <td className="px-3 py-2 tabular-nums">{r.round_no}</td>
                <td className="px-3 py-2 tabular-nums">{formatDateVi(r.announced_on)}</td>
                <td className="px-3 py-2 tabular-nums">{formatDateVi(r.held_on)}</td>
                <td className="px-3 py-2 tabular-nums" data-testid="round-price">{formatDong(r.starting_price)}</td>
                <td className="px-3 py-2 tabular-nums">{r.reduction_bp ? `${(r.reduction_bp / 100).toFixed(2).replace(".", ",")}%` : "—"}</td>
                <td className="px-3 py-2" data-testid="round-result">{lbl(ROUND_RESULT_LABELS, r.result, lang)}{r.winner_name ? ` · ${r.winner_name}` : ""}</td>
                <td className="px-3 py-2 tabular-nums">{r.winning_bid ? formatDong(r.winning_bid) : "—"}</td>
              </tr>
            ))}
          </Table>
        </div>
        {d.hint ? (
          <p className="mt-2 text-sm text-slate-700" data-testid="reduction-hint">
            {vi
              ? `Phiên tiếp theo: giá khởi điểm từ ${formatDong(d.hint.min)} đến ${formatDong(d.hint.base)} (giảm tối đa ${d.hint.percent}%), thông báo trong ${d.hint.days} ngày sau phiên không thành.`
              : `Next round: starting price between ${formatDong(d.hint.min)} and ${formatDong(d.hint.base)} (at most ${d.hint.percent}% off), announced within ${d.hint.days} days of the failed round.`}
          </p>
        ) : null}
      </Section>

      <Section title={vi ? "Thẩm định giá" : "Valuations"}>
        <Table head={vi ? ["Ngày", "Tổ chức thẩm định", "Giá trị", ""] : ["Date", "Appraiser", "Value", ""]}>
          {d.valuations.map((v) => (
            <tr key={v.id} data-testid="valuation-row">
              <td className="px-3 py-2 tabular-nums">{formatDateVi(v.valued_on)}</td>
              <td className="px-3 py-2">{v.appraiser}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(v.value)}</td>
              <td className="px-3 py-2">{v.is_revaluation ? (vi ? "Thẩm định lại" : "Re-valuation") : ""}</td>
            </tr>
          ))}
        </Table>
      </Section>

      <Section title={vi ? "Kê biên, phong tỏa và hợp đồng đấu giá" : "Seizures, freezes and auction contracts"}>
        <ul className="space-y-1 text-sm">
          {d.seizures.map((x) => (
            <li key={x.id}>{formatDateVi(x.seized_on)} · {x.kind === "account_freeze" ? (vi ? `Phong tỏa tài khoản ${x.account_number} tại ${x.bank_name}` : `Account ${x.account_number} frozen at ${x.bank_name}`) : vi ? "Kê biên" : "Seizure"} · {x.executor_name}{x.minutes_number ? ` · ${x.minutes_number}` : ""}</li>
          ))}
          {d.contracts.map((x) => (
            <li key={x.id}>{formatDateVi(x.signed_on)} · {vi ? "Hợp đồng" : "Contract"} {x.contract_number} · {x.organisation}</li>
          ))}
        </ul>
      </Section>

      <Section title={vi ? "Tiền đặt trước" : "Deposits"}>
        <Table head={vi ? ["Phiên", "Người đặt trước", "Số tiền", "Ngày nhận", "Xử lý"] : ["Round", "Bidder", "Amount", "Received", "Outcome"]}>
          {d.deposits.map((x) => (
            <tr key={x.id} data-testid="deposit-row">
              <td className="px-3 py-2 tabular-nums">{x.round_no}</td>
              <td className="px-3 py-2">{x.bidder_name}</td>
              <td className="px-3 py-2 tabular-nums">{formatDong(x.amount)}</td>
              <td className="px-3 py-2 tabular-nums">{formatDateVi(x.received_on)}</td>
              <td className="px-3 py-2" data-testid="deposit-outcome">{DEPOSIT_OUTCOME_LABELS[x.outcome as DepositOutcome]?.[lang] ?? x.outcome}{x.settled_on ? ` · ${formatDateVi(x.settled_on)}` : ""}</td>
            </tr>
          ))}
        </Table>
      </Section>

      {d.proceeds.length ? (
        <Section title={vi ? "Phân chia tiền bán tài sản (Điều 47 Luật THADS)" : "Distribution of the proceeds (Art. 47)"}>
          <Table head={vi ? ["Thứ tự", "Hàng ưu tiên", "Khoản", "Phải trả", "Được chia"] : ["#", "Rank", "Obligation", "Claimed", "Paid"]}>
            {d.proceeds.map((p) => (
              <tr key={p.line_no} data-testid="distribution-row" data-rank={p.rank}>
                <td className="px-3 py-2 tabular-nums">{p.line_no}</td>
                <td className="px-3 py-2">{lbl(DISTRIBUTION_RANK_LABELS, p.rank, lang)}</td>
                <td className="px-3 py-2">{p.obligation_code ?? "—"}</td>
                <td className="px-3 py-2 tabular-nums">{p.claimed ? formatDong(p.claimed) : "—"}</td>
                <td className="px-3 py-2 tabular-nums" data-testid="distribution-amount">{formatDong(p.amount)}</td>
              </tr>
            ))}
          </Table>
        </Section>
      ) : null}

      <Section title={vi ? "Diễn biến" : "History"}>
        <ol className="space-y-1 border-l-2 border-slate-300 pl-4 text-sm" data-testid="asset-history">
          {d.history.map((e) => (
            <li key={e.id} data-kind={e.kind}><span className="font-semibold">{formatDateVi(e.effective_date)}</span> · {lbl(ASSET_STEP_LABELS, e.kind, lang)}{e.actor_name ? <span className="text-slate-600"> · {e.actor_name}</span> : null}</li>
          ))}
        </ol>
      </Section>

      {d.actions.length ? (
        <Section title={vi ? "Thao tác tiếp theo" : "Next steps"}>
          <div className="space-y-3">{d.actions.map((k) => <StepForm key={`${k}-${a.version}`} kind={k} />)}</div>
        </Section>
      ) : (
        <p className="mt-8 text-slate-600">{d.readOnly ? (vi ? "Bạn chỉ có quyền xem tài sản này." : "You may only view this asset.") : vi ? "Không còn thao tác nào." : "No further steps."}</p>
      )}
    </>
  );
}

function StepForm({ kind }: { kind: AssetFormStep }) {
  const d = useLoaderData<typeof loader>();
  const act = useActionData<ActionData>();
  const nav = useNavigation();
  const lang = useLang();
  const vi = lang === "vi";
  const root = useRouteLoaderData("root") as { csrf?: string } | undefined;
  const mine = act?.kind === kind ? act : undefined;
  const fe = mine?.fieldErrors ?? {};
  const busy = nav.state === "submitting" && nav.formData?.get("intent") === kind;
  const name = ASSET_STEP_LABELS[kind][lang];
  const input = (n: string, label: string) => <Field key={n} name={n} label={label} error={fe[n]} />;
  const select = (n: string, options: [string, string][], label: string, def = "") => (
    <Field key={n} name={n} label={label} error={fe[n]}>
      <select name={n} defaultValue={def} className="rounded border border-slate-300 px-2 py-1">
        <option value="" disabled>{vi ? "— chọn —" : "— choose —"}</option>
        {options.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
      </select>
    </Field>
  );
  return (
    <details className="rounded-lg border border-slate-200 bg-white p-3" open={Boolean(mine)} data-step={kind}>
      <summary className="cursor-pointer font-semibold">{name}</summary>
      <Form method="post" className="mt-3 grid grid-cols-1 gap-3 md:grid-cols-3">
        <input type="hidden" name="csrf" value={root?.csrf ?? ""} />
        <input type="hidden" name="intent" value={kind} />
        <input type="hidden" name="version" value={d.asset.version} />
        <input type="hidden" name="idempotencyKey" value={d.keys[kind] ?? ""} />
        {mine?.formError ? <p role="alert" className="col-span-full rounded border border-red-200 bg-red-50 p-2 text-sm text-red-800">{mine.formError}</p> : null}
        <Field name="effectiveDate" label={kind === "round" ? (vi ? "Ngày thông báo (dd/mm/yyyy)" : "Announced on (dd/mm/yyyy)") : vi ? "Ngày thực hiện (dd/mm/yyyy)" : "Date (dd/mm/yyyy)"} error={fe.effectiveDate}>
          <input name="effectiveDate" defaultValue={formatDateVi(d.today)} className="rounded border border-slate-300 px-2 py-1" />
        </Field>
        {kind === "seizure" ? [
          select("seizureKind", [["seizure", vi ? "Kê biên tài sản" : "Seizure"], ["account_freeze", vi ? "Phong tỏa tài khoản" : "Account freeze"]], vi ? "Biện pháp" : "Measure"),
          input("executorName", vi ? "Chấp hành viên thực hiện" : "Executor"),
          input("minutesNumber", vi ? "Số biên bản" : "Minutes number"),
          input("bankName", vi ? "Ngân hàng (khi phong tỏa)" : "Bank (for a freeze)"),
          input("accountNumber", vi ? "Số tài khoản" : "Account number"),
          input("frozenAmount", vi ? "Số tiền phong tỏa (đồng)" : "Amount frozen (VND)"),
        ] : null}
        {kind === "valuation" ? [
          input("appraiser", vi ? "Tổ chức thẩm định giá" : "Appraiser"),
          input("value", vi ? "Giá trị thẩm định (đồng)" : "Value (VND)"),
          input("note", vi ? "Ghi chú" : "Note"),
          ...(d.valuations.length ? [input("revaluationReason", vi ? "Căn cứ thẩm định lại (khi giá chênh dưới 20%)" : "Ground for re-valuation (if the value moved less than 20%)")] : []),
        ] : null}
        {kind === "contract" ? [input("organisation", vi ? "Tổ chức đấu giá" : "Auction organisation"), input("contractNumber", vi ? "Số hợp đồng" : "Contract number"), input("fee", vi ? "Thù lao đấu giá (đồng)" : "Fee (VND)")] : null}
        {kind === "round" ? [
          input("heldOn", vi ? "Ngày tổ chức phiên (dd/mm/yyyy)" : "Auction date (dd/mm/yyyy)"),
          input("startingPrice", vi ? "Giá khởi điểm (đồng)" : "Starting price (VND)"),
          input("venue", vi ? "Địa điểm" : "Venue"),
          input("enforcementCosts", vi ? "Chi phí thi hành án dự tính (đồng)" : "Estimated enforcement costs (VND)"),
        ] : null}
        {kind === "round_result" ? [
          select("result", (["sold", "no_bidder", "cancelled", "buyer_withdrew"] as RoundResult[]).map((r) => [r, ROUND_RESULT_LABELS[r][lang]]), vi ? "Kết quả" : "Result"),
          input("winningBid", vi ? "Giá trúng đấu giá (đồng)" : "Winning bid (VND)"),
          input("winnerName", vi ? "Người trúng đấu giá" : "Winner"),
        ] : null}
        {kind === "deposit" ? [input("bidderName", vi ? "Người đặt trước" : "Bidder"), input("amount", vi ? "Tiền đặt trước (đồng)" : "Deposit (VND)")] : null}
        {kind === "deposit_settlement" ? [
          select("depositId", d.deposits.filter((x) => x.outcome === "held").map((x) => [x.id, `${x.bidder_name} · ${formatDong(x.amount)}`]), vi ? "Khoản đặt trước" : "Deposit"),
          select("situation", BIDDER_SITUATIONS.map((s) => [s, BIDDER_SITUATION_LABELS[s][lang]]), vi ? "Tình huống" : "Situation"),
        ] : null}
        {kind === "sale" ? [
          input("enforcementCosts", vi ? "Chi phí thi hành án (đồng)" : "Enforcement costs (VND)"),
          ...d.obligations.map((o) => select(`rank.${o.code}`, CLAIM_RANKS.map((r) => [r, DISTRIBUTION_RANK_LABELS[r][lang]]), `${vi ? "Hàng ưu tiên của khoản" : "Rank of"} ${o.code} (${formatDong(o.outstanding)})`, d.asset.encumbrance_bank ? "secured" : "other")),
        ] : null}
        {kind === "delivery" ? [
          <label key="c" className="flex items-center gap-2 text-sm"><input type="checkbox" name="withCoercion" />{vi ? "Có cưỡng chế, huy động lực lượng" : "With coercion (mobilized forces)"}</label>,
          input("note", vi ? "Ghi chú" : "Note"),
        ] : null}
        {kind === "return" || kind === "hand_to_creditor" ? input("reason", vi ? "Lý do / căn cứ" : "Reason") : null}
        {kind === "hand_to_creditor" ? [
          input("creditedAmount", vi ? "Giá trị trừ vào số tiền được thi hành án (đồng)" : "Value credited to the creditor (VND)"),
          select("obligationCode", d.obligations.map((o) => [o.code, `${o.code} · ${formatDong(o.outstanding)}`]), vi ? "Khoản phải thi hành được trừ" : "Obligation credited", d.obligations[0]?.code ?? ""),
        ] : null}
        {fe.version || fe.idempotencyKey ? <p role="alert" className="col-span-full text-sm text-red-700">{fe.version ?? fe.idempotencyKey}</p> : null}
        <div className="col-span-full">
          <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {vi ? "Ghi nhận" : "Record"}: {name}
          </button>
        </div>
      </Form>
    </details>
  );
}
