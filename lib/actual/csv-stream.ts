/**
 * An incremental RFC 4180 CSV reader fed text chunk by chunk (a bill is read as a stream: from a File in the
 * browser worker, through a gzip DecompressionStream, or from a file in Node; papaparse's streaming needs a Node
 * stream or a File of its own and cannot take the decompressed chunks of both). Quoted fields may hold commas,
 * doubled quotes and line breaks.
 *
 * Speed: a record is scanned once into typed arrays of field boundaries (a quoted field is skipped with indexOf
 * to its closing quote: AWS's Tags JSON), then only the columns named by `keepOnly` are copied out of the text
 * (a bill has 48-60 columns, the reader needs ~15) into a record array that is reused: a million rows allocate
 * ~15 strings each and nothing else.
 *
 * Limits for hostile files: a record longer than MAX_RECORD_CHARS and a record with more than MAX_COLUMNS fields
 * stop the read with a message (CsvLimitError) instead of buffering without end.
 */

export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
export const MAX_COLUMNS = 2000;

export class CsvLimitError extends Error {}

const QUOTE = 34;
const LF = 10;
const CR = 13;

const starts = new Int32Array(MAX_COLUMNS + 1);
const ends = new Int32Array(MAX_COLUMNS + 1);
const quoted = new Uint8Array(MAX_COLUMNS + 1);
/** Fields of the record scanRecord last completed. */
let fieldCount = 0;
/** Set by scanRecord when it stops for want of text inside a quoted field. */
let stoppedInQuote = false;

/** The next quote in the buffer being drained at or after the current record (-1: none), kept across records. */
let quoteAt = -1;

/**
 * Scans the record that starts at `p`: its field boundaries into starts/ends/quoted, the count into fieldCount.
 * Returns the index after its line feed, or -1 when the text ends first (more is needed). Commas, line feeds and
 * quotes are found with indexOf (native), never a character at a time; a line without quotes (most of a bill)
 * takes the short loop.
 */
function scanRecord(buf: string, p: number): number {
  let nl = buf.indexOf("\n", p);
  if (nl < 0) return -1;
  if (quoteAt !== -1 && quoteAt < p) quoteAt = buf.indexOf('"', p);
  stoppedInQuote = false;
  let k = 0;
  let fs = p;
  if (quoteAt === -1 || quoteAt > nl) {
    for (;;) {
      const c = buf.indexOf(",", fs);
      if (c < 0 || c > nl) break;
      if (k >= MAX_COLUMNS) throw new CsvLimitError(`a record has more than ${MAX_COLUMNS} columns: this is not a bill export`);
      starts[k] = fs;
      ends[k] = c;
      quoted[k] = 0;
      k++;
      fs = c + 1;
    }
    starts[k] = fs;
    ends[k] = nl > fs && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
    quoted[k] = 0;
    fieldCount = k + 1;
    return nl + 1;
  }
  for (;;) {
    let isQuoted = 0;
    let from = fs;
    if (quoteAt === fs) {
      // A quoted field: to its closing quote (a doubled quote is text), then to the delimiter.
      isQuoted = 1;
      let i = fs + 1;
      for (;;) {
        const j = buf.indexOf('"', i);
        if (j < 0 || j + 1 >= buf.length) {
          stoppedInQuote = true;
          return -1;
        }
        if (buf.charCodeAt(j + 1) === QUOTE) {
          i = j + 2;
          continue;
        }
        i = j + 1;
        break;
      }
      if (i > nl) {
        nl = buf.indexOf("\n", i);
        if (nl < 0) return -1;
      }
      quoteAt = buf.indexOf('"', i);
      from = i;
    }
    const fieldEnd = buf.indexOf(",", from);
    // A quote inside an unquoted field is text (lenient); the next one may open a later field.
    while (quoteAt !== -1 && quoteAt < nl && quoteAt !== fs && quoteAt < (fieldEnd < 0 ? nl : Math.min(fieldEnd, nl))) quoteAt = buf.indexOf('"', quoteAt + 1);
    if (fieldEnd < 0 || fieldEnd > nl) {
      starts[k] = fs;
      ends[k] = nl > fs && buf.charCodeAt(nl - 1) === CR ? nl - 1 : nl;
      quoted[k] = isQuoted;
      fieldCount = k + 1;
      return nl + 1;
    }
    if (k >= MAX_COLUMNS) throw new CsvLimitError(`a record has more than ${MAX_COLUMNS} columns: this is not a bill export`);
    starts[k] = fs;
    ends[k] = fieldEnd;
    quoted[k] = isQuoted;
    k++;
    fs = fieldEnd + 1;
  }
}

