/**
 * Read one billing period of an AWS bill from a Blob (a File in the browser worker, `fs.openAsBlob` in the CLI, the
 * request body in the API): CSV or gzip CSV streamed, Parquet read row group by row group with hyparquet (pure
 * JavaScript; hyparquet-compressors' GZIP, BROTLI, ZSTD and LZ4 codecs, hyparquet's own SNAPPY, no WebAssembly, so
 * the page's Content-Security-Policy stays as it is). Never throws: every refusal is a message that says what the
 * file is and what to do.
 */
import { parquetMetadata, parquetReadObjects, type FileMetaData } from "hyparquet";
import { gunzip } from "hyparquet-compressors/src/gzip.js";
import { decompressBrotli } from "hyparquet-compressors/src/brotli.js";
import { decompressLz4, decompressLz4Raw } from "hyparquet-compressors/src/lz4.js";
import { decompress as decompressZstd } from "fzstd";
import { BillAggregator, type BillAggregate, type Cells } from "./aggregate";
import { CsvLimitError, CsvStream, CsvUtf8Error, type CsvRecord } from "./csv-stream";
import { BILL_FIELDS, detectSchema, type BillField, type BillSchema } from "./schema";
import type { TagKeys } from "./tags";

/** The largest bill read at all (browser and CLI): a month of a busy account at daily granularity fits well below. */
export const MAX_BILL_BYTES = 1024 * 1024 * 1024;
/** A gzip file may not unpack to more text than this (a gzip bomb stops here instead of running for minutes). */
export const MAX_UNPACKED_BYTES = 8 * 1024 * 1024 * 1024;
/** Parquet is read whole into memory: its limit is lower. */
export const MAX_PARQUET_BYTES = 512 * 1024 * 1024;
/** A Parquet footer may not promise more rows than this. */
export const MAX_PARQUET_ROWS = 50_000_000;

export type ReadOutcome = { ok: true; aggregate: BillAggregate } | { ok: false; error: string };

