import { REQUEST_KINDS } from "@thads/domain";
import { describe, expect, it } from "vitest";
import { EXTRA_FIELD_LABELS, extraFields } from "../src/requests/form-fields.ts";
import { REQUEST_FORM_EXTRA } from "../src/requests/schema.ts";

describe("the public request form's own fields", () => {
  it.each(REQUEST_KINDS)("%s: the form shows exactly the fields its schema checks, each labelled", (kind) => {
    expect(extraFields(kind)).toEqual(Object.keys(REQUEST_FORM_EXTRA[kind]));
    for (const name of extraFields(kind)) {
      expect(EXTRA_FIELD_LABELS[name]?.vi, name).toBeTruthy();
      expect(EXTRA_FIELD_LABELS[name]?.en, name).toBeTruthy();
    }
  });
});
