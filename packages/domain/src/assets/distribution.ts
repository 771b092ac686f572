/**
 * Distribution of proceeds (Law 26/2008 Art. 47; Law 106/2025 Art. 54 from 01/07/2026): enforcement
 * costs first; a secured creditor from the proceeds of its own collateral, after that judgment's
 * court fee (47(3) / 54(3)); then maintenance, wages, allowances and compensation for life, health
 * and mental suffering; then court fees; from 01/07/2026 fines and State recoveries, then social,
 * unemployment and health insurance; then the other obligations. Within a rank
 * that cannot be paid in full, creditors share pro rata to what each is owed, in whole đồng: each
 * gets the floor of its exact share, and the đồng left over go one each to the largest fractional
 * parts, ties to the claim listed first. What is left after every rank goes back to the debtor.
 */
import { CLAIM_RANKS, DISTRIBUTION_RANK_LABELS, DISTRIBUTION_RANKS, type ClaimRank, type DistributionRank } from "./rules.ts";
import { assetError, type AssetCheck } from "./status.ts";

export interface Claim {
  /** The obligation's code in the case (or any stable id). */
  id: string;
  rank: ClaimRank;
  /** Outstanding amount, whole đồng, > 0. */
  amount: bigint;
}

export interface DistributionLine {
  rank: DistributionRank;
  claimId: string | null;
  claimed: bigint;
  amount: bigint;
}

export interface Distribution {
  lines: DistributionLine[];
  toDebtor: bigint;
}

/** Splits `available` over `amounts` pro rata, whole đồng, deterministic (see the module comment). */
export function proRata(available: bigint, amounts: readonly bigint[]): bigint[] {
  const total = amounts.reduce((a, b) => a + b, 0n);
  if (total === 0n) return amounts.map(() => 0n);
  if (available >= total) return [...amounts];
  const shares = amounts.map((a) => (available * a) / total);
  const fractions = amounts.map((a, i) => ({ i, rem: (available * a) % total }));
  let left = available - shares.reduce((a, b) => a + b, 0n);
  fractions.sort((x, y) => (x.rem === y.rem ? x.i - y.i : x.rem > y.rem ? -1 : 1));
  for (const f of fractions) {
    if (left === 0n) break;
    shares[f.i]! += 1n;
    left -= 1n;
  }
  return shares;
}

export function distributeProceeds(input: {
  proceeds: bigint;
  enforcementCosts: bigint;
  claims: readonly Claim[];
  order?: readonly DistributionRank[];
}): AssetCheck<{ distribution: Distribution }> {
  const { proceeds, enforcementCosts, claims } = input;
  const order = input.order ?? DISTRIBUTION_RANKS;
  if (typeof proceeds !== "bigint" || proceeds < 0n)
    return assetError("negative_price", "Số tiền thu được không được là số âm.", "Proceeds cannot be negative.", "price");
  if (typeof enforcementCosts !== "bigint" || enforcementCosts < 0n) {
    return assetError(
      "negative_costs",
      "Chi phí thi hành án không được là số âm.",
      "Enforcement costs cannot be negative.",
      "enforcementCosts",
    );
  }
  const seen = new Set<string>();
  for (const c of claims) {
    if (seen.has(c.id))
      return assetError("duplicate_claim", `Khoản "${c.id}" được kê hai lần.`, `Claim "${c.id}" is listed twice.`, "claims");
    seen.add(c.id);
    if (typeof c.amount !== "bigint" || c.amount <= 0n)
      return assetError("bad_claim", `Khoản "${c.id}" phải có số tiền lớn hơn 0.`, `Claim "${c.id}" must be above zero.`, "claims");
    if (!CLAIM_RANKS.includes(c.rank))
      return assetError("bad_rank", `Khoản "${c.id}" có thứ tự ưu tiên không hợp lệ.`, `Claim "${c.id}" has an unknown rank.`, "claims");
    if (!order.includes(c.rank))
      return assetError(
        "rank_not_in_force",
        `Khoản "${c.id}": hàng ưu tiên "${DISTRIBUTION_RANK_LABELS[c.rank].vi}" chưa có trong thứ tự thanh toán áp dụng cho ngày này (trước 01/07/2026, tiền phạt, truy thu và bảo hiểm là "các khoản phải thi hành khác" — Luật Thi hành án dân sự 2008, Điều 47(2)(c)).`,
        `Claim "${c.id}": the rank "${DISTRIBUTION_RANK_LABELS[c.rank].en}" is not in the payment order in force on this date (before 01/07/2026, fines, State recoveries and insurance are "other obligations": Law 26/2008 Art. 47(2)(c)).`,
        "claims",
      );
  }

  // The secured creditor is paid from its collateral after that judgment's court fee (47(3) / 54(3)):
  // the case is one judgment, so its court fees move ahead of the secured rank.
  const effectiveOrder =
    claims.some((c) => c.rank === "secured") && order.includes("court_fee")
      ? order.flatMap((r): DistributionRank[] => (r === "court_fee" ? [] : r === "secured" ? ["court_fee", "secured"] : [r]))
      : order;
  let left = proceeds;
  const lines: DistributionLine[] = [];
  for (const rank of effectiveOrder) {
    if (rank === "costs") {
      const paid = enforcementCosts < left ? enforcementCosts : left;
      if (enforcementCosts > 0n) lines.push({ rank, claimId: null, claimed: enforcementCosts, amount: paid });
      left -= paid;
      continue;
    }
    const inRank = claims.filter((c) => c.rank === rank);
    if (!inRank.length) continue;
    const shares = proRata(
      left,
      inRank.map((c) => c.amount),
    );
    inRank.forEach((c, i) => {
      lines.push({ rank, claimId: c.id, claimed: c.amount, amount: shares[i]! });
      left -= shares[i]!;
    });
  }
  return { ok: true, distribution: { lines, toDebtor: left } };
}
