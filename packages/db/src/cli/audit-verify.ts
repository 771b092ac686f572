import { createOwnerSql, ownerUrl, readDbEnv, verifyAuditChains } from "../index.ts";

const sql = createOwnerSql(ownerUrl(readDbEnv()), { max: 1 });
try {
  const report = await verifyAuditChains(sql);
  let broken = 0;
  for (const c of report) {
    if (c.firstBrokenId !== null) {
      broken++;
      console.log(`BROKEN  chain ${c.chainKey}: first broken link at audit_log.id ${c.firstBrokenId}: ${c.problem}`);
    }
  }
  const rows = report.reduce((n, c) => n + c.rowsChecked, 0);
  console.log(`${report.length} chain(s), ${rows} row(s) checked, ${broken} broken.`);
  process.exitCode = broken ? 1 : 0;
} finally {
  await sql.end();
}
