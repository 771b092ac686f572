import { afterEach, describe, expect, it } from "vitest";
import { IntakeSchema } from "@thads/core/cases/intake-schema";
import { nestForm, schemaPaths } from "../app/utils/form-nest.ts";

const HOSTILE = [
  "__proto__.polluted",
  "constructor.prototype.polluted",
  "prototype.x",
  "judgment.__proto__.polluted",
  "creditor.constructor.prototype.polluted",
  "__proto__",
  "toString",
];

afterEach(() => {
  // Should a test fail, leave no pollution behind for the others.
  for (const k of ["polluted", "x"]) delete (Object.prototype as Record<string, unknown>)[k];
});

describe("nestForm: form keys are data, never object paths", () => {
  const allowed = schemaPaths(IntakeSchema);

  it("knows the intake schema's paths", () => {
    expect(allowed.has("judgment.courtName")).toBe(true);
    expect(allowed.has("creditor.fullName")).toBe(true);
    expect(allowed.has("caseNumber")).toBe(true);
    expect(allowed.has("judgment")).toBe(false);
  });

  it("never reaches Object.prototype and drops unknown keys", () => {
    const fields: [string, string][] = [
      ...HOSTILE.map((k) => [k, "yes"] as [string, string]),
      ["judgment.courtName", "TAND TP Hải Phòng"],
      ["unknown.field", "x"],
    ];
    const out = nestForm(fields, allowed);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
    expect(Object.keys(out)).toEqual(["judgment"]);
    expect((out.judgment as Record<string, unknown>).courtName).toBe("TAND TP Hải Phòng");
    expect(Object.keys(out.judgment as object)).toEqual(["courtName"]);
    // Built without a prototype: an unset key reads as undefined, never through Object.prototype.
    expect(Object.getPrototypeOf(out)).toBeNull();
    expect(Object.getPrototypeOf(out.judgment)).toBeNull();
  });

  it("feeds the intake schema like a plain object would", () => {
    const out = nestForm(
      [
        ["judgment.courtName", "TAND"],
        ["judgment.number", "12/2025/DS-ST"],
        ["creditor.kind", "person"],
        ["csrf", "t"],
      ],
      allowed,
    );
    const r = IntakeSchema.safeParse(out);
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues.some((i) => i.path.join(".") === "judgment.courtName")).toBe(false);
  });
});
