/**
 * An incremental RFC 4180 CSV reader fed text chunk by chunk (a bill is read as a stream: from a File in the
 * browser worker, through a gzip DecompressionStream, or from a file in Node; papaparse's streaming needs a Node
 * stream or a File of its own and cannot take the decompressed chunks of both). Records without a quote take a
 * fast path (split on commas); quoted fields may hold commas, doubled quotes and line breaks.
 *
 * Limits for hostile files: a record longer than MAX_RECORD_CHARS and a header with more than MAX_COLUMNS
 * columns stop the read with a message (CsvLimitError) instead of buffering without end.
 */

export const MAX_RECORD_CHARS = 4 * 1024 * 1024;
export const MAX_COLUMNS = 2000;

export class CsvLimitError extends Error {}

export class CsvStream {
  private buf = "";
  private nextQuote = -1;
  private lineNumber = 1;
  private records = 0;

  constructor(private readonly onRecord: (fields: string[], record: number) => void) {}

  push(chunk: string): void {
    this.buf = this.buf.length === 0 ? chunk : this.buf + chunk;
    this.nextQuote = -1;
    this.drain(false);
  }

  end(): void {
    if (this.buf.length > 0 && !this.buf.endsWith("\n")) this.buf += "\n";
    this.drain(true);
  }

  private emit(fields: string[]): void {
    this.records++;
    if (this.records === 1 && fields.length > MAX_COLUMNS) throw new CsvLimitError(`the header has ${fields.length} columns (at most ${MAX_COLUMNS}): this is not a bill export`);
    this.onRecord(fields, this.records);
  }

  private drain(final: boolean): void {
    const buf = this.buf;
    let pos = 0;
    let quote = this.nextQuote >= 0 ? this.nextQuote : buf.indexOf('"');
    for (;;) {
      const nl = buf.indexOf("\n", pos);
      if (nl < 0) break;
      if (quote !== -1 && quote < pos) quote = buf.indexOf('"', pos);
      if (quote === -1 || quote > nl) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        if (nl - pos > MAX_RECORD_CHARS) throw new CsvLimitError(`line ${this.lineNumber} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB: this is not a bill export`);
        if (end > pos) this.emit(buf.slice(pos, end).split(","));
        this.lineNumber++;
        pos = nl + 1;
        continue;
      }
      const parsed = this.quotedRecord(buf, pos, final);
      if (parsed === null) break;
      this.emit(parsed.fields);
      pos = parsed.end;
    }
    this.buf = pos === 0 ? buf : buf.slice(pos);
    this.nextQuote = -1;
    if (this.buf.length > MAX_RECORD_CHARS) {
      throw new CsvLimitError(
        final
          ? `a quoted field that starts on line ${this.lineNumber} is never closed: the file is truncated or not CSV`
          : `the record on line ${this.lineNumber} is longer than ${MAX_RECORD_CHARS / 1024 / 1024} MB (an unclosed quote?): this is not a bill export`,
      );
    }
    if (final && this.buf.length > 0) throw new CsvLimitError(`a quoted field that starts on line ${this.lineNumber} is never closed: the file is truncated or not CSV`);
  }

  /** A record with quotes from `start`; null when the buffer ends inside it (more text is needed). */
  private quotedRecord(buf: string, start: number, final: boolean): { fields: string[]; end: number } | null {
    const fields: string[] = [];
    let i = start;
    let lines = 0;
    for (;;) {
      if (buf.charCodeAt(i) === 34) {
        let value = "";
        let j = i + 1;
        for (;;) {
          const q = buf.indexOf('"', j);
          if (q < 0) return null;
          value += buf.slice(j, q);
          if (buf.charCodeAt(q + 1) === 34) {
            value += '"';
            j = q + 2;
            continue;
          }
          if (q + 1 >= buf.length && !final) return null;
          i = q + 1;
          break;
        }
        for (let k = value.indexOf("\n"); k >= 0; k = value.indexOf("\n", k + 1)) lines++;
        // Text after the closing quote up to the delimiter is kept (lenient, as spreadsheets write it).
        let k = i;
        while (k < buf.length && buf.charCodeAt(k) !== 44 && buf.charCodeAt(k) !== 10) k++;
        if (k >= buf.length) return null;
        value += buf.slice(i, k).replace(/\r$/, "");
        fields.push(value);
        i = k;
      } else {
        let k = i;
        while (k < buf.length && buf.charCodeAt(k) !== 44 && buf.charCodeAt(k) !== 10) k++;
        if (k >= buf.length) return null;
        fields.push(buf.slice(i, k).replace(/\r$/, ""));
        i = k;
      }
      if (buf.charCodeAt(i) === 44) {
        i++;
        continue;
      }
      // "\n": the record ends.
      this.lineNumber += lines + 1;
      return { fields, end: i + 1 };
    }
  }
}
