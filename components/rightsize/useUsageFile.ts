"use client";
/**
 * A utilization file analysed in a Web Worker (./usage.worker.ts): the page stays responsive and nothing is
 * uploaded. A newer file cancels the previous one; `cancel()` stops the current one (the worker is terminated,
 * so a long parse stops at once). `onDone` runs once per file with its summary.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import { checkUsageFileSize, type UsageSummary } from "@/lib/rightsize/usage";
import type { WorkerReply } from "./worker-protocol";

export type UsageState =
  | { status: "idle" }
  | { status: "working"; fileName: string; bytes: number; phase: "reading" | "parsing"; fraction: number; startedAt: number }
  | { status: "done"; fileName: string; bytes: number; summary: UsageSummary; parseMs: number; totalMs: number }
  | { status: "error"; fileName: string; error: string }
  | { status: "cancelled"; fileName: string; fraction: number };

export function useUsageFile(onDone: (summary: UsageSummary) => void) {
  const [usage, setUsage] = useState<UsageState>({ status: "idle" });
  const [elapsed, setElapsed] = useState(0);
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);
  const onDoneRef = useRef(onDone);
  useEffect(() => {
    onDoneRef.current = onDone;
  });

  const start = useCallback((file: File) => {
    workerRef.current?.terminate();
    const id = ++jobRef.current;
    const sizeProblem = checkUsageFileSize(file.size);
    if (sizeProblem) {
      setUsage({ status: "error", fileName: file.name, error: sizeProblem });
      return;
    }
    const startedAt = performance.now();
    setUsage({ status: "working", fileName: file.name, bytes: file.size, phase: "reading", fraction: 0, startedAt });
    let worker: Worker;
    try {
      worker = new Worker(new URL("./usage.worker.ts", import.meta.url));
    } catch (e) {
      setUsage({ status: "error", fileName: file.name, error: `This browser could not start a background worker: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const msg = event.data;
      if (msg.id !== jobRef.current) return;
      if (msg.type === "progress") {
        setUsage((u) => (u.status === "working" ? { ...u, phase: msg.phase, fraction: msg.fraction } : u));
        return;
      }
      worker.terminate();
      workerRef.current = null;
      if (msg.ok) {
        setUsage({ status: "done", fileName: file.name, bytes: msg.bytes, summary: msg.summary, parseMs: msg.parseMs, totalMs: performance.now() - startedAt });
        onDoneRef.current(msg.summary);
      } else setUsage({ status: "error", fileName: file.name, error: msg.error });
    };
    worker.onerror = (event) => {
      if (id !== jobRef.current) return;
      worker.terminate();
      setUsage({ status: "error", fileName: file.name, error: `The file could not be analysed: ${event.message || "the background worker failed"}` });
    };
    worker.postMessage({ id, file });
  }, []);

  const cancel = useCallback(() => {
    if (!workerRef.current) return;
    workerRef.current.terminate();
    workerRef.current = null;
    jobRef.current++; // a reply already queued from the terminated worker is ignored
    setUsage((u) => (u.status === "working" ? { status: "cancelled", fileName: u.fileName, fraction: u.fraction } : u));
  }, []);

  useEffect(() => () => workerRef.current?.terminate(), []);

  // A visible clock while the worker runs (the page stays responsive, which this proves too).
  useEffect(() => {
    if (usage.status !== "working") return;
    const t = window.setInterval(() => setElapsed(performance.now() - usage.startedAt), 100);
    return () => window.clearInterval(t);
  }, [usage]);

  return { usage, elapsed, start, cancel };
}