export interface ReadOptions {
  region: string;
  tagKeys: TagKeys;
  /** 0..1 of the file consumed. */
  onProgress?: (fraction: number) => void;
}

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 * 1024 ? `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The size refusal, before a byte is read. */
export function checkBillSize(size: number, limit: number = MAX_BILL_BYTES): string | null {
  if (size === 0) return "the file is empty";
  if (size > limit) {
    return `the file is ${megabytes(size)}; the limit is ${megabytes(limit)}. Export one month at daily or monthly granularity (AWS Data Exports: time granularity), or split the export, and read that`;
  }
  return null;
}

const PAR1 = [0x50, 0x41, 0x52, 0x31];
const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);

export async function readBill(blob: Blob, options: ReadOptions): Promise<ReadOutcome> {
  const size = checkBillSize(blob.size);
  if (size) return { ok: false, error: size };
  let head: Uint8Array;
  try {
    head = new Uint8Array(await blob.slice(0, 8).arrayBuffer());
  } catch (error) {
    return { ok: false, error: `the file could not be read: ${error instanceof Error ? error.message : String(error)}` };
  }
  try {
    if (startsWith(head, PAR1)) return await readParquet(blob, options);
    if (head[0] === 0x1f && head[1] === 0x8b) return await readCsv(blob, true, options);
    if (head[0] === 0x50 && head[1] === 0x4b) return { ok: false, error: "this is a zip archive: unzip it and read the CSV (or Parquet) file inside" };
    if (startsWith(head, [0x28, 0xb5, 0x2f, 0xfd])) return { ok: false, error: "this is a zstd-compressed file: decompress it first (gzip CSV, CSV and Parquet are read as they are)" };
    return await readCsv(blob, false, options);
  } catch (error) {
    // Every expected failure is handled above; this is the last guard, so a hostile file never escapes as a crash.
    return { ok: false, error: `the file could not be read: ${error instanceof Error ? error.message.slice(0, 200) : String(error)}` };
  }
}

class Stop extends Error {}

// ------------------------------------------------------------------ CSV

/**
 * The blob's bytes as its own stream gives them (plain CSV), or through a gzip DecompressionStream. The stream, not
 * slices read one after another: a slice's arrayBuffer() gathers the file's chunks into one new buffer (in Node
 * a copy of every byte and a fresh 4 MB allocation per slice, which the garbage collector then chases), and the
 * next read only starts when the last one is parsed; the stream hands over the chunks it reads as they come.
 */
function byteSource(blob: Blob, gzip: boolean, onConsumed: (bytes: number) => void): { read: () => Promise<ReadableStreamReadResult<Uint8Array>>; cancel: () => Promise<void> } {
  const raw = (blob.stream() as ReadableStream<Uint8Array>).getReader();
  let consumed = 0;
  // One read always waits at the stream while a chunk is parsed: a blob's stream reads on only while someone waits
  // (Node's reads one chunk ahead of a waiting read, then stops until the next read), so without it every other
  // chunk would be read only after the one before was parsed.
  let ahead: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;
  const nextRaw = async (): Promise<ReadableStreamReadResult<Uint8Array>> => {
    const next = await (ahead ?? raw.read());
    ahead = null;
    if (!next.done) {
      ahead = raw.read();
      // A failed read is reported when it is awaited, above; until then it must not count as unhandled.
      ahead.catch(() => undefined);
      consumed += next.value.byteLength;
      onConsumed(consumed);
    }
    return next;
  };
  const cancelRaw = () => raw.cancel().catch(() => undefined);
  if (!gzip) return { read: nextRaw, cancel: cancelRaw };
  const inflate = new DecompressionStream("gzip") as unknown as TransformStream<Uint8Array, Uint8Array>;
  const writer = inflate.writable.getWriter();
  const reader = inflate.readable.getReader();
  // Feed the compressed chunks in the background; a damaged stream rejects the reader's read, which is reported.
  void (async () => {
    try {
      for (let next = await nextRaw(); !next.done; next = await nextRaw()) await writer.write(next.value);
      await writer.close();
    } catch {
      await writer.abort().catch(() => undefined);
    }
  })();
  return {
    read: () => reader.read(),
    cancel: async () => {
      await cancelRaw();
      await reader.cancel().catch(() => undefined);
    },
  };
}

const NOT_UTF8 = "this is not a text CSV file (it is not UTF-8): export the bill as CSV, gzip CSV or Parquet";
/** Read as numbers from the bytes when they are plain decimals (aggregate.ts's amount() takes numbers and text). */
const NUMERIC_FIELDS = new Set<BillField>(["quantity", "pricingQuantity", "billed", "effective", "spEffective", "riEffective"]);
/** The cells every row needs (money, period, currency, region); the aggregator asks for the rest (`add`'s `late`). */
const EARLY_SLOT = BILL_FIELDS.map((f) => ["billed", "effective", "spEffective", "riEffective", "lineType", "period", "periodEnd", "currency", "region"].includes(f));

async function readCsv(blob: Blob, gzip: boolean, options: ReadOptions): Promise<ReadOutcome> {
  let consumed = 0;
  let firstChunkBytes = 0;
  const reader = byteSource(blob, gzip, (bytes) => {
    consumed = bytes;
  });
  let header: string[] | null = null;
  let aggregator: BillAggregator | null = null;
  let refusal: string | null = null;
  // Cells of the current row: slot i of `cells` is column columnOfSlot[i] of the record (-1: the file has none);
  // the money and quantity columns are read as numbers straight from the bytes when they are plain decimals.
  const cells: Cells = new Array<unknown>(BILL_FIELDS.length).fill(undefined);
  let columnOfSlot: number[] = [];
  let numericSlot: boolean[] = [];
  /** The early slots the file has: [slot, column, numeric (1/0)] triples, read for every row. */
  let early = new Int32Array(0);
  const csv = new CsvStream((record, n) => {
    if (header === null) {
      header = Array.from({ length: record.count }, (_, i) => (i === 0 ? record.text(i).replace(/^\uFEFF/, "") : record.text(i)).trim());
      return;
    }
    if (record.count === 1 && record.text(0) === "") return;
    if (aggregator === null) {
      const providerAt = header.findIndex((h) => h === "ProviderName" || h === "ServiceProviderName");
      const schema = detectSchema(header, providerAt >= 0 ? record.text(providerAt) : undefined);
      if (!schema.ok) {
        refusal = schema.error;
        throw new Stop();
      }
      const index = columnIndex(schema.schema, header);
      // The provider was read once, above, to tell the bill's cloud; the aggregator never reads it.
      columnOfSlot = BILL_FIELDS.map((f) => (f === "provider" ? -1 : (index[f] ?? -1)));
      numericSlot = BILL_FIELDS.map((f) => NUMERIC_FIELDS.has(f));
      early = Int32Array.from(BILL_FIELDS.flatMap((_, i) => (EARLY_SLOT[i] && columnOfSlot[i]! >= 0 ? [i, columnOfSlot[i]!, numericSlot[i] ? 1 : 0] : [])));
      aggregator = new BillAggregator(schema.schema, options.region, options.tagKeys);
    }
    for (let j = 0; j < early.length; j += 3) cells[early[j]!] = early[j + 2] === 1 ? record.numberOrText(early[j + 1]!) : record.text(early[j + 1]!);
    current = record;
    aggregator.add(cells, n - 1, lateCell);
  });
  // The other cells of the current record, decoded only when the aggregator gets to them.
  let current: CsvRecord | null = null;
  const lateCell = (slot: number): unknown => {
    const c = columnOfSlot[slot]!;
    if (c < 0 || current === null) return undefined;
    return numericSlot[slot] ? current.numberOrText(c) : current.text(c);
  };
  let unpacked = 0;
  let first = true;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        return { ok: false, error: gzip ? "the gzip file is truncated or damaged: it ends before its data does" : "the file could not be read to the end" };
      }
      if (next.done) break;
      unpacked += next.value.byteLength;
      if (unpacked > MAX_UNPACKED_BYTES) {
        await reader.cancel().catch(() => undefined);
        return { ok: false, error: `the gzip file unpacks to more than ${megabytes(MAX_UNPACKED_BYTES)}: export one month at daily or monthly granularity` };
      }
      if (first) {
        first = false;
        // The first bytes decide what the file is: not UTF-8 text, or binary (NULs) -> a message, not rows.
        let head: string;
        try {
          head = new TextDecoder("utf-8", { fatal: true }).decode(next.value.subarray(0, 4096), { stream: true });
        } catch {
          await reader.cancel().catch(() => undefined);
          return { ok: false, error: NOT_UTF8 };
        }
        if (head.includes("\u0000")) {
          await reader.cancel().catch(() => undefined);
          return { ok: false, error: "this is a binary file, not a CSV, gzip CSV or Parquet bill export" };
        }
        firstChunkBytes = next.value.byteLength;
      }
      csv.push(next.value);
      options.onProgress?.(Math.min(1, consumed / blob.size));
    }
    csv.end();
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    if (error instanceof Stop) return { ok: false, error: refusal ?? "the file is not a bill export" };
    if (error instanceof CsvLimitError) return { ok: false, error: error.message };
    if (error instanceof CsvUtf8Error) return { ok: false, error: unpacked <= firstChunkBytes ? NOT_UTF8 : `the file stops being UTF-8 text part-way through (record ${error.record}, counting the header as 1): it is damaged` };
    throw error;
  }
  if (header === null) return { ok: false, error: "the file has no rows at all" };
  if (aggregator === null) {
    const schema = detectSchema(header);
    return { ok: false, error: schema.ok ? "the file has a header but no rows" : schema.error };
  }
  options.onProgress?.(1);
  return (aggregator as BillAggregator).finish();
}

function columnIndex(schema: BillSchema, header: string[]): Partial<Record<BillField, number>> {
  const out: Partial<Record<BillField, number>> = {};
  for (const [field, name] of Object.entries(schema.columns) as [BillField, string][]) {
    const i = header.indexOf(name);
    if (i >= 0) out[field] = i;
  }
  return out;
}

// ------------------------------------------------------------------ Parquet

const COMPRESSORS = {
  GZIP: (input: Uint8Array, length: number) => gunzip(input, new Uint8Array(length)),
  BROTLI: decompressBrotli,
  ZSTD: (input: Uint8Array) => decompressZstd(input),
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

async function readParquet(blob: Blob, options: ReadOptions): Promise<ReadOutcome> {
  if (blob.size > MAX_PARQUET_BYTES) {
    return { ok: false, error: `the Parquet file is ${megabytes(blob.size)}; Parquet is read whole, up to ${megabytes(MAX_PARQUET_BYTES)}: export one month at daily granularity, or as gzip CSV (streamed, up to ${megabytes(MAX_BILL_BYTES)})` };
  }
  if (blob.size < 12) return { ok: false, error: "the Parquet file is truncated: it is shorter than a Parquet header and footer" };
  const buffer = await blob.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (!startsWith(bytes.subarray(bytes.length - 4), PAR1)) {
    return { ok: false, error: "the Parquet file is truncated: it does not end with the Parquet footer (PAR1). Download it again" };
  }
  let metadata: FileMetaData;
  try {
    metadata = parquetMetadata(buffer);
  } catch {
    return { ok: false, error: "the Parquet file is damaged: its footer (the schema and row groups) cannot be read. Download it again" };
  }
  const rows = Number(metadata.num_rows);
  if (!Number.isFinite(rows) || rows < 0 || rows > MAX_PARQUET_ROWS) {
    return { ok: false, error: `the Parquet footer promises ${String(metadata.num_rows)} rows (at most ${MAX_PARQUET_ROWS.toLocaleString("en-US")}): the file is damaged or not one month` };
  }
  const header = metadata.schema.slice(1).filter((e) => e.num_children === undefined || e.num_children === 0 || e.converted_type === "MAP" || e.logical_type?.type === "MAP").map((e) => e.name);
  // Top-level column names (a map column's name is its group's).
  const topLevel = topLevelNames(metadata);
  let firstProvider: string | undefined;
  const providerColumn = topLevel.find((h) => h === "ProviderName" || h === "ServiceProviderName");
  if (providerColumn && rows > 0) {
    try {
      const first = await parquetReadObjects({ file: buffer, metadata, columns: [providerColumn], rowStart: 0, rowEnd: 1, compressors: COMPRESSORS });
      const v = first[0]?.[providerColumn];
      firstProvider = typeof v === "string" ? v : undefined;
    } catch {
      // reported below when the rows are read
    }
  }
  const schema = detectSchema(topLevel.length > 0 ? topLevel : header, firstProvider);
  if (!schema.ok) return schema;
  const columns = [...new Set(Object.values(schema.schema.columns))];
  const aggregator = new BillAggregator(schema.schema, options.region, options.tagKeys);
  const names = BILL_FIELDS.map((f) => schema.schema.columns[f]);
  const cells: Cells = new Array<unknown>(BILL_FIELDS.length).fill(undefined);
  let start = 0;
  let n = 0;
  for (const group of metadata.row_groups) {
    const end = start + Number(group.num_rows);
    let objects: Record<string, unknown>[];
    try {
      objects = await parquetReadObjects({ file: buffer, metadata, columns, rowStart: start, rowEnd: end, compressors: COMPRESSORS });
    } catch (error) {
      return { ok: false, error: `the Parquet file is damaged: rows ${start + 1}-${end} cannot be read${error instanceof Error && /^[\w ,.:'"()-]{1,120}$/.test(error.message) && !/undefined|null/.test(error.message) ? ` (${error.message})` : ""}. Download it again` };
    }
    for (const o of objects) {
      for (let i = 0; i < names.length; i++) {
        const name = names[i];
        if (name !== undefined) cells[i] = o[name];
      }
      aggregator.add(cells, ++n);
    }
    start = end;
    options.onProgress?.(rows === 0 ? 1 : Math.min(1, start / rows));
  }
  return aggregator.finish();
}

function topLevelNames(metadata: FileMetaData): string[] {
  const out: string[] = [];
  const schema = metadata.schema;
  const root = schema[0];
  let i = 1;
  const skip = (index: number): number => {
    const children = schema[index]?.num_children ?? 0;
    let next = index + 1;
    for (let c = 0; c < children; c++) next = skip(next);
    return next;
  };
  for (let c = 0; c < (root?.num_children ?? 0) && i < schema.length; c++) {
    out.push(schema[i]!.name);
    i = skip(i);
  }
  return out;
}
