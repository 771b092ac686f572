import type { ColumnKey } from "./columns.ts";

/**
 * One problem in the file. `line` is the line of the CSV file (the header is
 * line 1) or the row of the worksheet; 0 for the file as a whole. `column` is
 * the header as written in the file (null: the whole row or file).
 */
export interface ImportError {
  line: number;
  column: string | null;
  message: string;
  /** Machine-readable kind, e.g. "invalid", "duplicate_in_file", "duplicate_in_db", "unknown_unit", "out_of_scope". */
  code: string;
}

/** One data row of the file: its line and its cells by column (strings, as typed). */
export interface SourceRow {
  line: number;
  values: Partial<Record<ColumnKey, string>>;
}

export interface ParseResult {
  format: "csv" | "xlsx";
  /** Column → header as written in the file (for messages). */
  headers: Partial<Record<ColumnKey, string>>;
  rows: SourceRow[];
  /** Data records read, well-formed or not (rows + rows left out for their shape or encoding). */
  records: number;
  errors: ImportError[];
  /** The file could not be read to its end (bad quoting, too large…): nothing may be written from it. */
  fatal: boolean;
}

export interface ImportProgress {
  phase: "parse" | "validate" | "write" | "done";
  parsed: number;
  validated: number;
  written: number;
  total: number;
}

export type OnProgress = (p: ImportProgress) => void;

export const LIMITS = {
  /** The largest file accepted. */
  maxBytes: 50 * 1024 * 1024,
  /** The most data rows accepted in one file. */
  maxRows: 500_000,
} as const;
