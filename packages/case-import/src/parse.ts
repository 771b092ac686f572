import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CsvError, parse as csvParser } from "csv-parse";
import ExcelJS from "exceljs";
import { CASE_FILE, type ColumnKey, type ColumnSet } from "./columns.ts";
import { LIMITS, type ImportError, type OnProgress, type ParseResult, type SourceRow } from "./types.ts";
import { CONTROL_CHARS, controlCharsMessage } from "@thads/core/input";

export interface ParseOptions {
  /** Largest input accepted, in bytes (default 50 MB). */
  maxBytes?: number;
  /** An .xlsx's parts, once unzipped, at most this many bytes together (default 20 × maxBytes). */
  maxInflatedBytes?: number;
  /** Most data rows accepted (default 500,000). */
  maxRows?: number;
  /** Columns the import does not know are an error by default (their data would be lost); true: ignore them. */
  ignoreUnknownColumns?: boolean;
  onProgress?: OnProgress;
  /** The columns the file may have (default: the cases file of today's import). */
  columns?: ColumnSet;
}

type Input = string | Uint8Array | NodeJS.ReadableStream | AsyncIterable<Uint8Array | string>;

class FatalParse extends Error {
  constructor(readonly error: ImportError) {
    super(error.message);
  }
}

const fmtInt = (n: number) => n.toLocaleString("vi-VN");

function tooLarge(maxBytes: number): ImportError {
  const cap = maxBytes >= 1024 * 1024 ? `${fmtInt(Math.round(maxBytes / 1024 / 1024))} MB` : `${fmtInt(Math.ceil(maxBytes / 1024))} KB`;
  return { line: 0, column: null, code: "file_too_large", message: `Tệp quá lớn: tối đa ${cap}. Hãy chia thành nhiều tệp.` };
}
function tooManyRows(maxRows: number, line: number): ImportError {
  return {
    line,
    column: null,
    code: "too_many_rows",
    message: `Tệp có quá nhiều dòng: tối đa ${fmtInt(maxRows)} dòng dữ liệu. Hãy chia thành nhiều tệp.`,
  };
}

/**
 * Reads the header row: which column each position holds. Problems with the
 * header (missing required columns, unknown or repeated columns) are fatal:
 * no row can be read right without it.
 */
function readHeader(cells: readonly string[], line: number, opts: ParseOptions) {
  // A column's key; "" for a column with a blank header; null for an unknown column being ignored.
  const positions: (ColumnKey | "" | null)[] = [];
  const headers: Partial<Record<ColumnKey, string>> = {};
  const errors: ImportError[] = [];
  const set = opts.columns ?? CASE_FILE;
  cells.forEach((raw, i) => {
    const cell = raw.replace(/^\uFEFF/, "").trim();
    if (!cell) {
      positions.push("");
      return;
    }
    if (CONTROL_CHARS.test(cell)) {
      errors.push({
        line,
        column: `cột ${i + 1}`,
        code: "control_chars",
        message: `Tiêu đề cột thứ ${i + 1} chứa ký tự điều khiển không hợp lệ (ví dụ ký tự NUL): sửa tên cột theo mẫu.`,
      });
      positions.push(null);
      return;
    }
    const key = set.forHeader(cell) as ColumnKey | undefined;
    if (!key) {
      positions.push(null);
      if (!opts.ignoreUnknownColumns) {
        errors.push({
          line,
          column: cell,
          code: "unknown_column",
          message: `Cột "${cell}" không có trong mẫu nhập: sửa tên cột theo mẫu hoặc xóa cột này.`,
        });
      }
      return;
    }
    if (headers[key] !== undefined) {
      errors.push({ line, column: cell, code: "duplicate_column", message: `Cột "${cell}" bị lặp (trùng với cột "${headers[key]}").` });
      positions.push(null);
      return;
    }
    headers[key] = cell;
    positions.push(key);
  });
  for (const c of set.columns) {
    if (c.required && headers[c.key as ColumnKey] === undefined) {
      errors.push({
        line,
        column: c.key,
        code: "missing_column",
        message: `Thiếu cột bắt buộc "${c.key}" (${c.label}; tên tiếng Anh: ${c.alias}).`,
      });
    }
  }
  return { positions, headers, errors, set };
}

type Header = ReturnType<typeof readHeader>;

