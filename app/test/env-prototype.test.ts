import { afterEach, describe, expect, it, vi } from "vitest";

// Names an attacker would plant on Object.prototype to redirect sign-in or the database.
const PLANTED: Record<string, string> = {
  SUPABASE_URL: "https://attacker.example",
  SUPABASE_ANON_KEY: "attacker-anon-key-0123456789",
  DATABASE_URL: "postgres://attacker:x@attacker.example:5432/postgres",
  APP_DATABASE_URL: "postgres://attacker:x@attacker.example:5432/postgres",
  ALLOWED_ORIGINS: "https://attacker.example",
  fetch: "attacker",
};

function plant() {
  for (const [k, v] of Object.entries(PLANTED)) (Object.prototype as Record<string, unknown>)[k] = v;
}
function unplant() {
  for (const k of Object.keys(PLANTED)) delete (Object.prototype as Record<string, unknown>)[k];
}

afterEach(() => {
  unplant();
  vi.resetModules();
});

describe("settings never read through a polluted Object.prototype", () => {
  it("getEnv keeps sign-in local and the database embedded", async () => {
    vi.resetModules();
    const saved = {
      SUPABASE_URL: process.env.SUPABASE_URL,
      SUPABASE_ANON_KEY: process.env.SUPABASE_ANON_KEY,
      DATABASE_URL: process.env.DATABASE_URL,
    };
    delete process.env.SUPABASE_URL;
    delete process.env.SUPABASE_ANON_KEY;
    try {
      const { getEnv } = await import("../app/utils/env.server.ts");
      const { signInMode } = await import("../app/routes/auth/login.server.ts");
      const { ownerUrl, appUrl } = await import("@thads/db");
      plant();
      const env = getEnv();
      expect(env.SUPABASE_URL).toBeUndefined();
      expect(env.SUPABASE_ANON_KEY).toBeUndefined();
      expect(env.ALLOWED_ORIGINS).toBeUndefined();
      expect(signInMode(env)).toBe("local");
      if (!saved.DATABASE_URL) {
        expect(env.db.DATABASE_URL).toBeUndefined();
        expect(ownerUrl(env.db)).not.toContain("attacker");
        expect(appUrl(env.db)).not.toContain("attacker");
      }
    } finally {
      unplant();
      for (const [k, v] of Object.entries(saved)) if (v !== undefined) process.env[k] = v;
    }
  });
});
