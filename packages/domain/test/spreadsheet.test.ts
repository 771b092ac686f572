import { describe, expect, it } from "vitest";
import { csvField, csvLine, neutraliseFormula, sheetRow } from "../src/spreadsheet.ts";

describe("formula neutralisation of exported cells", () => {
  it("prefixes texts that start like a formula with a single quote", () => {
    for (const t of ['=HYPERLINK("http://evil","x")', "+cmd", "-2+3", "@SUM(1)", "\t=1", "\r=1"])
      expect(neutraliseFormula(t)).toBe(`'${t}`);
  });
  it("leaves ordinary texts and plain numbers as they are", () => {
    for (const t of ["Hải Phòng", "", "12", "-12", "+3.5", "a=b", "'quoted"]) expect(neutraliseFormula(t)).toBe(t);
  });
  it("a CSV field is neutralised before it is quoted; numbers stay numbers", () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField("@SUM(1)")).toBe("'@SUM(1)");
    expect(csvField("\t=1")).toBe('"\'\t=1"');
    expect(csvField(-5)).toBe("-5");
    expect(csvField(12n)).toBe("12");
    expect(csvField(null)).toBe("");
    expect(csvLine(["a,b", "+1+1", 3])).toBe(`"a,b",'+1+1,3`);
  });
  it("a worksheet row has its texts neutralised and its numbers kept", () => {
    expect(sheetRow(["=1+1", 5, null, "x"])).toEqual(["'=1+1", 5, null, "x"]);
  });
});