function toRow(header: Header, cells: readonly string[], line: number, errors: ImportError[], format: "csv" | "xlsx"): SourceRow | null {
  const values: SourceRow["values"] = {};
  let bad = false;
  cells.forEach((cell, i) => {
    const key = header.positions[i];
    if (key === "" && cell.trim()) {
      errors.push({
        line,
        column: `cột ${i + 1}`,
        code: "no_header",
        message: `Ô ở cột thứ ${i + 1} có dữ liệu nhưng cột không có tiêu đề: thêm tiêu đề hoặc xóa dữ liệu.`,
      });
      bad = true;
    }
    if (!key) return;
    if (CONTROL_CHARS.test(cell)) {
      errors.push({
        line,
        column: header.headers[key] ?? key,
        code: "control_chars",
        message: controlCharsMessage(header.set.byKey.get(key)?.label ?? key),
      });
      bad = true;
      return;
    }
    if (cell.includes("\uFFFD")) {
      const advice =
        format === "csv" ? "Hãy lưu tệp dạng CSV UTF-8 (Excel: Lưu thành → CSV UTF-8)." : "Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.";
      errors.push({
        line,
        column: header.headers[key] ?? key,
        code: "encoding",
        message: `${header.headers[key] ?? key}: có ký tự không đọc được. ${advice}`,
      });
      bad = true;
    }
    values[key] = cell;
  });
  return bad ? null : { line, values };
}

const isBlank = (cells: readonly string[]) => cells.every((c) => !c.trim());

async function* bytesOf(input: Input): AsyncGenerator<Buffer> {
  if (typeof input === "string") {
    yield Buffer.from(input, "utf8");
    return;
  }
  if (input instanceof Uint8Array) {
    yield Buffer.from(input.buffer, input.byteOffset, input.byteLength);
    return;
  }
  for await (const chunk of input as AsyncIterable<Uint8Array | string>) {
    yield typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk);
  }
}

/** Comma or semicolon: whichever the header line has more of (outside quotes). */
export function sniffDelimiter(head: Buffer): "," | ";" {
  const nl = head.indexOf(10);
  const line = head.subarray(0, nl < 0 ? head.length : nl).toString("utf8");
  let commas = 0;
  let semis = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === ",") commas++;
    else if (!quoted && ch === ";") semis++;
  }
  return semis > commas ? ";" : ",";
}

function csvErrorMessage(e: CsvError): ImportError {
  const line = (e as CsvError & { lines?: number }).lines ?? 0;
  const tail = " Các dòng sau đó không được đọc; sửa tệp rồi nhập lại.";
  switch (e.code) {
    case "CSV_INVALID_CLOSING_QUOTE":
      return {
        line,
        column: null,
        code: "bad_quotes",
        message: `Dấu ngoặc kép không hợp lệ: sau dấu " đóng phải là dấu phân cách hoặc hết dòng (viết "" cho một dấu " nằm trong ô).${tail}`,
      };
    case "CSV_QUOTE_NOT_CLOSED":
      return { line, column: null, code: "bad_quotes", message: `Dấu ngoặc kép mở nhưng không được đóng đến hết tệp.${tail}` };
    case "INVALID_OPENING_QUOTE":
      return {
        line,
        column: null,
        code: "bad_quotes",
        message: `Dấu ngoặc kép nằm giữa một ô không được đặt trong ngoặc kép: đặt cả ô trong ngoặc kép và viết "" cho dấu " bên trong.${tail}`,
      };
    case "CSV_MAX_RECORD_SIZE":
      return { line, column: null, code: "record_too_large", message: `Dòng quá dài (có thể do thiếu dấu ngoặc kép đóng).${tail}` };
    default:
      return { line, column: null, code: "bad_csv", message: `Không đọc được tệp CSV (${e.message}).${tail}` };
  }
}

/**
 * Parses a CSV file (UTF-8 with or without BOM, comma or semicolon separated,
 * fields quoted as RFC 4180) with csv-parse, streaming. Rows whose field count
 * differs from the header are reported and left out; bad quoting stops the
 * parse (what follows it cannot be trusted) and marks the result fatal.
 */
