/**
 * Generated cases as COPY data: batches of rows for the five tables (text format, and binary for
 * the events).
 */
import {
  CASE_COLUMNS,
  EVENT_COLUMNS,
  JUDGMENT_COLUMNS,
  OBLIGATION_COLUMNS,
  PARTY_COLUMNS,
  copyValue,
  type GeneratedCase,
} from "./cases.ts";

/**
 * The tables in the order they are written (a case after its judgment, its rows after it), and
 * the COPY format of each: the events, most of the rows, go in PostgreSQL's binary format (no
 * text to parse for ids and dates).
 */
export const TABLES = [
  ["public.judgments", JUDGMENT_COLUMNS, "text"],
  ["public.cases", CASE_COLUMNS, "text"],
  ["public.case_parties", PARTY_COLUMNS, "text"],
  ["public.case_obligations", OBLIGATION_COLUMNS, "text"],
  ["public.case_events", EVENT_COLUMNS, "binary"],
] as const;

export interface CopyBatch {
  /** Cases in the batch. */
  cases: number;
  events: number;
  parties: number;
  obligations: number;
  /** COPY data per table, in TABLES order and format. */
  data: Uint8Array[];
}

function line(cols: readonly string[], row: Record<string, string | null>): string {
  let s = copyValue(row[cols[0]!]!);
  for (let i = 1; i < cols.length; i++) s += `\t${copyValue(row[cols[i]!]!)}`;
  return `${s}\n`;
}

/** A growing byte buffer for COPY binary rows. */
class BinaryWriter {
  buf = Buffer.allocUnsafe(1 << 20);
  at = 0;
  private room(n: number) {
    if (this.at + n <= this.buf.length) return;
    const next = Buffer.allocUnsafe(Math.max(this.buf.length * 2, this.at + n));
    this.buf.copy(next, 0, 0, this.at);
    this.buf = next;
  }
  int16(v: number) {
    this.room(2);
    this.at = this.buf.writeInt16BE(v, this.at);
  }
  int32(v: number) {
    this.room(4);
    this.at = this.buf.writeInt32BE(v, this.at);
  }
  bytes(b: Uint8Array) {
    this.room(b.length);
    this.buf.set(b, this.at);
    this.at += b.length;
  }
  /** A field: length, then the bytes (-1 for null). */
  field(b: Uint8Array | null) {
    if (b === null) return this.int32(-1);
    this.int32(b.length);
    this.bytes(b);
  }
  /** A text-like field (text, enum label, jsonb with its version byte first). */
  utf8(s: string, prefix?: number) {
    const n = Buffer.byteLength(s);
    const extra = prefix === undefined ? 0 : 1;
    this.int32(n + extra);
    this.room(n + extra);
    if (prefix !== undefined) this.buf[this.at++] = prefix;
    this.at += this.buf.write(s, this.at, n, "utf8");
  }
  result(): Buffer {
    return this.buf.subarray(0, this.at);
  }
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const EPOCH_2000 = Date.UTC(2000, 0, 1) / 86_400_000;
const uuidBytes = new Map<string, Buffer>();
/** A uuid's 16 bytes (cached: units, provinces and executors repeat). */
function uuid(id: string, cache: boolean): Buffer {
  let b = uuidBytes.get(id);
  if (b === undefined) {
    b = Buffer.from(id.replace(/-/g, ""), "hex");
    if (cache) uuidBytes.set(id, b);
  }
  return b;
}
const dateBytes = new Map<string, Buffer>();
/** A date as PostgreSQL's binary date: days since 2000-01-01. */
function date(iso: string): Buffer {
  let b = dateBytes.get(iso);
  if (b === undefined) {
    b = Buffer.alloc(4);
    b.writeInt32BE(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 - EPOCH_2000);
    dateBytes.set(iso, b);
  }
  return b;
}

/** The events of one batch in COPY binary format (EVENT_COLUMNS order). */
class EventEncoder {
  private w = new BinaryWriter();
  constructor() {
    this.w.bytes(SIGNATURE);
    this.w.int32(0); // flags
    this.w.int32(0); // header extension
  }
  add(e: Record<(typeof EVENT_COLUMNS)[number], string | null>, caseId: Buffer) {
    const w = this.w;
    w.int16(7);
    w.field(caseId);
    w.field(uuid(e.province_id!, true));
    w.field(uuid(e.unit_id!, true));
    w.utf8(e.kind!);
    w.field(date(e.effective_date!));
    w.utf8(e.payload!, 1); // jsonb binary: version 1, then the JSON text
    w.field(e.actor_id === null ? null : uuid(e.actor_id, true));
  }
  finish(): Buffer {
    this.w.int16(-1);
    return this.w.result();
  }
}

/** Cases whose text is gathered before it becomes bytes (keeps the strings short-lived). */
const SLICE = 50;

/** Groups the cases into batches of `size` with their COPY data for each table. */
export function* copyBatches(cases: Iterator<GeneratedCase>, size: number): Generator<CopyBatch> {
  let done = false;
  while (!done) {
    const batch: CopyBatch = { cases: 0, events: 0, parties: 0, obligations: 0, data: [] };
    const chunks: Buffer[][] = TABLES.map(() => []);
    const texts = TABLES.map(() => "");
    const events = new EventEncoder();
    const flush = () => {
      for (let t = 0; t < texts.length; t++) {
        if (texts[t]) chunks[t]!.push(Buffer.from(texts[t]!));
        texts[t] = "";
      }
    };
    while (batch.cases < size) {
      const item = cases.next();
      if (item.done) {
        done = true;
        break;
      }
      const c = item.value;
      texts[0] += line(JUDGMENT_COLUMNS, c.judgment);
      texts[1] += line(CASE_COLUMNS, c.case);
      for (const p of c.parties) texts[2] += line(PARTY_COLUMNS, p);
      for (const o of c.obligations) texts[3] += line(OBLIGATION_COLUMNS, o);
      if (c.events.length) {
        const caseId = uuid(c.case.id!, false);
        for (const e of c.events) events.add(e, caseId);
      }
      batch.events += c.events.length;
      batch.parties += c.parties.length;
      batch.obligations += c.obligations.length;
      if (++batch.cases % SLICE === 0) flush();
    }
    flush();
    chunks[4]!.push(events.finish()); // public.case_events
    batch.data = chunks.map((c) => Buffer.concat(c));
    if (batch.cases > 0) yield batch;
  }
}
