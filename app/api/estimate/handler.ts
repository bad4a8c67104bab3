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
 * under any mix of bodies; only 200 answers are kept.
 */
import type { FieldError } from "@/lib/field-errors";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { BoundedCache } from "@/lib/pipeline/bounded-cache";
import { estimateFromRaw } from "@/lib/pipeline/estimate";

export const MAX_BODY_BYTES = 256 * 1024;

export const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" };
const JSON_HEADERS = { ...HEADERS, "content-type": "application/json" };

/** At most this many remembered answers... */
export const RESULT_CACHE_ENTRIES = 2000;
/** ...holding at most this many characters of bodies and answers together (~16 MB: V8 keeps JSON one byte per character). */
export const RESULT_CACHE_CHARS = 16 * 1024 * 1024;
/** Body text -> the 200 answer's JSON text. */
export const resultCache = new BoundedCache<string>(RESULT_CACHE_ENTRIES, RESULT_CACHE_CHARS, (body, json) => body.length + json.length);

const utf8 = new TextDecoder("utf-8", { fatal: true });

export function errorResponse(status: number, errors: FieldError[]): Response {
  return Response.json({ errors }, { status, headers: HEADERS });
}

export class TooLarge extends Error {}

/** Read at most `limit` bytes; stop (and cancel the stream) as soon as more arrive. */
export async function readLimited(req: Request, limit: number = MAX_BODY_BYTES): Promise<Uint8Array> {
  if (!req.body) return new Uint8Array(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw new TooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

export function isJsonContentType(value: string | null): boolean {
  if (value === null || value.trim() === "") return true; // no content type at all: accept, the body is checked anyway
  const mime = value.split(";")[0]!.trim().toLowerCase();
  return mime === "application/json" || /^application\/[a-z0-9.+-]*\+json$/.test(mime) || mime === "text/json";
}

/**
 * The checks every JSON POST route of the API shares: content type (415), size (413), empty, UTF-8 and JSON
 * (400). Either the parsed body or the 4xx response to send.
 */
export async function readJsonBody(req: Request): Promise<{ ok: true; raw: unknown } | { ok: false; response: Response }> {
  const body = await readJsonText(req);
  return body.ok ? parseJsonText(body.text) : body;
}

/** readJsonBody's checks up to the decoded text (415, 413, empty, UTF-8), for routes that look at the text first. */
export async function readJsonText(req: Request): Promise<{ ok: true; text: string } | { ok: false; response: Response }> {
  const fail = (status: number, errors: FieldError[]) => ({ ok: false as const, response: errorResponse(status, errors) });
  if (!isJsonContentType(req.headers.get("content-type"))) {
    return fail(415, [{ path: "(headers).content-type", message: `must be application/json (got ${req.headers.get("content-type")!.slice(0, 100)})` }]);
  }
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > MAX_BODY_BYTES) {
    return fail(413, [{ path: "(body)", message: `is ${declared} bytes; the limit is ${MAX_BODY_BYTES} bytes (256 kB)` }]);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(req);
  } catch (error) {
    if (error instanceof TooLarge) return fail(413, [{ path: "(body)", message: `is larger than the limit of ${MAX_BODY_BYTES} bytes (256 kB)` }]);
    return fail(400, [{ path: "(body)", message: "could not be read" }]);
  }
  if (bytes.byteLength === 0) return fail(400, [{ path: "(body)", message: "is empty; send an EstimateInput as JSON (see /schema/estimate-input.v1.json)" }]);
  try {
    return { ok: true, text: utf8.decode(bytes) };
  } catch {
    return fail(400, [{ path: "(body)", message: "is not valid UTF-8" }]);
  }
}

/** The 400 for text that is not JSON, or the parsed value. */
export function parseJsonText(text: string): { ok: true; raw: unknown } | { ok: false; response: Response } {
  try {
    return { ok: true, raw: JSON.parse(text) };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "parse error";
    return { ok: false, response: errorResponse(400, [{ path: "(body)", message: `is not valid JSON (${detail})` }]) };
  }
}

/** A 500 that says the server failed, without internals (the input was not the problem). */
export function serverErrorResponse(route: string, error: unknown): Response {
  console.error(`${route} failed:`, error instanceof Error ? error.message : error);
  return errorResponse(500, [{ path: "(server)", message: "the estimate could not be computed because of a server error; the input was not the problem" }]);
}

export async function handleEstimate(req: Request): Promise<Response> {
  try {
    const body = await readJsonText(req);
    if (!body.ok) return body.response;
    const text = body.text;
    const known = resultCache.get(text);
    if (known !== undefined) return new Response(known, { status: 200, headers: JSON_HEADERS });
    const parsed = parseJsonText(text);
    if (!parsed.ok) return parsed.response;
    // Shape, unknown region or snapshot, catalog mismatch -> 400; a broken price file throws -> 500 below.
    const outcome = estimateFromRaw(parsed.raw, (region, catalogId) => loadRegionCatalog(region, catalogId));
    if (!outcome.ok) return errorResponse(400, outcome.errors);
    const json = JSON.stringify(outcome.result);
    resultCache.set(text, json);
    return new Response(json, { status: 200, headers: JSON_HEADERS });
  } catch (error) {
    // A server-side fault (e.g. a missing price file), not the client's input: say so without internals.
    return serverErrorResponse("POST /api/estimate", error);
  }
}
