import { z } from "zod";
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

export function loginFieldErrors(error: z.ZodError): LoginFieldErrors {
  const out: LoginFieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path[0];
    if ((field === "email" || field === "password") && !out[field]) out[field] = issue.message as MessageKey;
  }
  return out;
}