export async function parseCsv(input: Input, opts: ParseOptions = {}): Promise<ParseResult> {
  const maxBytes = opts.maxBytes ?? LIMITS.maxBytes;
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  const result: ParseResult = { format: "csv", headers: {}, rows: [], records: 0, errors: [], fatal: false };

  const source = bytesOf(input)[Symbol.asyncIterator]();
  let bytes = 0;
  let head = Buffer.alloc(0);
  try {
    while (head.indexOf(10) < 0 && head.length < 1 << 16) {
      const next = await source.next();
      if (next.done) break;
      bytes += next.value.length;
      if (bytes > maxBytes) throw new FatalParse(tooLarge(maxBytes));
      head = Buffer.concat([head, next.value]);
    }
  } catch (e) {
    if (e instanceof FatalParse) return { ...result, errors: [e.error], fatal: true };
    throw e;
  }
  if (isBlankBuffer(head)) {
    return {
      ...result,
      errors: [{ line: 0, column: null, code: "empty_file", message: "Tệp trống: không có dòng tiêu đề." }],
      fatal: true,
    };
  }

  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (;;) {
      const next = await source.next();
      if (next.done) return;
      bytes += next.value.length;
      if (bytes > maxBytes) throw new FatalParse(tooLarge(maxBytes));
      yield next.value;
    }
  }

  const parser = csvParser({
    delimiter: sniffDelimiter(head),
    bom: true,
    // Any line ending, even mixed in one file (rows appended in another editor).
    record_delimiter: ["\r\n", "\n", "\r"],
    relax_column_count: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    max_record_size: 1 << 20,
  });

  let header: Header | null = null;
  const sink = new Writable({
    objectMode: true,
    write(rec: { record: string[]; info: { lines: number }; raw: string }, _enc, cb) {
      // The record's first line: its last line less the line breaks inside it.
      const inner = (rec.raw.replace(/\r?\n$/, "").match(/\n/g) ?? []).length;
      const line = rec.info.lines - inner;
      if (!header) {
        header = readHeader(rec.record, line, opts);
        result.headers = header.headers;
        if (header.errors.length) {
          result.errors.push(...header.errors);
          return cb(new FatalParse(header.errors[0]!));
        }
        return cb();
      }
      if (isBlank(rec.record)) return cb();
      result.records++;
      if (result.records > maxRows) return cb(new FatalParse(tooManyRows(maxRows, line)));
      if (rec.record.length !== header.positions.length) {
        result.errors.push({
          line,
          column: null,
          code: "field_count",
          message: `Dòng có ${rec.record.length} ô nhưng dòng tiêu đề có ${header.positions.length} cột: kiểm tra dấu phân cách và dấu ngoặc kép trong dòng này.`,
        });
        return cb();
      }
      const row = toRow(header, rec.record, line, result.errors, "csv");
      if (row) {
        result.rows.push(row);
        if (opts.onProgress && result.rows.length % 10_000 === 0) {
          opts.onProgress({ phase: "parse", parsed: result.rows.length, validated: 0, written: 0, total: 0 });
        }
      }
      cb();
    },
  });

  try {
    await pipeline(Readable.from(all()), parser, sink);
  } catch (e) {
    result.fatal = true;
    if (e instanceof FatalParse) {
      if (!result.errors.includes(e.error)) result.errors.push(e.error);
    } else if (e instanceof CsvError) {
      result.errors.push(csvErrorMessage(e));
    } else {
      throw e;
    }
  }
  if (!header && !result.fatal) {
    result.fatal = true;
    result.errors.push({ line: 0, column: null, code: "empty_file", message: "Tệp trống: không có dòng tiêu đề." });
  }
  opts.onProgress?.({ phase: "parse", parsed: result.rows.length, validated: 0, written: 0, total: result.rows.length });
  return result;
}

/**
 * The sum of the uncompressed sizes a zip's central directory declares, or null when the file has
 * no readable directory (or uses ZIP64, which no workbook of the sizes accepted here needs).
 */
export function zipInflatedSize(zip: Buffer): number | null {
  // The end-of-central-directory record: in the last 64 KB + 22 bytes.
  const from = Math.max(0, zip.length - 65_557);
  let eocd = -1;
  for (let i = zip.length - 22; i >= from; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  if (entries === 0xffff || at === 0xffffffff) return null;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) return null;
    const size = zip.readUInt32LE(at + 24);
    if (size === 0xffffffff) return null;
    total += size;
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return total;
}

function isBlankBuffer(b: Buffer): boolean {
  return (
    b
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim() === ""
  );
}

