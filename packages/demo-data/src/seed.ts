import bcrypt from "bcryptjs";
import type { Sql } from "@thads/db";
import { CASE_COLUMNS, copyValue, generateCases } from "./cases.ts";
import { DEMO_PASSWORD, buildModel, type DemoModel } from "./model.ts";

export interface SeedOptions {
  cases: number;
  log?: (message: string) => void;
  /** Called while cases stream in: done, total. */
  progress?: (done: number, total: number) => void;
}

export async function isSeeded(sql: Sql): Promise<boolean> {
  const [row] = await sql<{ n: bigint }[]>`select count(*)::bigint as n from public.units`;
  return (row?.n ?? 0n) > 0n;
}

/**
 * Writes the demo data through the privileged (owner) path, all in one
 * transaction: units, users (auth.users + identities + profiles), memberships,
 * cases. Bulk rows skip the row triggers (tenant key, audit) because the
 * generator sets the tenant keys itself; the audit trail records changes
 * made by people, from the first real edit on.
 */
export async function seed(sql: Sql, opts: SeedOptions): Promise<DemoModel> {
  const log = opts.log ?? (() => {});
  const model = buildModel();
  const hash = bcrypt.hashSync(DEMO_PASSWORD, 10);
  const now = new Date();

  await sql.begin(async (tx) => {
    try {
      await tx`set local session_replication_role = replica`;
    } catch {
      log("session_replication_role not allowed here: seeding with triggers on");
    }
    const unitCols = ["id", "kind", "code", "name", "name_en", "slug", "parent_id", "province_id", "address", "phone", "email", "dissolved_on", "merged_into_id"] as const;
    await tx`insert into public.units ${tx(model.units, ...unitCols)}`;
    log(`${model.units.length} units`);

    const unitProvince = new Map(model.units.map((x) => [x.id, x.province_id]));
    const hasIdentities = (await tx`select 1 from pg_tables where schemaname = 'auth' and tablename = 'identities'`).length > 0;
    for (let i = 0; i < model.users.length; i += 1000) {
      const chunk = model.users.slice(i, i + 1000);
      await tx`insert into auth.users ${tx(
        chunk.map((u) => ({
          instance_id: "00000000-0000-0000-0000-000000000000",
          id: u.id,
          aud: "authenticated",
          role: "authenticated",
          email: u.email,
          encrypted_password: hash,
          email_confirmed_at: now,
          raw_app_meta_data: { provider: "email", providers: ["email"] },
          raw_user_meta_data: { full_name: u.full_name },
          created_at: now,
          updated_at: now,
        })),
      )}`;
      if (hasIdentities) {
        await tx`insert into auth.identities ${tx(
          chunk.map((u) => ({
            provider_id: u.id,
            user_id: u.id,
            identity_data: { sub: u.id, email: u.email, email_verified: true },
            provider: "email",
            created_at: now,
            updated_at: now,
          })),
        )}`;
      }
      await tx`insert into public.profiles ${tx(
        chunk.map((u) => ({
          id: u.id, full_name: u.full_name, email: u.email, title: u.title, unit_id: u.unit_id,
          province_id: u.province_id, creditor_kind: u.creditor_kind,
        })),
      )}`;
      await tx`insert into public.memberships ${tx(
        chunk.flatMap((u) =>
          u.memberships.map((m) => ({
            user_id: u.id, unit_id: m.unit_id, role: m.role,
            province_id: m.unit_id ? (unitProvince.get(m.unit_id) ?? null) : null,
          })),
        ),
      )}`;
    }
    log(`${model.users.length} users with profiles and memberships`);

    if (opts.cases > 0) {
      const units = model.units
        .filter((u) => u.kind === "subunit")
        .map((u) => ({ id: u.id, provinceId: u.province_id!, code: u.code, executors: model.executorsByUnit.get(u.id) ?? [] }));
      const stream = await tx`copy public.cases (${tx.unsafe(CASE_COLUMNS.join(", "))}) from stdin`.writable();
      let done = 0;
      let buffer = "";
      const flush = () =>
        new Promise<void>((resolve, reject) => {
          const ok = stream.write(buffer, (err) => (err ? reject(err) : undefined));
          buffer = "";
          if (ok) resolve();
          else stream.once("drain", resolve);
        });
      for (const row of generateCases({ count: opts.cases, units })) {
        buffer += CASE_COLUMNS.map((c) => copyValue(row[c])).join("\t") + "\n";
        done++;
        if (done % 5000 === 0) {
          await flush();
          opts.progress?.(done, opts.cases);
        }
      }
      await flush();
      await new Promise<void>((resolve, reject) => {
        stream.on("finish", resolve);
        stream.on("error", reject);
        stream.end();
      });
      opts.progress?.(done, opts.cases);
      log(`${done} cases`);
    }
  });
  await sql`analyze`;
  return model;
}
