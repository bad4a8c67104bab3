"use client";
/**
 * A bill read in a Web Worker (./bill.worker.ts): the page stays responsive and nothing is uploaded. A newer
 * read cancels the previous one; `cancel()` stops the current one (the worker is terminated, so a long read stops
 * at once).
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkBillSize } from "@/lib/actual/read";
import type { BillAggregate } from "@/lib/actual/aggregate";
import type { TagKeys } from "@/lib/actual/tags";
import type { BillWorkerReply } from "./worker-protocol";

export type BillState =
  | { status: "idle" }
  | { status: "working"; fileName: string; bytes: number; fraction: number; startedAt: number }
  | { status: "done"; fileName: string; bytes: number; aggregate: BillAggregate; readMs: number }
  | { status: "error"; fileName: string; error: string }
  | { status: "cancelled"; fileName: string; fraction: number };

export function useBillFile() {
  const [bill, setBill] = useState<BillState>({ status: "idle" });
  const [elapsed, setElapsed] = useState(0);
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);

  const start = useCallback((file: File, region: string, tagKeys: TagKeys) => {
    workerRef.current?.terminate();
    const id = ++jobRef.current;
    const sizeProblem = checkBillSize(file.size);
    if (sizeProblem) {
      setBill({ status: "error", fileName: file.name, error: sizeProblem });
      return;
    }
    const startedAt = performance.now();
    setBill({ status: "working", fileName: file.name, bytes: file.size, fraction: 0, startedAt });
    let worker: Worker;
    try {
      worker = new Worker(new URL("./bill.worker.ts", import.meta.url));
    } catch (e) {
      setBill({ status: "error", fileName: file.name, error: `This browser could not start a background worker: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<BillWorkerReply>) => {
      const msg = event.data;
      if (msg.id !== jobRef.current) return;
      if (msg.type === "progress") {
        setBill((b) => (b.status === "working" ? { ...b, fraction: msg.fraction } : b));
        return;
      }
      worker.terminate();
      workerRef.current = null;
      if (msg.ok) setBill({ status: "done", fileName: file.name, bytes: msg.bytes, aggregate: msg.aggregate, readMs: msg.readMs });
      else setBill({ status: "error", fileName: file.name, error: msg.error });
    };
    worker.onerror = (event) => {
      if (id !== jobRef.current) return;
      worker.terminate();
      setBill({ status: "error", fileName: file.name, error: `The bill could not be read: ${event.message || "the background worker failed"}` });
    };
    worker.postMessage({ id, file, region, tagKeys });
  }, []);

  const cancel = useCallback(() => {
    if (!workerRef.current) return;
    workerRef.current.terminate();
    workerRef.current = null;
    jobRef.current++;
    setBill((b) => (b.status === "working" ? { status: "cancelled", fileName: b.fileName, fraction: b.fraction } : b));
  }, []);

  useEffect(() => () => workerRef.current?.terminate(), []);

  useEffect(() => {
    if (bill.status !== "working") return;
    const t = window.setInterval(() => setElapsed(performance.now() - bill.startedAt), 100);
    return () => window.clearInterval(t);
  }, [bill]);

  return { bill, elapsed, start, cancel };
}
