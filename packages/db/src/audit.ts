import type { Sql } from "./clients.ts";

export interface AuditChainReport {
  chainKey: string;
  rowsChecked: number;
  firstBrokenId: number | null;
  problem: string | null;
}

/** Verifies every tenant's audit hash chain (privileged path). */
export async function verifyAuditChains(sql: Sql): Promise<AuditChainReport[]> {
  const rows = await sql<{ chain_key: string; rows_checked: bigint; first_broken_id: bigint | null; problem: string | null }[]>`
    select * from app_private.audit_verify()`;
  return rows.map((r) => ({
    chainKey: r.chain_key,
    rowsChecked: Number(r.rows_checked),
    firstBrokenId: r.first_broken_id === null ? null : Number(r.first_broken_id),
    problem: r.problem,
  }));
}
