/** Messages between the /actual page and bill.worker.ts. */
import type { BillAggregate } from "@/lib/actual/aggregate";
import type { TagKeys } from "@/lib/actual/tags";

export interface BillWorkerRequest {
  id: number;
  file: File;
  region: string;
  tagKeys: TagKeys;
}

export type BillWorkerReply =
  | { id: number; type: "progress"; fraction: number }
  | { id: number; type: "done"; ok: true; aggregate: BillAggregate; readMs: number; bytes: number }
  | { id: number; type: "done"; ok: false; error: string; readMs: number; bytes: number };
