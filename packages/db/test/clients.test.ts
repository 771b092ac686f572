import { describe, expect, it } from "vitest";
import { usePreparedStatements } from "../src/clients.ts";

describe("prepared statements", () => {
  it("are on for a direct connection, off behind Supabase's transaction pooler (port 6543)", () => {
    expect(usePreparedStatements("postgres://app@127.0.0.1:54322/postgres", {})).toBe(true);
    expect(usePreparedStatements("postgres://app@db.example.supabase.co:5432/postgres", {})).toBe(true);
    expect(usePreparedStatements("postgres://app@aws-0-ap-southeast-1.pooler.supabase.com:6543/postgres", {})).toBe(false);
  });

  it("follow DATABASE_PREPARE when it is set", () => {
    expect(usePreparedStatements("postgres://app@127.0.0.1:6432/postgres", { DATABASE_PREPARE: "false" })).toBe(false);
    expect(usePreparedStatements("postgres://app@127.0.0.1:6543/postgres", { DATABASE_PREPARE: "true" })).toBe(true);
  });
});
