/**
 * An incremental RFC 4180 CSV reader fed BYTES chunk by chunk (a bill is read as a stream: slices of a File in the
 * browser worker, the output of a gzip DecompressionStream, a file in Node; papaparse's streaming needs a Node
 * stream or a File of its own and cannot take the decompressed chunks of both). Quoted fields may hold commas,
 * doubled quotes, CR and LF; CRLF line ends; a UTF-8 byte order mark at the start of the file is dropped.
 *
 * Speed (issue 24, bench: 1,000,000 rows x 48 columns, 403 MB): the text is never decoded as a whole. Each record
 * is scanned once into typed arrays of field boundaries, 4 bytes at a time (a word with no delimiter, quote, line
 * end or non-ASCII byte in it is skipped whole; quoted fields go byte by byte); only the fields the caller asks for
 * are turned into values, and those come from a cache keyed by their bytes, compared and hashed 4 bytes at a time
 * (a bill repeats its usage types, operations, regions, dates and tag cells row after row, so a million rows
 * decode a few hundred strings), and plain decimals (`12.5`, `-0.04048`) are read straight from the bytes as
 * numbers, exactly as Number() reads them.
 *
 * UTF-8: bytes >= 0x80 are noticed while scanning; a record that has any is checked with a fatal TextDecoder, so
 * a file that stops being UTF-8 still gets a message (CsvUtf8Error), as it did when the whole text was decoded.
 *
 * Limits for hostile files: a record longer than MAX_RECORD_BYTES and a record with more than MAX_COLUMNS fields
 * stop the read with a message (CsvLimitError) instead of buffering without end.
 */

export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
export const MAX_COLUMNS = 2000;

export class CsvLimitError extends Error {}
/** A record that is not UTF-8; `record` counts the header as 1. */
export class CsvUtf8Error extends Error {
  constructor(readonly record: number) {
    super(`record ${record} is not UTF-8 text`);
  }
}

const QUOTE = 34;
const COMMA = 44;
const LF = 10;
const CR = 13;

/** The word scan reads the first byte of a word as its low byte: true on every machine a browser or Node runs on
 * today; elsewhere the scan goes byte by byte. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
const NO_WORDS = new Int32Array(0);
const NO_KEY = new DataView(new ArrayBuffer(0));

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** Exact powers of ten (10^0..10^22 are exact doubles: m / 10^k is then correctly rounded, as Number() is). */
const POW10 = Array.from({ length: 23 }, (_, i) => Number(`1e${i}`));

/** The cache of decoded fields: open addressing by a hash of the raw bytes, one entry per slot (replaced on a clash). */
const CACHE_SLOTS = 8192;
const CACHE_MAX_BYTES = 512;

/** What a record handler reads: the fields of the current record, decoded on demand. Valid during the call only. */
export interface CsvRecord {
  /** Number of fields in the record. */
  readonly count: number;
  /** Field k as text (quotes removed, doubled quotes undone); "" past the record's end. */
  text(k: number): string;
  /** Field k as a number when it is a plain decimal (digits, one optional leading "-", one optional "."; at most
   * 15 digits), else its text (for the caller's own checks: "", "1e3", " 2", "abc"). */
  numberOrText(k: number): number | string;
}

export class CsvStream implements CsvRecord {
  private carry: Uint8Array | null = null;
  private records = 0;
  private atFileStart = true;
  private readonly starts = new Int32Array(MAX_COLUMNS + 1);
  private readonly ends = new Int32Array(MAX_COLUMNS + 1);
  private buf: Uint8Array = new Uint8Array(0);
  /** The same bytes, read 4 at a time (unaligned) to compare and hash fields. */
  private view: DataView<ArrayBufferLike> = new DataView(new ArrayBuffer(0));
  private words: Int32Array = NO_WORDS;
  private wordOffset = 0;
  private wordLimit = 0;
  count = 0;
  /** Set by scanRecord when a record holds a byte >= 0x80. */
  private nonAscii = false;
  /** Set by scanRecord when it stops for want of bytes inside a quoted field. */
  private stoppedInQuote = false;
  private readonly cacheHash = new Int32Array(CACHE_SLOTS);
  /** Byte length of each slot's key; -1: the slot is empty (its key then is a placeholder). */
  private readonly cacheLength = new Int32Array(CACHE_SLOTS).fill(-1);
  private readonly cacheKey: DataView[] = new Array<DataView>(CACHE_SLOTS).fill(NO_KEY);
  private readonly cacheValue: string[] = new Array<string>(CACHE_SLOTS).fill("");
  /** Per column, the bytes, length (-1: none yet) and text of the value last read there (a column often repeats row
   * after row). */
  private readonly lastKey: DataView[] = new Array<DataView>(MAX_COLUMNS).fill(NO_KEY);
  private readonly lastLength = new Int32Array(MAX_COLUMNS).fill(-1);
  private readonly lastValue: string[] = new Array<string>(MAX_COLUMNS).fill("");

