import { afterAll, describe, expect, inject, it } from "vitest";
import { createOwnerSql } from "@thads/db";
import { classifyDbError } from "../app/utils/db-errors.server.ts";

const sql = createOwnerSql(inject("ownerUrl"), { max: 1 });
afterAll(() => sql.end());

describe("Postgres data errors are the caller's bad input", () => {
  it("NUL in text, a malformed uuid, an impossible date and numeric overflow are 400", async () => {
    const attempts = [
      () => sql`select ${"a\u0000b"}::text`,
      () => sql`select ${"00000000-0000-0000-0000-00000000000g"}::uuid`,
      () => sql`select to_date(${"31/02/2025"}, 'DD/MM/YYYY')`,
      () => sql`select ${"not a date"}::date`,
      () => sql`select ${"99999999999999999999"}::bigint`,
    ];
    for (const run of attempts) {
      const e = await run().then(
        () => null,
        (err: unknown) => err,
      );
      expect(e, String(run)).not.toBeNull();
      expect(classifyDbError(e), `${String(run)} ${(e as { code?: string }).code} ${String(e)}`).toEqual({
        status: 400,
        messageKey: "error.badData",
      });
    }
  });
  it("an unknown foreign id is 422; other errors stay errors", () => {
    expect(classifyDbError({ code: "23503" })?.status).toBe(422);
    expect(classifyDbError({ code: "42501" })).toBeNull();
    expect(classifyDbError({ code: "40001" })).toBeNull();
    expect(classifyDbError(new Error("boom"))).toBeNull();
    expect(classifyDbError(null)).toBeNull();
  });
});
