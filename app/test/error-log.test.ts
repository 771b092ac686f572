import { afterEach, describe, expect, it, vi } from "vitest";
import { handleError } from "../app/entry.server.tsx";

describe("the server's error log", () => {
  afterEach(() => vi.restoreAllMocks());

  it("logs a failed loader's error without the values its detail repeats", () => {
    const lines: string[] = [];
    vi.spyOn(console, "error").mockImplementation(
      (...args: unknown[]) => void lines.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" ")),
    );
    const error = Object.assign(new Error('duplicate key value violates unique constraint "case_parties_id_number_key"'), {
      name: "PostgresError",
      code: "23505",
      detail: "Key (id_number)=(001203004567) already exists.",
      parameters: ["001203004567", "0912345678", "7K3M-9QXW-A2BC-5"],
    });
    const request = new Request("http://localhost/cases/new?phone=0912345678");
    handleError(error, { request, params: {}, context: {} as never });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("GET /cases/new:");
    expect(lines[0]).toContain("[23505]");
    for (const secret of ["001203004567", "0912345678", "7K3M-9QXW-A2BC-5"]) expect(lines[0]).not.toContain(secret);
  });
});