/** A worksheet cell as the text a person would have typed. */
export function cellText(value: ExcelJS.CellValue, key: ColumnKey | null, set: ColumnSet = CASE_FILE): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "co" : "khong";
  if (typeof value === "number") {
    const type = key ? set.byKey.get(key)?.type : undefined;
    // A date column holding a bare number: an Excel serial date without a date format.
    if (type === "date" && Number.isInteger(value) && value > 0 && value < 2_958_466) {
      return formatDate(new Date(Date.UTC(1899, 11, 30) + value * 86_400_000));
    }
    // Money must be whole đồng: a fraction must not be read as thousands separators.
    if (Number.isInteger(value)) return BigInt(value).toString();
    return String(value).replace(".", ",");
  }
  if (value instanceof Date) return formatDate(value);
  if (typeof value === "object") {
    if ("richText" in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text).join("");
    if ("formula" in value || "sharedFormula" in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null, key, set);
    if ("text" in value && typeof value.text === "string") return value.text;
    if ("error" in value) return String(value.error);
  }
  return String(value);
}

/** Excel stores dates as local wall-clock values; exceljs hands them back as UTC. */
function formatDate(d: Date): string {
  return `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;
}

/** Buffers → text, a character split across two chunks kept whole. */
async function* utf8Text(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.decode(chunk, { stream: true });
    if (text) yield text;
  }
  const rest = decoder.decode();
  if (rest) yield rest;
}

type Entry = NodeJS.ReadableStream & { setEncoding(e: BufferEncoding): unknown };
type ReaderInternals = {
  _parseSharedStrings(entry: Entry): AsyncGenerator<unknown>;
  _parseStyles(entry: Entry): Promise<void>;
  _parseWorkbook(entry: Entry): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string): Generator<unknown>;
};
const BaseReader = ExcelJS.stream.xlsx.WorkbookReader as unknown as new (
  input: NodeJS.ReadableStream,
  options: object,
) => ReaderInternals & AsyncIterable<AsyncIterable<ExcelJS.Row>>;

/**
 * exceljs 4.4's streaming reader decodes each chunk of a zip entry on its own,
 * so a multi-byte character split between two chunks comes out as U+FFFD
 * (exceljs issues #2063, #2316; 3 cells of the 50,000-row benchmark file).
 * This reader hands it text instead: whole characters, decoded across chunks.
 * The parse then refuses any U+FFFD left, so a regression cannot pass silently.
 */
class Utf8WorkbookReader extends BaseReader {
  override _parseSharedStrings(entry: Entry) {
    entry.setEncoding("utf8");
    return super._parseSharedStrings(entry);
  }
  override _parseStyles(entry: Entry) {
    entry.setEncoding("utf8");
    return super._parseStyles(entry);
  }
  override _parseWorkbook(entry: Entry) {
    entry.setEncoding("utf8");
    return super._parseWorkbook(entry);
  }
  override _parseWorksheet(iterator: AsyncIterable<Buffer | string>, sheetNo: string) {
    return super._parseWorksheet(utf8Text(iterator), sheetNo);
  }
}

/**
 * Parses the first worksheet of an .xlsx workbook with exceljs' streaming
 * reader. The first non-empty row is the header; `line` is the worksheet row.
 */
export async function parseXlsx(input: Uint8Array | NodeJS.ReadableStream, opts: ParseOptions = {}): Promise<ParseResult> {
  const maxBytes = opts.maxBytes ?? LIMITS.maxBytes;
  const maxRows = opts.maxRows ?? LIMITS.maxRows;
  const result: ParseResult = { format: "xlsx", headers: {}, rows: [], records: 0, errors: [], fatal: false };

  // The workbook is a zip whose parts may come in any order: read it whole (it is at most maxBytes), then stream its rows.
  const parts: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of bytesOf(input as Input)) {
    bytes += chunk.length;
    if (bytes > maxBytes) return { ...result, errors: [tooLarge(maxBytes)], fatal: true };
    parts.push(chunk);
  }
  const file = Buffer.concat(parts);
  const badXlsx = (message: string): ParseResult => ({
    ...result,
    fatal: true,
    errors: [{ line: 0, column: null, code: "bad_xlsx", message }],
  });
  if (file.length < 4 || file.readUInt32LE(0) !== 0x04034b50) {
    return badXlsx("Tệp không phải là tệp Excel .xlsx. Hãy lưu lại tệp dạng .xlsx (Excel Workbook) hoặc CSV UTF-8.");
  }
  // A zip that unzips to far more than it weighs is refused before it is read (its central directory says how much).
  const inflated = zipInflatedSize(file);
  const maxInflated = opts.maxInflatedBytes ?? maxBytes * 20;
  if (inflated === null) {
    return badXlsx("Tệp không phải là tệp Excel .xlsx hợp lệ. Hãy lưu lại tệp dạng .xlsx (Excel Workbook) hoặc CSV UTF-8.");
  }
  if (inflated > maxInflated) {
    return badXlsx(
      `Tệp Excel khi giải nén quá lớn (tối đa ${fmtInt(Math.round(maxInflated / 1024 / 1024))} MB). Hãy chia thành nhiều tệp hoặc lưu dạng CSV.`,
    );
  }
  const counted = Readable.from([file]);
  let blanks = 0;

  let header: Header | null = null;
  try {
    const reader = new Utf8WorkbookReader(counted, {
      sharedStrings: "cache",
      styles: "cache",
      hyperlinks: "ignore",
      worksheets: "emit",
    });
    for await (const sheet of reader) {
      for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
        const line = row.number;
        // row.values is 1-based (index 0 unused).
        const raw = (row.values as ExcelJS.CellValue[]).slice(1);
        if (!header) {
          const cells = Array.from(raw, (v) => cellText(v ?? null, null));
          if (isBlank(cells)) continue;
          header = readHeader(cells, line, opts);
          result.headers = header.headers;
          if (header.errors.length) {
            result.errors.push(...header.errors);
            result.fatal = true;
            break;
          }
          continue;
        }
        const cells = Array.from(raw, (v, i) => cellText(v ?? null, header!.positions[i] || null, header!.set));
        if (isBlank(cells)) {
          // Blank rows are skipped, but not without end: a sheet of millions of empty rows is refused.
          if (++blanks > maxRows * 2 + 10_000) throw new FatalParse(tooManyRows(maxRows, line));
          continue;
        }
        result.records++;
        if (result.records > maxRows) throw new FatalParse(tooManyRows(maxRows, line));
        const outside = cells.findIndex((c, i) => i >= header!.positions.length && c.trim());
        if (outside >= 0) {
          result.errors.push({
            line,
            column: null,
            code: "field_count",
            message: `Ô ở cột thứ ${outside + 1} có dữ liệu nhưng không có tiêu đề cột.`,
          });
          continue;
        }
        const r = toRow(header, cells, line, result.errors, "xlsx");
        if (r) {
          result.rows.push(r);
          if (opts.onProgress && result.rows.length % 10_000 === 0) {
            opts.onProgress({ phase: "parse", parsed: result.rows.length, validated: 0, written: 0, total: 0 });
          }
        }
      }
      break; // the first worksheet only (a guide sheet may follow)
    }
  } catch (e) {
    result.fatal = true;
    if (e instanceof FatalParse) result.errors.push(e.error);
    else
      result.errors.push({
        line: 0,
        column: null,
        code: "bad_xlsx",
        message: `Không đọc được tệp Excel (.xlsx): ${(e as Error).message}. Hãy lưu lại tệp dạng .xlsx hoặc CSV UTF-8.`,
      });
  } finally {
    counted.destroy();
  }
  if (!header && !result.fatal) {
    result.fatal = true;
    result.errors.push({ line: 0, column: null, code: "empty_file", message: "Trang tính đầu tiên trống: không có dòng tiêu đề." });
  }
  opts.onProgress?.({ phase: "parse", parsed: result.rows.length, validated: 0, written: 0, total: result.rows.length });
  return result;
}

/** Parses a file by its extension (.csv or .xlsx), refusing one over the size cap before reading it. */
export async function parseImportFile(file: string, opts: ParseOptions = {}): Promise<ParseResult> {
  const maxBytes = opts.maxBytes ?? LIMITS.maxBytes;
  const ext = path.extname(file).toLowerCase();
  const format = ext === ".xlsx" ? "xlsx" : ext === ".csv" || ext === ".txt" ? "csv" : null;
  if (!format) {
    return {
      format: "csv",
      headers: {},
      rows: [],
      records: 0,
      fatal: true,
      errors: [
        {
          line: 0,
          column: null,
          code: "bad_format",
          message: `Tệp "${path.basename(file)}" không phải .csv hoặc .xlsx (tệp .xls cũ: mở bằng Excel rồi lưu lại dạng .xlsx).`,
        },
      ],
    };
  }
  const { size } = await stat(file);
  if (size > maxBytes) return { format, headers: {}, rows: [], records: 0, fatal: true, errors: [tooLarge(maxBytes)] };
  const stream = createReadStream(file);
  try {
    return format === "xlsx" ? await parseXlsx(stream, opts) : await parseCsv(stream, opts);
  } finally {
    stream.destroy();
  }
}
