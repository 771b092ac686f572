/** Case and staff figures of the workspace dashboards, as visible to the signed-in user under RLS. */
import type { TxSql } from "@thads/db";
import { CLOSED_STATUSES, byUnitName } from "@thads/domain";

/** Case figures of one scope, as visible to the signed-in user under RLS. */
export interface CaseFigures {
  cases: number;
  /** Open in the active workload: neither closed nor in the separate register. */
  open: number;
  closed: number;
  /** In the separate register: open, but out of the active workload (D62 Art. 9(6)). */
  register: number;
  moneyDue: string;
  moneyCollected: string;
}

export interface UnitFigures extends CaseFigures {
  id: string;
  name: string;
  code: string;
  slug: string | null;
}

// Money sums over many cases as text: their totals may exceed a bigint (one case is at most 10^18 đồng).
type Row = { cases: bigint; closed: bigint; register: bigint; money_due: string | null; money_collected: string | null };

function toFigures(r: Row | undefined): CaseFigures {
  const cases = Number(r?.cases ?? 0n);
  const closed = Number(r?.closed ?? 0n);
  const register = Number(r?.register ?? 0n);
  return {
    cases,
    closed,
    register,
    open: cases - closed - register,
    moneyDue: String(r?.money_due ?? "0"),
    moneyCollected: String(r?.money_collected ?? "0"),
  };
}

const closed = CLOSED_STATUSES as unknown as string[];

/** Figures per child unit: provinces of the nation, or sub-bureaus of a province. */
export async function figuresByUnit(
  tx: TxSql,
  scope: { level: "nation" } | { level: "province"; provinceId: string },
): Promise<UnitFigures[]> {
  const nation = scope.level === "nation";
  const rows = await tx<(Row & { id: string; name: string; code: string; slug: string | null })[]>`
    select u.id, u.name, u.code, u.slug, c.cases, c.closed, c.register, c.money_due, c.money_collected
    from public.units u
    left join (
      select ${nation ? tx`province_id` : tx`unit_id`} as id, count(*) as cases,
             count(*) filter (where status = any (${closed}::public.case_status[])) as closed,
             count(*) filter (where status = 'separate_register') as register,
             sum(money_due)::text as money_due, sum(money_collected)::text as money_collected
      from public.cases
      ${nation ? tx`` : tx`where province_id = ${scope.provinceId}`}
      group by 1
    ) c on c.id = u.id
    where ${nation ? tx`u.kind = 'province' and u.dissolved_on is null` : tx`u.kind = 'subunit' and u.parent_id = ${scope.provinceId}`}
    order by u.code`;
  // Provinces by place name (Vietnamese order); sub-bureaus by code.
  return (nation ? byUnitName(rows) : rows).map((r) => ({ id: r.id, name: r.name, code: r.code, slug: r.slug, ...toFigures(r) }));
}

export function sumFigures(rows: CaseFigures[]): CaseFigures {
  return rows.reduce<CaseFigures>(
    (acc, r) => ({
      cases: acc.cases + r.cases,
      open: acc.open + r.open,
      closed: acc.closed + r.closed,
      register: acc.register + r.register,
      moneyDue: (BigInt(acc.moneyDue) + BigInt(r.moneyDue)).toString(),
      moneyCollected: (BigInt(acc.moneyCollected) + BigInt(r.moneyCollected)).toString(),
    }),
    { cases: 0, open: 0, closed: 0, register: 0, moneyDue: "0", moneyCollected: "0" },
  );
}

/** Staff visible to the user, within a province or a unit (or all). */
export async function staffCounts(
  tx: TxSql,
  scope: { provinceId?: string; unitId?: string },
): Promise<{ staff: number; executors: number }> {
  const [row] = await tx<{ staff: bigint; executors: bigint }[]>`
    select count(distinct p.id) as staff,
           count(distinct p.id) filter (where m.role = 'executor') as executors
    from public.profiles p
    left join public.memberships m on m.user_id = p.id
    where p.unit_id is not null
      ${scope.provinceId ? tx`and p.province_id = ${scope.provinceId}` : tx``}
      ${scope.unitId ? tx`and p.unit_id = ${scope.unitId}` : tx``}`;
  return { staff: Number(row?.staff ?? 0n), executors: Number(row?.executors ?? 0n) };
}
