/**
 * Where POST /api/estimate computes a new answer: on worker threads when the server has cores to spare, so the
 * request thread only reads bodies and writes answers (the framework's own ~1 ms per request) while the engine
 * runs beside it, and several estimates run at once on a machine with several cores
 * (docs/performance.md#worker-threads). The answer is the same bytes either way: the same function
 * (./answer.ts) runs on the worker or here.
 *
 * Workers run only in the Next.js server (the bundler makes ./estimate-worker.ts a script of its own); tests, the
 * CLIs and the in-process benchmarks compute on their own thread. `ESTIMATE_WORKERS` sets how many (0 = none);
 * the default is one per core beyond the first, at most 4. A worker that fails is replaced; its pending bodies
 * are computed on the request thread, so a client never sees the failure; after 3 failures the server stops
 * using workers.
 */
import os from "node:os";
import { Worker } from "node:worker_threads";
import { computeEstimateAnswer, type EstimateAnswer } from "./answer";

/** At most this many workers (more cores than this serve other requests). */
export const MAX_ESTIMATE_WORKERS = 4;
const MAX_WORKER_FAILURES = 3;

/** How many workers: `ESTIMATE_WORKERS` when it is a whole number, else one per core beyond the first (at most 4). */
export function estimateWorkerCount(setting: string | undefined, cores: number): number {
  if (setting !== undefined && /^\s*\d+\s*$/.test(setting)) return Math.min(MAX_ESTIMATE_WORKERS, Number(setting));
  return Math.max(0, Math.min(MAX_ESTIMATE_WORKERS, cores - 1));
}

interface Job {
  text: string;
  resolve: (answer: EstimateAnswer) => void;
}

interface Lane {
  worker: Worker;
  jobs: Map<number, Job>;
  dead: boolean;
}

const lanes: Lane[] = [];
let nextJob = 0;
let failures = 0;
let wanted: number | null = null;

function startLane(): Lane | null {
  let worker: Worker;
  try {
    worker = new Worker(new URL("./estimate-worker.ts", import.meta.url));
  } catch (error) {
    failures++;
    console.error("POST /api/estimate: no worker thread, computing on the request thread:", error instanceof Error ? error.message : error);
    return null;
  }
  worker.unref();
  const lane: Lane = { worker, jobs: new Map(), dead: false };
  worker.on("message", (message: { id: number; answer: EstimateAnswer }) => {
    const job = lane.jobs.get(message.id);
    if (!job) return;
    lane.jobs.delete(message.id);
    job.resolve(message.answer);
  });
  const retire = (why: string) => {
    if (lane.dead) return;
    lane.dead = true;
    failures++;
    lanes.splice(lanes.indexOf(lane), 1);
    console.error(`POST /api/estimate: a worker thread ${why}; its ${lane.jobs.size} pending answers are computed on the request thread`);
    for (const job of lane.jobs.values()) job.resolve(computeEstimateAnswer(job.text));
    lane.jobs.clear();
  };
  worker.on("error", (error) => retire(`failed (${error.message})`));
  worker.on("exit", (code) => retire(`exited with code ${code}`));
  return lane;
}

/** The least busy worker, starting the missing ones; null when this process computes on its own thread. */
function laneFor(): Lane | null {
  if (process.env.NEXT_RUNTIME !== "nodejs" || failures >= MAX_WORKER_FAILURES) return null;
  wanted ??= estimateWorkerCount(process.env.ESTIMATE_WORKERS, os.availableParallelism());
  while (lanes.length < wanted && failures < MAX_WORKER_FAILURES) {
    const lane = startLane();
    if (!lane) break;
    lanes.push(lane);
  }
  let best: Lane | null = null;
  for (const lane of lanes) if (!best || lane.jobs.size < best.jobs.size) best = lane;
  return best;
}

/** The answer to a body not in the answer cache: on a worker thread when there is one, else on this thread. */
export function computeAnswer(text: string): Promise<EstimateAnswer> | EstimateAnswer {
  const lane = laneFor();
  if (!lane) return computeEstimateAnswer(text);
  const id = ++nextJob;
  return new Promise((resolve) => {
    lane.jobs.set(id, { text, resolve });
    lane.worker.postMessage({ id, text });
  });
}
