import { appPasswordToSet, createOwnerSql, migrate, ownerUrl, readDbEnv } from "../index.ts";

const env = readDbEnv();
const sql = createOwnerSql(ownerUrl(env), { max: 1 });
try {
  const { applied, supabase } = await migrate(sql, {
    appPassword: appPasswordToSet(env),
    log: (m) => console.log(m),
  });
  console.log(`${supabase ? "Supabase project" : "PostgreSQL"}: ${applied.length} migration(s) applied.`);
} finally {
  await sql.end();
}
