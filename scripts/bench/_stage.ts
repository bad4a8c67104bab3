import { readFileSync } from "node:fs";
import { CsvStream } from "../../lib/actual/csv-stream";
import { BillAggregator } from "../../lib/actual/aggregate";
import { detectSchema, BILL_FIELDS } from "../../lib/actual/schema";
import { tagKeysFor } from "../../lib/actual/tags";
const bytes = readFileSync("/tmp/focus-200k.csv");
const cpu = (label: string, fn: () => void) => { const c0 = process.cpuUsage(); fn(); const c = process.cpuUsage(c0); console.log(label, "cpu", Math.round((c.user + c.system) / 1000)); };
for (let r = 0; r < 3; r++) {
  let text = "";
  cpu("decode", () => { text = new TextDecoder().decode(bytes); });
  let header: string[] = [];
  cpu("csv only", () => { let first = true; const s = new CsvStream((rec) => { if (first) { first = false; header = rec.slice(); s.keepOnly([1,4,5,6,7,18,22,27,31,37,42,45,46,47]); } }); for (let i = 0; i < text.length; i += 4194304) s.push(text.slice(i, i + 4194304)); s.end(); });
  const schema = detectSchema(header, "AWS");
  if (!schema.ok) throw new Error();
  const idx = BILL_FIELDS.map((f) => { const n = schema.schema.columns[f]; return n ? header.indexOf(n) : -1; });
  cpu("csv + aggregate", () => {
    const agg = new BillAggregator(schema.schema, "us-east-1", tagKeysFor("ecs", null));
    const cells: unknown[] = new Array(BILL_FIELDS.length).fill(undefined);
    let first = true;
    const s = new CsvStream((rec, n) => { if (first) { first = false; s.keepOnly(idx.filter((i) => i >= 0)); return; } for (let i = 0; i < idx.length; i++) { const c = idx[i]!; if (c >= 0) cells[i] = rec[c]; } agg.add(cells, n); });
    for (let i = 0; i < text.length; i += 4194304) s.push(text.slice(i, i + 4194304)); s.end();
    const out = agg.finish(); if (!out.ok) throw new Error(out.error);
  });
}
import { readBill } from "../../lib/actual/read";
void (async () => {
  for (let r = 0; r < 3; r++) {
    const blob = new Blob([bytes]);
    const c0 = process.cpuUsage(); const t = performance.now();
    const out = await readBill(blob, { region: "us-east-1", tagKeys: tagKeysFor("ecs", null) });
    const c = process.cpuUsage(c0); console.log("readBill(mem blob)", "wall", Math.round(performance.now() - t), "cpu", Math.round((c.user + c.system) / 1000), out.ok);
  }
})();
