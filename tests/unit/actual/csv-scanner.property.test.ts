/**
 * The byte-level CSV scanner (lib/actual/csv-stream.ts) against a straightforward reference parser (papaparse, on
 * the decoded text): random RFC 4180 files with quoted fields holding commas, doubled quotes, LF and CRLF, empty
 * fields, spreadsheet-formula cells (=, +, -, @), non-ASCII text, LF or CRLF line ends, an optional byte order
 * mark and an optional last line end, fed in random byte chunks (splitting CRLF pairs, quotes and multi-byte
 * characters) -> the same rows, field for field. And plain decimals read from the bytes equal Number() exactly.
 */
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { CsvStream, CsvUtf8Error } from "@/lib/actual/csv-stream";

const enc = new TextEncoder();

/** Characters of an unquoted cell (no comma, quote, CR or LF) and of a quoted cell (anything). */
const plainChar = fc.constantFrom("a", "Z", "0", "9", ".", "-", "_", ":", "{", "}", " ", "\t", "=", "+", "@", "é", "日", "€", "😀");
const anyChar = fc.constantFrom("a", "1", ",", '"', "\n", "\r\n", "\r", " ", "=", "é", "😀", "{", ":");

const plainCell = fc.array(plainChar, { maxLength: 12 }).map((cs) => cs.join(""));
const formulaCell = fc.tuple(fc.constantFrom("=", "+", "-", "@"), plainCell).map(([a, b]) => `${a}${b}`.replace(/[\r\n,"]/g, ""));
const quotedCell = fc.array(anyChar, { maxLength: 12 }).map((cs) => cs.join(""));

type Cell = { value: string; quote: boolean };
const cell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: plainCell.map((value) => ({ value, quote: false })) },
  { weight: 1, arbitrary: formulaCell.map((value) => ({ value, quote: false })) },
  { weight: 3, arbitrary: quotedCell.map((value) => ({ value, quote: true })) },
  { weight: 1, arbitrary: fc.constant({ value: "", quote: false }) },
);

const csvFile = fc.record({
  // At least two fields a row: a one-field row of "" is a blank line, which the scanner skips by design.
  rows: fc.array(fc.array(cell, { minLength: 2, maxLength: 7 }), { minLength: 1, maxLength: 25 }),
  newline: fc.constantFrom("\n", "\r\n"),
  bom: fc.boolean(),
  finalNewline: fc.boolean(),
  cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
});

function render(c: Cell): string {
  return c.quote ? `"${c.value.replace(/"/g, '""')}"` : c.value;
}

/** `shifts[i]` (0..3): chunk i is pushed as a view that starts that many bytes into a larger buffer, so the scanner's
 * 4-byte word reads meet every alignment of the chunk's first byte. */
function scan(bytes: Uint8Array, cuts: number[], shifts: number[] = []): string[][] {
  const rows: string[][] = [];
  const csv = new CsvStream((record) => {
    rows.push(Array.from({ length: record.count }, (_, k) => record.text(k)));
  });
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  let from = 0;
  let chunk = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) {
      const shift = shifts[chunk++ % Math.max(1, shifts.length)] ?? 0;
      // Bytes around the view hold commas, quotes and line feeds: a read outside the view would show in the rows.
      const host = new Uint8Array(shift + (to - from) + 5).fill(0x2c);
      host[0] = 0x22;
      host[host.length - 1] = 0x0a;
      host.set(bytes.subarray(from, to), shift);
      csv.push(host.subarray(shift, shift + (to - from)));
    }
    from = Math.max(from, to);
  }
  csv.end();
  return rows;
}

