/// <reference lib="webworker" />
/**
 * Parses a utilization file off the main thread so a million samples never freeze the page.
 * The file is read here, inside the browser; nothing is sent anywhere.
 * In:  { id, file: File }
 * Out: { id, type: "progress", phase, fraction } ... then { id, type: "done", ok, summary | error, parseMs, bytes }
 */
import { analyzeUsageText, checkUsageFileSize } from "@/lib/rightsize/usage";
import type { WorkerReply, WorkerRequest } from "./worker-protocol";

const ctx = self as unknown as DedicatedWorkerGlobalScope;

ctx.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const { id, file } = event.data;
  const post = (msg: WorkerReply) => ctx.postMessage(msg);
  try {
    const sizeProblem = checkUsageFileSize(file.size);
    if (sizeProblem) return post({ id, type: "done", ok: false, error: sizeProblem, parseMs: 0, bytes: file.size });
    post({ id, type: "progress", phase: "reading", fraction: 0 });
    const text = await file.text();
    const t0 = performance.now();
    let last = 0;
    const result = analyzeUsageText(text, (fraction) => {
      const now = performance.now();
      if (now - last > 50) {
        last = now;
        post({ id, type: "progress", phase: "parsing", fraction });
      }
    });
    const parseMs = performance.now() - t0;
    if (result.ok) post({ id, type: "done", ok: true, summary: result.summary, parseMs, bytes: file.size });
    else post({ id, type: "done", ok: false, error: result.error, parseMs, bytes: file.size });
  } catch (e) {
    post({ id, type: "done", ok: false, error: `The file could not be read: ${e instanceof Error ? e.message : String(e)}`, parseMs: 0, bytes: file.size });
  }
};
