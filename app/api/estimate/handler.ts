/**
 * POST /api/estimate: EstimateInput in, EstimateResult out, through the same pipeline as the pages and the CLIs
 * (lib/pipeline). Bad input always gets a 4xx with `{ errors: [{ path, message }] }`:
 * 400 invalid JSON / shape / unknown region or catalog id, 413 above 256 kB (Content-Length and the bytes
 * actually read), 415 a non-JSON content type. Nothing the client sends can produce a 5xx or a stack trace.
 *
 * Answers are memoized: an estimate is a pure function of the request body and the price snapshots bundled
 * with this server (read once per process, never changed while it runs), so the same body always gets the same
 * bytes. A repeated body (the same share link or CI budget check priced again, a client retrying) skips
 * parsing, validation, the engine and serialization. The cache is bounded (RESULT_CACHE_*), so memory stays put
 * under any mix of bodies; only 200 answers are kept, and only for a body that came before (SEEN_BODIES): a body
 * seen once is priced and forgotten, so a stream of bodies that never come back (each a new estimate) does not
 * churn the cache's tens of megabytes through the garbage collector. A new body is computed on a worker thread
 * where the server has one (./estimate-pool.ts), the same bytes as on this thread.
 */
import { BoundedCache } from "@/lib/pipeline/bounded-cache";
import { ESTIMATE_JSON_BODY, errorResponse, JSON_HEADERS, readBodyText, serverErrorResponse } from "../http";
import { computeAnswer } from "./estimate-pool";

/** At most this many remembered answers... */
export const RESULT_CACHE_ENTRIES = 2000;
/** ...holding at most this many characters of bodies and answers together (~16 MB: V8 keeps JSON one byte per character). */
export const RESULT_CACHE_CHARS = 16 * 1024 * 1024;
/** Body text -> the 200 answer's JSON text. */
export const resultCache = new BoundedCache<string>(RESULT_CACHE_ENTRIES, RESULT_CACHE_CHARS, (body, json) => body.length + json.length);
/** Bodies answered once (the text only, ~1 kB each, at most 4 MB): the second time, the answer is kept. */
export const SEEN_BODIES = 4000;
export const seenBodies = new BoundedCache<true>(SEEN_BODIES, 4 * 1024 * 1024, (body) => body.length);

export async function handleEstimate(req: Request): Promise<Response> {
  try {
    const body = await readBodyText(req, ESTIMATE_JSON_BODY);
    if (!body.ok) return body.response;
    const text = body.value;
    const known = resultCache.get(text);
    if (known !== undefined) return new Response(known, { status: 200, headers: JSON_HEADERS });
    // Not JSON, shape, unknown region or snapshot, catalog mismatch -> 400; a broken price file -> 500.
    const answer = await computeAnswer(text);
    if (answer.kind === "invalid") return errorResponse(400, answer.errors);
    if (answer.kind === "fault") return serverErrorResponse("POST /api/estimate", new Error(answer.cause));
    if (seenBodies.get(text)) resultCache.set(text, answer.json);
    else seenBodies.set(text, true);
    return new Response(answer.json, { status: 200, headers: JSON_HEADERS });
  } catch (error) {
    // A server-side fault (e.g. a missing price file), not the client's input: say so without internals.
    return serverErrorResponse("POST /api/estimate", error);
  }
}
