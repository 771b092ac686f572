import { describe, expect, it } from "vitest";
import { COLUMNS } from "../src/columns.ts";
import { parseCsv } from "../src/parse.ts";
import { csv, row } from "./helpers.ts";

describe("control characters in an import file", () => {
  it("a header with a NUL is no column name: the file is refused", async () => {
    const headers = COLUMNS.map((c, i) => (i === 0 ? `${c.key}\u0000` : c.key));
    const r = await parseCsv(csv([row("U-1")], { headers }));
    expect(r.fatal).toBe(true);
    expect(r.errors.map((e) => e.code)).toContain("control_chars");
  });
  it("a cell with a control character is refused, naming the column", async () => {
    for (const bad of ["Nguyễn\u0000Văn", "co\u0000", "a\u0007", "\u007f"]) {
      const r = await parseCsv(csv([row("U-1", { nguoi_phai_thi_hanh: bad, tin_dung_ngan_hang: bad })]));
      expect(r.rows, JSON.stringify(bad)).toHaveLength(0);
      expect(r.errors.map((e) => e.message)).toContain("Tên người phải thi hành án: chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL).");
    }
  });
});
