/** Only same-site paths: "/national" yes, "//evil.example" or "https://…" no. */
export function safeRedirect(to: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  return to.length > 500 ? fallback : to;
}
