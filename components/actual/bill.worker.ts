/// <reference lib="webworker" />
/**
 * Reads a bill (FOCUS or CUR 2.0; CSV, gzip CSV or Parquet) off the main thread: a million rows never freeze the
 * page. The file is read here, in the browser; nothing is sent anywhere. Only the sums (a few hundred numbers)
 * go back to the page.
 * In:  { id, file, region, tagKeys }
 * Out: { id, type: "progress", fraction } ... then { id, type: "done", ok, aggregate | error, readMs, bytes }
 */
import { readBill } from "@/lib/actual/read";
import type { BillWorkerReply, BillWorkerRequest } from "./worker-protocol";

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = async (event: MessageEvent<BillWorkerRequest>) => {
  const { id, file, region, tagKeys } = event.data;
  const post = (msg: BillWorkerReply) => ctx.postMessage(msg);
  const t0 = performance.now();
  let last = 0;
  try {
    post({ id, type: "progress", fraction: 0 });
    const out = await readBill(file, {
      region,
      tagKeys,
      onProgress: (fraction) => {
        const now = performance.now();
        if (now - last > 50) {
          last = now;
          post({ id, type: "progress", fraction });
        }
      },
    });
    const readMs = performance.now() - t0;
    if (out.ok) post({ id, type: "done", ok: true, aggregate: out.aggregate, readMs, bytes: file.size });
    else post({ id, type: "done", ok: false, error: out.error, readMs, bytes: file.size });
  } catch (e) {
    post({ id, type: "done", ok: false, error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`, readMs: performance.now() - t0, bytes: file.size });
  }
};
