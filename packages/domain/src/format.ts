/**
 * The one way figures are written for people: counts and money with Vietnamese grouping
 * ("736.747", "309.578.330.000 ₫"), decimals and percentages with a decimal comma and two
 * decimals ("3,67", "82,30%"), dates as dd/mm/yyyy and instants as dd/mm/yyyy HH:mm in Việt
 * Nam's time. Pages, exports and messages use these, never toFixed or toLocaleString.
 */
export { formatCount, formatDong } from "./money.ts";
export { formatDateVi } from "./cases/dates.ts";

const NONE = "—";

function toNumber(value: number | string | null | undefined): number | null {
  if (value === null || value === undefined || value === "") return null;
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? n : null;
}

/** 3.666 or "3.666" → "3,67"; null → "—". */
export function formatDecimal(value: number | string | null | undefined, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return NONE;
  const [whole, frac] = Math.abs(n).toFixed(digits).split(".");
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const sign = n < 0 && Number(Math.abs(n).toFixed(digits)) !== 0 ? "-" : "";
  return `${sign}${grouped}${frac ? `,${frac}` : ""}`;
}

/** A percentage given in percent: 82.3 or "82.30" → "82,30%"; null → "—". */
export function formatPercent(value: number | string | null | undefined, digits = 2): string {
  const n = toNumber(value);
  return n === null ? NONE : `${formatDecimal(n, digits)}%`;
}

/** A difference in percentage points, signed: 1.5 → "+1,50"; -0.25 → "-0,25". */
export function formatDelta(value: number | null | undefined, digits = 2): string {
  const n = toNumber(value);
  if (n === null) return NONE;
  const text = formatDecimal(n, digits);
  return text.startsWith("-") ? text : `+${text}`;
}

const VN_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Asia/Ho_Chi_Minh",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

/** An instant as Việt Nam's wall clock: "04/12/2026 09:05". */
export function formatDateTimeVi(at: string | Date): string {
  const d = typeof at === "string" ? new Date(at) : at;
  const p = Object.fromEntries(VN_PARTS.formatToParts(d).map((x) => [x.type, x.value]));
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}
