/**
 * The one mapping from a validation error (zod's issues) to messages by field:
 * the first message of each field, keyed by its dotted path (`creditor.name`),
 * or `form` for an issue about the whole form. Used by every action and API.
 */
export interface IssueLike {
  readonly path: readonly PropertyKey[];
  readonly message: string;
}

export type FieldErrors = Record<string, string>;

export function fieldErrorsOf(error: { readonly issues: readonly IssueLike[] }, options: { depth?: "full" | "top" } = {}): FieldErrors {
  const out: FieldErrors = Object.create(null);
  for (const issue of error.issues) {
    const path = options.depth === "top" ? issue.path.slice(0, 1) : issue.path;
    const key = path.length === 0 ? "form" : path.map(String).join(".");
    out[key] ??= issue.message;
  }
  return { ...out };
}

/** Every distinct message of an error, in order, for a summary above the form. */
export function errorMessagesOf(error: { readonly issues: readonly IssueLike[] }): string[] {
  return [...new Set(error.issues.map((i) => i.message))];
}
