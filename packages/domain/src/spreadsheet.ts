/**
 * Cells of every export (CSV and .xlsx): a text that starts like a formula (`=`, `+`, `-`, `@`, a
 * tab or a carriage return) is prefixed with a single quote, so a spreadsheet shows it instead of
 * running it (OWASP "CSV injection"). The same in .xlsx, where texts are string cells anyway,
 * because a workbook is often saved again as CSV. Plain numbers (`-12`, `+3.5`) are left alone.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:\.\d+)?$/;

/** The text as a spreadsheet must receive it. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

export type CellValue = string | number | bigint | boolean | Date | null | undefined;

/** One CSV field: neutralised, then quoted when it holds a separator, a quote or a line break (RFC 4180). */
export function csvField(value: CellValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "bigint" || typeof value === "boolean") return String(value);
  const text = neutraliseFormula(value instanceof Date ? value.toISOString() : value);
  return /[",;\r\n\t]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (without its line break). */
export function csvLine(values: readonly CellValue[]): string {
  return values.map(csvField).join(",");
}

/** One .xlsx cell value: texts neutralised, everything else as it is. */
export function sheetCell<T>(value: T): T | string {
  return typeof value === "string" ? neutraliseFormula(value) : value;
}

/** A row for a worksheet, every text neutralised. */
export function sheetRow<T extends readonly unknown[]>(values: T): unknown[] {
  return values.map(sheetCell);
}
