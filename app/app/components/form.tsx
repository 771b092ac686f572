import type { ComponentProps, ReactNode } from "react";
import { Form } from "react-router";
import { fieldMessageInEnglish } from "@thads/domain/field-messages";
import { useLang } from "../i18n.ts";
import { useCsrf } from "../utils/root-data.ts";

/**
 * The form toolkit: every form posts through `AppForm`, which carries the
 * form token; `Field` shows a label, the control and its error, wired for
 * screen readers. Errors come from `fieldErrorsOf` (@thads/core/field-errors),
 * the one mapping from a zod error to messages by field.
 */
export function AppForm({ children, method = "post", ...props }: ComponentProps<typeof Form>) {
  const csrf = useCsrf();
  return (
    <Form method={method} {...props}>
      <input type="hidden" name="csrf" value={csrf} />
      {children}
    </Form>
  );
}

/** The id of a field's error message, for `aria-describedby`. */
export const errorId = (name: string) => `${name.replace(/[^A-Za-z0-9_-]/g, "_")}-error`;

/**
 * A field's error, announced when it appears. Messages are Vietnamese first and name the field; in
 * English the page says what is wrong in English beside the field's (English) label, or keeps the
 * Vietnamese when the message is not one it knows.
 */
export function FieldError({ name, error }: { name: string; error?: string | null }) {
  const lang = useLang();
  if (!error) return null;
  const shown = lang === "en" ? (fieldMessageInEnglish(error) ?? error) : error;
  return (
    <p id={errorId(name)} role="alert" className="mt-1 text-sm text-red-700" lang={shown === error ? "vi" : "en"}>
      {shown}
    </p>
  );
}

/**
 * A labelled field. `children` is the control (input, select, textarea) with
 * `id={name}`, `name={name}` and, when there is an error,
 * `aria-invalid` and `aria-describedby={errorId(name)}` — `fieldProps` gives them.
 */
export function Field({
  name,
  label,
  error,
  hint,
  children,
  className,
}: {
  name: string;
  label: ReactNode;
  error?: string | null;
  hint?: ReactNode;
  children: ReactNode;
  className?: string;
}) {
  return (
    <div className={className}>
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      <div className="mt-1">{children}</div>
      {hint ? <p className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError name={name} error={error} />
    </div>
  );
}

/** The attributes a control of `Field` needs: id, name and, with an error, its accessible description. */
export function fieldProps(name: string, error?: string | null) {
  return error ? { id: name, name, "aria-invalid": true as const, "aria-describedby": errorId(name) } : { id: name, name };
}
