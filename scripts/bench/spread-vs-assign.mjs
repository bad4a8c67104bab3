/**
 * Why lib/engine/extend.ts exists: `{ ...line, note }` where `line` has no `note` vs Object.assign({}, line, { note }),
 * on cost-line-shaped objects (half with a note, half without). `node scripts/bench/spread-vs-assign.mjs`; prints µs
 * per copy, each way twice (the first round includes warm-up).
 */
function rateLine(note, i) {
  const line = { service: `s${i & 7}`, component: "vcpu", label: "L", quantity: i, unit: "u", rateUSD: 2, usd: 2, usageType: "x", asOf: "2025-10-27", derived: false };
  if (note) line.note = note;
  return line;
}
const spread = (l) => ({ ...l, note: l.note ? `share. ${l.note}` : "share" });
const assign = (l) => Object.assign({}, l, { note: l.note ? `share. ${l.note}` : "share" });
const lines = [];
for (let i = 0; i < 1000; i++) lines.push(rateLine(i % 2 ? "n" : "", i));
let sink = 0;
for (const [name, f] of [["spread", spread], ["assign", assign], ["spread", spread], ["assign", assign]]) {
  const t = performance.now();
  for (let r = 0; r < 300; r++) for (const l of lines) sink += f(l).usd;
  console.log(`${name.padEnd(7)} ${(((performance.now() - t) * 1000) / (300 * lines.length)).toFixed(3)} µs per copy`);
}
if (sink < 0) console.log(sink);
