/**
 * What every API route shares, in one place: the response headers, the `{ errors: [{ path, code, message }] }` body of a
 * 4xx, the 500 that names no internals, and reading a request body within a size limit (413 by Content-Length and
 * by the bytes actually read), with an accepted content type (415), as UTF-8 and, for JSON routes, as JSON (400).
 * Each route states its own rules (`BodyRules`: limit, content types, what an empty body should say) and then
 * calls lib/ itself. Nothing the client sends can produce a 5xx or a stack trace.
 */
import { withFieldErrorCodes, type FieldError } from "@/lib/field-errors";

/** Answers are per request and never sniffed as another type. */
export const HEADERS = { "cache-control": "no-store", "x-content-type-options": "nosniff" } as const;
export const JSON_HEADERS = { ...HEADERS, "content-type": "application/json" } as const;

/** The limit of a JSON body that holds one EstimateInput (POST /api/estimate and the routes that take one). */
export const MAX_BODY_BYTES = 256 * 1024;

export type BodyOutcome<T> = { ok: true; value: T } | { ok: false; response: Response };

/** How a route reads its body. */
export interface BodyRules {
  /** Bytes at most (inclusive). */
  limit: number;
  /** The limit as the messages name it, e.g. "256 kB" (default: the byte count alone). */
  limitText?: string;
  /** Which Content-Type values are accepted; 415 otherwise. */
  accept: (contentType: string | null) => boolean;
  /** The accepted types in a 415's message, e.g. "application/json". */
  acceptText: string;
  /** What an empty body's 400 adds after "is empty", e.g. "send an EstimateInput as JSON". */
  emptyHint?: string;
  /** What a non-UTF-8 body's 400 adds after "is not valid UTF-8". */
  utf8Hint?: string;
}

export function errorResponse(status: number, errors: FieldError[]): Response {
  return Response.json({ errors: withFieldErrorCodes(status, errors) }, { status, headers: HEADERS });
}

export function jsonResponse(value: unknown, status = 200): Response {
  return Response.json(value, { status, headers: HEADERS });
}

/** A 500 that says the server failed, without internals (the input was not the problem); the cause goes to the log. */
export function serverErrorResponse(
  route: string,
  error: unknown,
  message = "the estimate could not be computed because of a server error; the input was not the problem",
): Response {
  console.error(`${route} failed:`, error instanceof Error ? error.message : error);
  return errorResponse(500, [{ path: "(server)", message }]);
}

/** application/json, any application/*+json, text/json, or no content type at all (the body is checked anyway). */
export function isJsonContentType(value: string | null): boolean {
  if (value === null || value.trim() === "") return true;
  const mime = value.split(";")[0]!.trim().toLowerCase();
  return mime === "application/json" || /^application\/[a-z0-9.+-]*\+json$/.test(mime) || mime === "text/json";
}

/** The rules of a body that holds one EstimateInput as JSON. */
export const ESTIMATE_JSON_BODY: BodyRules = {
  limit: MAX_BODY_BYTES,
  limitText: "256 kB",
  accept: isJsonContentType,
  acceptText: "application/json",
  emptyHint: "send an EstimateInput as JSON (see /schema/estimate-input.v1.json)",
};

export class TooLarge extends Error {}

/** Read at most `limit` bytes; stop (and cancel the stream) as soon as more arrive. */
export async function readLimited(req: Request, limit: number): Promise<Uint8Array> {
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

const utf8 = new TextDecoder("utf-8", { fatal: true });

const fail = (status: number, errors: FieldError[]): { ok: false; response: Response } => ({ ok: false, response: errorResponse(status, errors) });

/** The body as text, or the 4xx to send (415 content type, 413 size, 400 empty / unreadable / not UTF-8). */
export async function readBodyText(req: Request, rules: BodyRules): Promise<BodyOutcome<string>> {
  const contentType = req.headers.get("content-type");
  if (!rules.accept(contentType)) {
    return fail(415, [{ path: "(headers).content-type", message: `must be ${rules.acceptText} (got ${(contentType ?? "").slice(0, 100)})` }]);
  }
  const limitText = rules.limitText ? `${rules.limit} bytes (${rules.limitText})` : `${rules.limit} bytes`;
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > rules.limit) {
    return fail(413, [{ path: "(body)", message: `is ${declared} bytes; the limit is ${limitText}` }]);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(req, rules.limit);
  } catch (error) {
    if (error instanceof TooLarge) return fail(413, [{ path: "(body)", message: `is larger than the limit of ${limitText}` }]);
    return fail(400, [{ path: "(body)", code: "unreadable-body", message: "could not be read" }]);
  }
  if (bytes.byteLength === 0) return fail(400, [{ path: "(body)", code: "empty-body", message: rules.emptyHint ? `is empty; ${rules.emptyHint}` : "is empty" }]);
  try {
    return { ok: true, value: utf8.decode(bytes) };
  } catch {
    return fail(400, [{ path: "(body)", code: "unreadable-body", message: rules.utf8Hint ? `is not valid UTF-8: ${rules.utf8Hint}` : "is not valid UTF-8" }]);
  }
}

/** The parsed value, or the field error of text that is not JSON (as data: a worker thread sends it back). */
export function parseJsonValue(text: string): { ok: true; value: unknown } | { ok: false; errors: FieldError[] } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "parse error";
    return { ok: false, errors: [{ path: "(body)", code: "invalid-json", message: `is not valid JSON (${detail})` }] };
  }
}

/** The 400 for text that is not JSON, or the parsed value. */
export function parseJsonText(text: string): BodyOutcome<unknown> {
  const parsed = parseJsonValue(text);
  return parsed.ok ? parsed : fail(400, parsed.errors);
}

/** The body as parsed JSON under `rules` (default: one EstimateInput's rules). */
export async function readJsonBody(req: Request, rules: BodyRules = ESTIMATE_JSON_BODY): Promise<BodyOutcome<unknown>> {
  const text = await readBodyText(req, rules);
  return text.ok ? parseJsonText(text.value) : text;
}
