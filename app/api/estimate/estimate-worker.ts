/** A worker thread of ./estimate-pool.ts: body texts in, answers out, one at a time, in order. */
import { parentPort } from "node:worker_threads";
import { computeEstimateAnswer } from "./answer";

parentPort?.on("message", (request: { id: number; text: string }) => {
  parentPort?.postMessage({ id: request.id, answer: computeEstimateAnswer(request.text) });
});