function fieldText(buf: string, k: number): string {
  const s = starts[k]!;
  const e = ends[k]!;
  if (quoted[k] === 0) return buf.slice(s, e);
  // "a ""b"" c" -> a "b" c; text after the closing quote is kept (lenient, as spreadsheets write it).
  const raw = buf.slice(s, e);
  const close = raw.lastIndexOf('"');
  const inner = close > 0 ? raw.slice(1, close) + raw.slice(close + 1) : raw.slice(1);
  return inner.indexOf('""') >= 0 ? inner.replace(/""/g, '"') : inner;
}

export class CsvStream {
  private buf = "";
  private records = 0;
  private needed: number[] | null = null;
  private readonly fields: string[] = [];

  constructor(private readonly onRecord: (fields: string[], record: number) => void) {}

  /** Only these column indexes are read from now on (the others stay "" and are never copied). */
  keepOnly(indexes: ReadonlyArray<number>): void {
    this.needed = [...indexes].sort((a, b) => a - b);
    this.fields.length = 0;
  }

  push(chunk: string): void {
    if (this.buf.length > 0) {
      // Finish the record the last chunk left open with the start of this one, without copying the whole chunk
      // into a new string (a 4 MB concatenation per chunk would be flattened by the first search).
      const nl = chunk.indexOf("\n");
      if (nl >= 0) {
        this.buf += chunk.slice(0, nl + 1);
        this.drain(false);
        chunk = chunk.slice(nl + 1);
      }
      if (this.buf.length > 0) {
        this.buf += chunk;
        this.drain(false);
        return;
      }
    }
    this.buf = chunk;
    this.drain(false);
  }

  end(): void {
    if (this.buf.length > 0 && this.buf.charCodeAt(this.buf.length - 1) !== LF) this.buf += "\n";
    this.drain(true);
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    let p = 0;
    quoteAt = buf.indexOf('"');
    for (;;) {
      const next = scanRecord(buf, p);
      if (next < 0) break;
      if (next - p > MAX_RECORD_CHARS) throw new CsvLimitError(`record ${this.records + 1} (counting the header as 1) is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: this is not a bill export`);
      this.records++;
      const count = fieldCount;
      if (count === 1 && ends[0] === starts[0] && quoted[0] === 0) {
        // A blank line.
        this.records--;
      } else if (this.needed === null) {
        const all: string[] = new Array<string>(count);
        for (let k = 0; k < count; k++) all[k] = fieldText(buf, k);
        this.onRecord(all, this.records);
      } else {
        const fields = this.fields;
        for (const k of this.needed) fields[k] = k < count ? fieldText(buf, k) : "";
        this.onRecord(fields, this.records);
      }
      p = next;
    }
    this.buf = p === 0 ? buf : buf.slice(p);
    if (this.buf.length > MAX_RECORD_CHARS) {
      throw new CsvLimitError(
        stoppedInQuote
          ? `record ${this.records + 2} (counting the header as 1) is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB inside a quoted field (an unclosed quote?): this is not a bill export`
          : `record ${this.records + 2} (counting the header as 1) is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: this is not a bill export`,
      );
    }
    if (final && this.buf.length > 0) {
      throw new CsvLimitError(`a quoted field in record ${this.records + 2} (counting the header as 1) is never closed: the file is truncated or not CSV`);
    }
  }
}
