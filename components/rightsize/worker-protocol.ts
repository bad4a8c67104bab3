/** Messages between the /rightsize page and usage.worker.ts. */
import type { UsageSummary } from "@/lib/rightsize/usage";

export interface WorkerRequest {
  id: number;
  file: File;
}

export type WorkerReply =
  | { id: number; type: "progress"; phase: "reading" | "parsing"; fraction: number }
  | { id: number; type: "done"; ok: true; summary: UsageSummary; parseMs: number; bytes: number }
  | { id: number; type: "done"; ok: false; error: string; parseMs: number; bytes: number };
