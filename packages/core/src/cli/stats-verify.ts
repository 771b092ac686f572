import { createOwnerSql, ownerUrl, readDbEnv } from "@thads/db";
import { verifyStats } from "../stats/verify.ts";

const sql = createOwnerSql(ownerUrl(readDbEnv()), { max: 1 });
try {
  const r = await verifyStats(sql, { log: (m) => console.log(m) });
  for (const m of r.rowMismatches.slice(0, 20)) console.log(`ROW     ${m.table} unit ${m.unit_id} ${m.dim} ${m.t}`);
  for (const m of r.figureMismatches.slice(0, 20)) {
    console.log(`FIGURE  ${m.group} ${m.key} ${m.from}–${m.to} ${m.figure}: aggregates ${m.aggregate}, raw events ${m.raw}`);
  }
  for (const m of r.identityFailures.slice(0, 20)) console.log(`IDENT   ${m.group} ${m.key} ${m.from}–${m.to} ${m.identity}`);
  const bad = r.rowMismatches.length + r.figureMismatches.length + r.identityFailures.length;
  console.log(
    bad
      ? `FAILED: ${bad} problem(s).`
      : `OK: aggregates equal the raw events to the đồng (${r.periods} periods, ${r.comparisons} comparisons, ${r.breakdownComparisons} breakdown parts).`,
  );
  process.exitCode = bad ? 1 : 0;
} finally {
  await sql.end();
}