describe("byte-level CSV scanner vs papaparse", () => {
  it("gives the same rows on random RFC 4180 files, whatever the chunking", () => {
    fc.assert(
      fc.property(csvFile, ({ rows, newline, bom, finalNewline, cuts }) => {
        const text = rows.map((r) => r.map(render).join(",")).join(newline) + (finalNewline ? newline : "");
        const expected = Papa.parse<string[]>(text, { delimiter: ",", newline, quoteChar: "\"", skipEmptyLines: false }).data.filter((r) => !(r.length === 1 && r[0] === ""));
        // The writer's own view, too: papaparse must agree with the cells as generated.
        expect(expected).toEqual(rows.map((r) => r.map((c) => c.value)));
        const bytes = enc.encode((bom ? "\uFEFF" : "") + text);
        expect(scan(bytes, cuts)).toEqual(expected);
      }),
      { numRuns: 400, seed: 24 },
    );
  });

  it("gives the same rows whatever the alignment of each chunk in memory, with long cells and punctuation below ','", () => {
    // Long unquoted cells span several 4-byte words; the punctuation below 0x2D (space, !, #, $, %, &, ', (, ), *,
    // +, tab) is what the word test stops at without being a delimiter.
    const punct = fc.constantFrom(" ", "!", "#", "$", "%", "&", "'", "(", ")", "*", "+", "\t", "-", "a", "b", "7", "é", "€");
    const longCell = fc.array(punct, { maxLength: 40 }).map((cs) => cs.join(""));
    const longQuoted = fc.array(fc.oneof(punct, anyChar), { maxLength: 40 }).map((cs) => cs.join(""));
    const wide: fc.Arbitrary<Cell> = fc.oneof(
      { weight: 4, arbitrary: longCell.map((value) => ({ value, quote: false })) },
      { weight: 2, arbitrary: longQuoted.map((value) => ({ value, quote: true })) },
      { weight: 1, arbitrary: fc.constant({ value: "", quote: false }) },
    );
    const file = fc.record({
      rows: fc.array(fc.array(wide, { minLength: 2, maxLength: 9 }), { minLength: 1, maxLength: 20 }),
      newline: fc.constantFrom("\n", "\r\n"),
      bom: fc.boolean(),
      cuts: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 8 }),
      shifts: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 9 }),
    });
    fc.assert(
      fc.property(file, ({ rows, newline, bom, cuts, shifts }) => {
        const text = rows.map((r) => r.map(render).join(",")).join(newline) + newline;
        const expected = rows.map((r) => r.map((c) => c.value)).filter((r) => !(r.length === 1 && r[0] === ""));
        const bytes = enc.encode((bom ? "\uFEFF" : "") + text);
        expect(scan(bytes, cuts, shifts)).toEqual(expected);
      }),
      { numRuns: 600, seed: 2424 },
    );
  });

  it("reads a plain decimal from the bytes exactly as Number() reads its text", () => {
    const decimal = fc
      .tuple(fc.boolean(), fc.array(fc.constantFrom(..."0123456789"), { minLength: 1, maxLength: 17 }), fc.integer({ min: -1, max: 17 }))
      .map(([neg, digits, dot]) => `${neg ? "-" : ""}${dot < 0 || dot > digits.length ? digits.join("") : `${digits.slice(0, dot).join("")}.${digits.slice(dot).join("")}`}`);
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 10 }), (cells) => {
        const got: Array<number | string> = [];
        const csv = new CsvStream((record) => {
          for (let k = 0; k < record.count; k++) got.push(record.numberOrText(k));
        });
        csv.push(enc.encode(cells.join(",") + "\n"));
        csv.end();
        got.forEach((v, i) => {
          // More than 15 digits: the text is handed back for the caller's own reading.
          if (typeof v === "string") expect(v).toBe(cells[i]);
          else expect(Object.is(v, Number(cells[i]))).toBe(true);
        });
      }),
      { numRuns: 2000, seed: 24 },
    );
    // By hand: 0.1 + 0.2 is not 0.3, but "0.3" read from bytes is the double nearest 0.3, as Number("0.3") is.
    const one: Array<number | string> = [];
    const csv = new CsvStream((r) => one.push(r.numberOrText(0), r.numberOrText(1), r.numberOrText(2), r.numberOrText(3), r.numberOrText(4)));
    csv.push(enc.encode('0.3,-0,1e3," 2",""\n'));
    csv.end();
    expect(one[0]).toBe(0.3);
    expect(Object.is(one[1], -0)).toBe(true);
    expect(one.slice(2)).toEqual(["1e3", " 2", ""]);
  });

  it("refuses a record that is not UTF-8, wherever the bad byte is", () => {
    const csv = new CsvStream(() => undefined);
    expect(() => {
      csv.push(enc.encode("a,b\n1,2\n"));
      csv.push(new Uint8Array([0x33, 0x2c, 0xe9, 0x0a]));
    }).toThrow(CsvUtf8Error);
  });
});
