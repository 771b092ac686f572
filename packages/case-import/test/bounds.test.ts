import { describe, expect, it } from "vitest";
import { withClaims, type Claims } from "@thads/db";
import { useTenantFixture } from "@thads/test-support/fixtures";
import type { Role } from "@thads/domain";
import type { Actor } from "@thads/core";
import { importCases } from "../src/import.ts";
import { parseCsv } from "../src/parse.ts";
import { csv, row, type RowValues } from "./helpers.ts";

/* Dates and amounts out of bounds in an import file: a clear error per row and column, nothing written for them. */

const ctx = useTenantFixture();
const claims = (userId: string): Claims => ({ sub: userId, role: "authenticated" });
const actor = (key: string, role: Role): Actor => ({ userId: ctx.fx.users[key]!, roles: [role] });

async function importRows(rows: RowValues[], today = "2026-01-15") {
  const parsed = await parseCsv(csv(rows));
  return withClaims(ctx.app, claims(ctx.fx.users.clerk!), (tx) =>
    importCases(tx, parsed, { actor: actor("clerk", "clerk"), allOrNothing: false, today }),
  );
}

describe("import: dates and money in bounds", () => {
  it("refuses per row an acceptance after today, dates before 1990, an acceptance before the law in force (2009) and an amount over 10^16 đồng; imports a file of 2010 judged in 1995", async () => {
    const unit = `P-A-${ctx.fx.tag}-KV01`;
    const rows = [
      row(unit, { ngay_thu_ly: "16/01/2026" }),
      row(unit, { ngay_thu_ly: "02/03/1988", ngay_ban_an: "01/02/1988" }),
      row(unit, { so_tien: "10.000.000.000.000.001" }),
      // Ex officio: the creditor's limitation period for requesting enforcement does not apply.
      row(unit, { ngay_thu_ly: "02/03/2010", ngay_ban_an: "01/02/1995", hinh_thuc: "chu_dong", nguon: "toa_an" }),
      row(unit, { ngay_thu_ly: "01/01/2099", ngay_ban_an: "01/01/2099" }),
      row(unit, { ngay_thu_ly: "02/03/2005", ngay_ban_an: "01/02/2005" }),
    ];
    const r = await importRows(rows);
    expect(r).toMatchObject({ written: true, imported: 1 });
    const by = (line: number) => r.errors.filter((e) => e.line === line).map((e) => [e.column, e.message.split(":")[0]]);
    expect(by(2)).toEqual([["ngay_thu_ly", "Ngày thụ lý"]]);
    expect(r.errors.find((e) => e.line === 2)!.message).toContain("không được sau ngày hôm nay (15/01/2026)");
    expect(by(3)).toEqual([
      ["ngay_thu_ly", "Ngày thụ lý"],
      ["ngay_ban_an", "Ngày bản án"],
    ]);
    expect(r.errors.find((e) => e.line === 3)!.message).toContain("không được trước năm 1990");
    expect(by(4)).toEqual([["so_tien", "Số tiền phải thi hành"]]);
    expect(by(5)).toEqual([]);
    expect(by(6)).toEqual([
      ["ngay_thu_ly", "Ngày thụ lý"],
      ["ngay_ban_an", "Ngày bản án"],
    ]);
    expect(by(7)).toEqual([["ngay_thu_ly", "Ngày thụ lý"]]);
    expect(r.errors.find((e) => e.line === 7)!.message).toContain("không được trước ngày 01/07/2009");
    const [legacy] = await ctx.owner`select accepted_on::text from public.cases where case_number = ${rows[3]!.so_thu_ly!}`;
    expect(legacy).toMatchObject({ accepted_on: "2010-03-02" });
  });
});
