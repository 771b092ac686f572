import "@thads/test-support/provided";
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { createAppSql, createOwnerSql } from "../src/clients.ts";
import { useTenantFixture } from "@thads/test-support/fixtures";
import { MIGRATIONS_DIR } from "../src/migrate.ts";

/**
 * docs/decisions/015-supabase-project.md: the Data API (PostgREST) is off for
 * this project; the app is the only door. What the anon key could reach, were
 * it on, still refuses what the app would refuse.
 */
const configToml = readFileSync(path.resolve(MIGRATIONS_DIR, "../config.toml"), "utf8");

/** The key = value lines of one [section] of config.toml (a flat reading: enough for [api]). */
function section(name: string): Map<string, string> {
  const out = new Map<string, string>();
  let inside = false;
  for (const raw of configToml.split("\n")) {
    const line = raw.replace(/#.*$/, "").trim();
    const header = /^\[([^\]]+)\]$/.exec(line);
    if (header) {
      inside = header[1] === name;
      continue;
    }
    const kv = /^([\w.]+)\s*=\s*(.+)$/.exec(line);
    if (inside && kv) out.set(kv[1]!, kv[2]!.trim());
  }
  return out;
}

const ctx = useTenantFixture();
const owner = createOwnerSql(inject("ownerUrl"), { max: 1 });
const app = createAppSql(inject("appUrl"), { max: 1 });
afterAll(async () => {
  await owner.end();
  await app.end();
});

describe("the Data API posture", () => {
  it("config.toml turns the Data API off and exposes no schema", () => {
    const api = section("api");
    expect(api.get("enabled")).toBe("false");
    expect(api.get("schemas")).toBe("[]");
  });

  // Published pages and the list of units are readable by everyone (`using (true)` on select); writes never are.
  it("no policy lets anon or authenticated write on a bare `true`", async () => {
    const rows = await owner<{ name: string }[]>`
      select schemaname || '.' || tablename || '.' || policyname as name
      from pg_policies
      where schemaname = 'public' and roles && '{anon,authenticated,public}'::name[] and cmd <> 'SELECT'
        and (btrim(coalesce(qual, '')) = 'true' or btrim(coalesce(with_check, '')) = 'true')
      order by 1`;
    expect(rows.map((r) => r.name)).toEqual([]);
  });

  it("anon, connected directly, cannot attach a file to a request it did not just file", async () => {
    const [request] = await owner<{ id: string }[]>`select id from public.service_requests order by created_at limit 1`;
    const attempt = app.begin(async (tx) => {
      await tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`;
      await tx`insert into public.service_request_attachments (request_id, file_name, content_type, size_bytes, sha256, content)
               values (${request?.id ?? "00000000-0000-0000-0000-000000000000"}, 'a.pdf', 'application/pdf', 5, ${"0".repeat(64)}, ${Buffer.from("%PDF-")})`;
    });
    await expect(attempt).rejects.toMatchObject({ code: expect.stringMatching(/^(42501|23503)$/) });
  });

  it("anon, connected directly, cannot file a request in a creditor's name", async () => {
    const unit = { id: ctx.fx.units.a1 };
    const user = { id: ctx.fx.users.creditor };
    const attempt = app.begin(async (tx) => {
      await tx`select set_config('role', 'anon', true), set_config('request.jwt.claims', '{"role":"anon"}', true)`;
      await tx`insert into public.service_requests (unit_id, kind, channel, tracking_code, idempotency_key, requester_id, requester_name,
                                                    requester_id_number, requester_phone, factor_keys, details)
               values (${unit?.id ?? null}, 'enforcement_request', 'online', 'ABCDEFGHJKMN0', gen_random_uuid(), ${user?.id ?? null},
                       'Nguyễn Văn A', '001099000123', '0900000000', '{0900000000}', '{}')`;
    });
    await expect(attempt).rejects.toMatchObject({ code: "42501" });
  });
});