  constructor(private readonly onRecord: (record: CsvRecord, recordNumber: number) => void) {}

  push(chunk: Uint8Array): void {
    if (chunk.length === 0) return;
    if (this.atFileStart) {
      if (this.carry === null && chunk.length < 3 && chunk[0] === 0xef) {
        // Too short to tell whether a byte order mark starts the file: wait for more.
        this.carry = chunk.slice();
        return;
      }
      if (this.carry !== null) {
        chunk = concat(this.carry, chunk);
        this.carry = null;
        if (chunk.length < 3 && chunk[0] === 0xef) {
          this.carry = chunk;
          return;
        }
      }
      this.atFileStart = false;
      if (chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
    }
    if (this.carry !== null) {
      // Finish the record the last chunk left open with the start of this one, without copying the whole chunk:
      // up to its first line feed, then (a quoted field with line breaks) the rest.
      const nl = chunk.indexOf(LF);
      if (nl >= 0) {
        const head = concat(this.carry, chunk.subarray(0, nl + 1));
        this.carry = null;
        this.drain(head);
        chunk = chunk.subarray(nl + 1);
      }
      if (this.carry !== null) {
        const all = concat(this.carry, chunk);
        this.carry = null;
        this.drain(all);
        return;
      }
    }
    this.drain(chunk);
  }

  end(): void {
    if (this.atFileStart && this.carry !== null) {
      const c = this.carry;
      this.carry = null;
      this.atFileStart = false;
      this.drain(c);
    }
    const c = this.carry;
    if (c !== null && c.length > 0) {
      this.carry = null;
      this.drain(c[c.length - 1] === LF ? c : concat(c, new Uint8Array([LF])), true);
    }
  }

  // ------------------------------------------------------------------ scanning

  /**
   * Scans the record that starts at `p`: field boundaries into starts/ends/quoted, the count into `count`.
   * Returns the index after its line feed, or -1 when the bytes end first (more are needed).
   */
  private scanRecord(buf: Uint8Array, p: number): number {
    const n = buf.length;
    const starts = this.starts;
    const ends = this.ends;
    const words = this.words;
    const wordOffset = this.wordOffset;
    // The word path runs while 4 whole bytes are left (none on a big-endian machine: see LITTLE_ENDIAN).
    const wordLimit = this.wordLimit;
    const wordCount = words.length;
    let nonAscii = false;
    let k = 0;
    let i = p;
    starts[0] = p;
    // One loop over the record's bytes; a comma closes a field and opens the next without leaving it, a quote at
    // the start of a field sends it to the quoted branch.
    field: for (;;) {
      if (i < n && buf[i] === QUOTE) {
        // A quoted field: to its closing quote (a doubled quote is text); what follows it up to the delimiter is
        // kept as text (lenient, as spreadsheets write it).
        i++;
        for (;;) {
          if (i >= n) {
            this.stoppedInQuote = true;
            return -1;
          }
          const c = buf[i]!;
          if (c === QUOTE) {
            if (i + 1 >= n) {
              this.stoppedInQuote = true;
              return -1;
            }
            if (buf[i + 1] === QUOTE) {
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c >= 0x80) nonAscii = true;
          i++;
        }
      }
      // To the next comma or line feed (a quote inside an unquoted field is text): byte by byte up to a word
      // boundary, then 4 bytes at a time while whole words are left, then the last few bytes one by one.
      for (;;) {
        for (;;) {
          if (i >= n) {
            this.stoppedInQuote = false;
            return -1;
          }
          if (((i + wordOffset) & 3) === 0 && i < wordLimit) break;
          const c = buf[i]!;
          if (c > COMMA && c < 0x80) {
            i++;
            continue;
          }
          if (c === COMMA) {
            ends[k] = i;
            if (++k >= MAX_COLUMNS) throw new CsvLimitError(`a record has more than ${MAX_COLUMNS} columns: this is not a bill export`);
            starts[k] = ++i;
            continue field;
          }
          if (c === LF) {
            ends[k] = i > starts[k]! && buf[i - 1] === CR ? i - 1 : i;
            this.count = k + 1;
            this.nonAscii = nonAscii;
            return i + 1;
          }
          if (c >= 0x80) nonAscii = true;
          i++;
        }
        let w = (i + wordOffset) >> 2;
        for (; w < wordCount; w++) {
          const x = words[w]!;
          // Bit 7 of each byte: set when the byte is >= 0x80, or its low 7 bits + 0x53 stay below 0x80 (the byte is
          // below 0x2D: ",", quote, CR, LF and other punctuation). No carry crosses a byte: (x & 0x7F) + 0x53 <=
          // 0xD2. Shifted down to bits 0, 8, 16, 24 so the mask stays a small positive integer.
          let special = ((~(((x & 0x7f7f7f7f) + 0x53535353) | 0) | x) & 0x80808080) >>> 7;
          if (special === 0) continue;
          const base = (w << 2) - wordOffset;
          // The word's such bytes, first to last (little-endian: the lowest set bit is the first byte).
          do {
            const bit = 31 - Math.clz32(special & -special);
            special &= special - 1;
            const c = (x >>> bit) & 0xff;
            const q = base + (bit >> 3);
            if (c === COMMA) {
              ends[k] = q;
              if (++k >= MAX_COLUMNS) throw new CsvLimitError(`a record has more than ${MAX_COLUMNS} columns: this is not a bill export`);
              starts[k] = q + 1;
            } else if (c === QUOTE) {
              // A quote that opens a field (right after its comma, in this word or the next) starts a quoted
              // field; any other quote is text.
              if (q === starts[k]) {
                i = q;
                continue field;
              }
            } else if (c === LF) {
              ends[k] = q > starts[k]! && buf[q - 1] === CR ? q - 1 : q;
              this.count = k + 1;
              this.nonAscii = nonAscii;
              return q + 1;
            } else if (c >= 0x80) nonAscii = true;
          } while (special !== 0);
        }
        i = (w << 2) - wordOffset;
      }
    }
  }

  private isQuoted(k: number): boolean {
    return this.buf[this.starts[k]!] === QUOTE && this.starts[k]! < this.ends[k]!;
  }

  private drain(buf: Uint8Array, final = false): void {
    this.buf = buf;
    // A 32-bit view of the same memory, starting at the word boundary at or before buf[0]: buf[i] is byte
    // (i + wordOffset) & 3 of word (i + wordOffset) >> 2. Only words wholly inside buf are read.
    this.wordOffset = buf.byteOffset & 3;
    this.words = LITTLE_ENDIAN ? new Int32Array(buf.buffer, buf.byteOffset - this.wordOffset, (buf.length + this.wordOffset) >> 2) : NO_WORDS;
    this.wordLimit = LITTLE_ENDIAN ? buf.length - 3 : 0;
    this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
    let p = 0;
    for (;;) {
      const next = this.scanRecord(buf, p);
      if (next < 0) break;
      if (next - p > MAX_RECORD_BYTES) throw new CsvLimitError(`record ${this.records + 1} (counting the header as 1) is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB: this is not a bill export`);
      this.records++;
      if (this.nonAscii) {
        try {
          utf8.decode(buf.subarray(p, next));
        } catch {
          throw new CsvUtf8Error(this.records);
        }
      }
      if (this.count === 1 && this.ends[0] === this.starts[0]) {
        // A blank line.
        this.records--;
      } else {
        this.onRecord(this, this.records);
      }
      p = next;
    }
    const rest = buf.length - p;
    if (rest > MAX_RECORD_BYTES) {
      throw new CsvLimitError(
        this.stoppedInQuote
          ? `record ${this.records + 2} (counting the header as 1) is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB inside a quoted field (an unclosed quote?): this is not a bill export`
          : `record ${this.records + 2} (counting the header as 1) is longer than ${MAX_RECORD_BYTES / 1024 / 1024} MB: this is not a bill export`,
      );
    }
    if (final && rest > 0) {
      throw new CsvLimitError(`a quoted field in record ${this.records + 2} (counting the header as 1) is never closed: the file is truncated or not CSV`);
    }
    // The open record's bytes are copied: the chunk they came from may be reused by its producer.
    this.carry = rest > 0 ? buf.slice(p) : null;
  }

  // ------------------------------------------------------------------ fields

  text(k: number): string {
    if (k >= this.count) return "";
    const s = this.starts[k]!;
    const len = this.ends[k]! - s;
    if (len <= 0) return "";
    if (len > CACHE_MAX_BYTES) return this.decode(s, s + len, k);
    // The value the column held last time (dates, currency, category, region repeat row after row).
    if (this.lastLength[k] === len && this.same(this.lastKey[k]!, s, len)) return this.lastValue[k]!;
    // FNV-1a over 4-byte words (the slot is only a hint: a hit is confirmed byte for byte).
    const view = this.view;
    let h = 0x811c9dc5 | 0;
    let j = 0;
    for (; j + 4 <= len; j += 4) h = Math.imul(h ^ view.getInt32(s + j, true), 16777619);
    for (; j < len; j++) h = Math.imul(h ^ view.getUint8(s + j), 16777619);
    const slot = (h ^ (h >>> 15)) & (CACHE_SLOTS - 1);
    if (this.cacheHash[slot] === h && this.cacheLength[slot] === len && this.same(this.cacheKey[slot]!, s, len)) {
      this.lastKey[k] = this.cacheKey[slot]!;
      this.lastLength[k] = len;
      return (this.lastValue[k] = this.cacheValue[slot]!);
    }
    const value = this.decode(s, s + len, k);
    const copy = new DataView(this.buf.slice(s, s + len).buffer);
    this.cacheHash[slot] = h;
    this.cacheKey[slot] = copy;
    this.cacheLength[slot] = len;
    this.cacheValue[slot] = value;
    this.lastKey[k] = copy;
    this.lastLength[k] = len;
    this.lastValue[k] = value;
    return value;
  }

  /** Whether the `len` bytes of the current record from `s` are `key`'s bytes (4 at a time, the last 4 overlapping). */
  private same(key: DataView, s: number, len: number): boolean {
    const view = this.view;
    if (len < 4) {
      for (let j = 0; j < len; j++) if (view.getUint8(s + j) !== key.getUint8(j)) return false;
      return true;
    }
    const last = len - 4;
    for (let j = 0; j < last; j += 4) if (view.getInt32(s + j, true) !== key.getInt32(j, true)) return false;
    return view.getInt32(s + last, true) === key.getInt32(last, true);
  }

  numberOrText(k: number): number | string {
    if (k >= this.count) return "";
    const s = this.starts[k]!;
    const e = this.ends[k]!;
    const buf = this.buf;
    let i = s;
    const negative = buf[i] === 45;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let fraction = -1;
    for (; i < e; i++) {
      const c = buf[i]!;
      if (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        if (fraction >= 0) fraction++;
      } else if (c === 46 && fraction < 0) fraction = 0;
      else break;
    }
    if (i !== e || digits === 0 || digits > 15) return this.text(k);
    const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
    return negative ? -value : value;
  }

  private decode(s: number, e: number, k: number): string {
    const raw = utf8.decode(this.buf.subarray(s, e));
    if (!this.isQuoted(k)) return raw;
    // "a ""b"" c" -> a "b" c; text after the closing quote is kept (lenient, as spreadsheets write it).
    const close = raw.lastIndexOf('"');
    const inner = close > 0 ? raw.slice(1, close) + raw.slice(close + 1) : raw.slice(1);
    return inner.indexOf('""') >= 0 ? inner.replace(/""/g, '"') : inner;
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
