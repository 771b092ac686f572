import { z } from "zod";
import { fieldErrorsOf } from "@thads/core/field-errors";
import type { MessageKey } from "../../i18n.ts";

/** The sign-in form, shared by the page and its action. Messages are i18n keys. */
export const LoginSchema = z.object({
  email: z
    .string({ message: "field.email.required" satisfies MessageKey })
    .trim()
    .min(1, { message: "field.email.required" satisfies MessageKey })
    .max(254, { message: "field.email.tooLong" satisfies MessageKey })
    .pipe(z.email({ message: "field.email.invalid" satisfies MessageKey })),
  password: z
    .string({ message: "field.password.required" satisfies MessageKey })
    .min(1, { message: "field.password.required" satisfies MessageKey })
    .max(200, { message: "field.password.tooLong" satisfies MessageKey }),
  redirectTo: z.string().max(500).optional(),
});

export type LoginInput = z.infer<typeof LoginSchema>;
export type LoginFieldErrors = Partial<Record<"email" | "password", MessageKey>>;

/** The message key of the e-mail's and the password's first error (a field's first path segment). */
export function loginFieldErrors(error: z.ZodError): LoginFieldErrors {
  const { email, password } = fieldErrorsOf(error, { depth: "top" });
  return { ...(email ? { email: email as MessageKey } : {}), ...(password ? { password: password as MessageKey } : {}) };
}
