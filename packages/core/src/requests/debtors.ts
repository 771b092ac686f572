import type { TxSql } from "@thads/db";

/** One page of a province's published list of debtors not yet able to pay — cases not yet enforceable or in the separate register (public.public_debtors, as the public). */
export async function publicDebtors(tx: TxSql, provinceId: string, q: string, page: number, pageSize = 50) {
  const rows = await tx<
    {
      debtor_name: string;
      debtor_address: string | null;
      money_outstanding: string;
      acts: string | null;
      bureau: string;
      total: bigint;
    }[]
  >`select * from public.public_debtors(${provinceId}, ${q || null}, ${pageSize}, ${(page - 1) * pageSize})`;
  return {
    total: Number(rows[0]?.total ?? 0n),
    rows: rows.map((r) => ({
      name: r.debtor_name,
      address: r.debtor_address,
      moneyOutstanding: r.money_outstanding,
      acts: r.acts,
      bureau: r.bureau,
    })),
  };
}
