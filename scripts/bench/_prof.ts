import { openAsBlob } from "node:fs";
import { readBill, tagKeysFor } from "../../lib/actual";
import { writeMillionRowFocusCsv } from "./actual-bill";
void (async () => {
  const f = "/tmp/focus-200k.csv";
  await writeMillionRowFocusCsv(f, 200_000);
  for (let i = 0; i < 4; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const out = await readBill(await openAsBlob(f), { region: "us-east-1", tagKeys: tagKeysFor("ecs", null) });
    const c = process.cpuUsage(c0);
    console.log("wall", Math.round(performance.now() - t0), "cpu", Math.round((c.user + c.system) / 1000), out.ok ? out.aggregate.rowsRead : out.error);
  }
})();
