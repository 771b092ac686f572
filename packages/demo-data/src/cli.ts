import { parseArgs } from "node:util";
import { createOwnerSql, ownerUrl, readDbEnv } from "@thads/db";
import { isSeeded, seed } from "./seed.ts";

const { values } = parseArgs({
  options: {
    cases: { type: "string", default: "20000" },
    force: { type: "boolean", default: false },
  },
});
const cases = Number(values.cases);
if (!Number.isInteger(cases) || cases < 0) {
  console.error(`--cases must be a whole number ≥ 0 (got "${values.cases}")`);
  process.exit(2);
}
const sql = createOwnerSql(ownerUrl(readDbEnv()), { max: 2 });
try {
  if ((await isSeeded(sql)) && !values.force) {
    console.log("Demo data already present: nothing to do.");
  } else {
    const t0 = Date.now();
    await seed(sql, {
      cases,
      log: (m) => console.log(m),
      progress: (done, total) =>
        process.stdout.write(
          `\r  cases ${done.toLocaleString("vi-VN")} / ${total.toLocaleString("vi-VN")} (${Math.round((100 * done) / total)}%)`,
        ),
    });
    process.stdout.write("\n");
    console.log(`Seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s.`);
  }
} finally {
  await sql.end();
}
