import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { fieldMessageInEnglish } from "@thads/domain/field-messages";
import { dongInput, optionalText, optionalViDate, text, viDate } from "../src/shared/fields.ts";
import { isoDateParam, safeText, searchText, uuidField } from "../src/shared/input.ts";

/** Every message a shared field parser gives for these inputs. */
function messages(schema: z.ZodType, inputs: unknown[]): string[] {
  return inputs.flatMap((v) => {
    const r = schema.safeParse(v);
    return r.success ? [] : r.error.issues.map((i) => i.message);
  });
}

describe("the shared field parsers' messages", () => {
  it("each has its English, so a form read in English says what is wrong in English", () => {
    const all = [
      ...messages(viDate("Ngày thụ lý"), [undefined, "", "31/02/2026", "01/01/1800", "abc"]),
      ...messages(optionalViDate("Ngày nhận"), ["32/13/2026"]),
      ...messages(dongInput("Số tiền"), [undefined, "12,5", "-1", "99999999999999999999", "0"]),
      ...messages(text("Trích yếu", 10), [undefined, "", "a".repeat(11), "a\u0000b"]),
      ...messages(optionalText("Ghi chú", 5), ["a".repeat(6), "a\u0000"]),
      ...messages(safeText("Họ tên", 10, 2), [undefined, "", "a", "a".repeat(11), "a\u0000b"]),
      ...messages(searchText("Tìm", 5), ["a".repeat(6)]),
      ...messages(uuidField("Chấp hành viên"), [undefined, "x"]),
      ...messages(isoDateParam("Từ ngày"), [undefined, "2026-13-01"]),
    ];
    expect(all.length).toBeGreaterThan(15);
    const missing = [...new Set(all)].filter((m) => fieldMessageInEnglish(m) === null);
    expect(missing).toEqual([]);
  });
});

describe("the forms' own messages", () => {
  it("each has its English: every Vietnamese message a schema of the core writes out", () => {
    const src = path.resolve(import.meta.dirname, "../src");
    const files = readdirSync(src, { recursive: true, encoding: "utf8" }).filter((f) => /schema\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const found: string[] = [];
    for (const f of files) {
      const source = readFileSync(path.join(src, f), "utf8");
      // A whole message written in the schema: "<field>: <what is wrong>." (templated ones are the field parsers', tested above).
      for (const m of source.matchAll(/["`]([^"`$\n]{2,80}: [^"`$\n]+\.)["`]/g)) {
        if (/[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i.test(m[1]!)) found.push(m[1]!);
      }
    }
    expect(found.length).toBeGreaterThan(40);
    expect([...new Set(found)].filter((m) => fieldMessageInEnglish(m) === null)).toEqual([]);
  });
});
