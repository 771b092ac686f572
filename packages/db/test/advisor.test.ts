import "@thads/test-support/provided";
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "../src/clients.ts";

/**
 * Supabase's database advisor (splinter, copied in ./splinter with its
 * attribution) on the migrated database. Its API-facing lints look only at
 * the schemas PostgREST serves (pgrst.db_schemas); they run as if `public`
 * were served, which it is not (supabase/config.toml), so that what the anon
 * key could reach were the Data API turned on is checked too.
 *
 * Nothing at ERROR or WARN in the project's schemas, except the findings
 * accepted, with their reasons, in docs/decisions/015-supabase-project.md.
 */
const ACCEPTED = new Set([
  // The public pages' functions: callable by the public by design, through the app, which limits
  // their rate (app_private.request_limits); the Data API that would expose them directly is off.
  "anon_security_definer_function_executable:public.public_debtors",
  "anon_security_definer_function_executable:public.rate_service_request",
  "anon_security_definer_function_executable:public.service_request_code",
  "anon_security_definer_function_executable:public.track_service_request",
  "anon_security_definer_function_executable:public.auction_notices",
  "authenticated_security_definer_function_executable:public.public_debtors",
  "authenticated_security_definer_function_executable:public.rate_service_request",
  "authenticated_security_definer_function_executable:public.service_request_code",
  "authenticated_security_definer_function_executable:public.track_service_request",
  "authenticated_security_definer_function_executable:public.auction_notices",
  // The one-stop desk's metrics: for signed-in staff, scoped inside the function by the caller's
  // units and provinces (app_private.units_for/provinces_for), as a policy would.
  "authenticated_security_definer_function_executable:public.one_stop_metrics",
  // The creditors' portal: each checks the caller inside (the desk that handles the request, the
  // link's own account, the caller's linked cases through app_private.creditor_case_ids).
  "authenticated_security_definer_function_executable:public.confirm_creditor_link",
  "authenticated_security_definer_function_executable:public.revoke_creditor_link",
  "authenticated_security_definer_function_executable:public.creditor_case_timeline",
  "authenticated_security_definer_function_executable:public.creditor_case_auctions",
  "authenticated_security_definer_function_executable:public.creditor_case_failed_auctions",
  "authenticated_security_definer_function_executable:public.creditor_requests",
  "authenticated_security_definer_function_executable:public.creditor_complaint_letters",
  "authenticated_security_definer_function_executable:public.request_link_state",
]);

const lintSql = readFileSync(new URL("./splinter/splinter.sql", import.meta.url), "utf8")
  .replace(/^--.*$/gm, "")
  .replace(/^\s*set local search_path = '';\s*$/m, "");

const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

describe("Supabase's database advisor", () => {
  it("reports nothing at ERROR or WARN for public and app_private beyond the accepted findings", async () => {
    const rows = await sql.begin(async (tx) => {
      await tx`select set_config('search_path', '', true), set_config('pgrst.db_schemas', 'public', true)`;
      return tx.unsafe<{ name: string; level: string; detail: string; metadata: { schema?: string; name?: string } | null }[]>(
        `select name, level, detail, metadata from (${lintSql}) as lints where level in ('ERROR', 'WARN')`,
      );
    });
    const ours = rows.filter((r) => ["public", "app_private"].includes(r.metadata?.schema ?? ""));
    const findings = ours.map((r) => `${r.name}:${r.metadata?.schema}.${r.metadata?.name}`);
    const unexpected = ours.filter((_, i) => !ACCEPTED.has(findings[i]!)).map((r) => `${r.level} ${r.name}: ${r.detail}`);
    expect(unexpected).toEqual([]);
    // An accepted finding that no longer occurs is taken off the list (and out of the ADR).
    expect([...ACCEPTED].filter((a) => !findings.includes(a))).toEqual([]);
  });
});
