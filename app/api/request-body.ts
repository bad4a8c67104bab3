/**
 * Reading a request body for the routes that take more than an EstimateInput (compare, FOCUS export, IaC
 * import), with the same rules and messages as POST /api/estimate (./estimate/handler.ts): a size limit
 * (413, by Content-Length and by the bytes actually read), a content type (415), UTF-8, JSON (400).
 */
import type { FieldError } from "@/lib/field-errors";
import { errorResponse, isJsonContentType, readLimited, TooLarge } from "./estimate/handler";

export type BodyOutcome<T> = { ok: true; value: T } | { ok: false; response: Response };

const fail = (status: number, errors: FieldError[]): { ok: false; response: Response } => ({ ok: false, response: errorResponse(status, errors) });

/** The body as text. `accept` decides which content types are allowed (415 otherwise). */
export async function readBodyText(req: Request, limit: number, accept: (contentType: string | null) => boolean, what: string): Promise<BodyOutcome<string>> {
  const contentType = req.headers.get("content-type");
  if (!accept(contentType)) {
    return fail(415, [{ path: "(headers).content-type", message: `must be ${what} (got ${(contentType ?? "").slice(0, 100)})` }]);
  }
  const declared = req.headers.get("content-length");
  if (declared !== null && /^\d+$/.test(declared.trim()) && Number(declared) > limit) {
    return fail(413, [{ path: "(body)", message: `is ${declared} bytes; the limit is ${limit} bytes` }]);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(req, limit);
  } catch (error) {
    if (error instanceof TooLarge) return fail(413, [{ path: "(body)", message: `is larger than the limit of ${limit} bytes` }]);
    return fail(400, [{ path: "(body)", message: "could not be read" }]);
  }
  if (bytes.byteLength === 0) return fail(400, [{ path: "(body)", message: "is empty" }]);
  try {
    return { ok: true, value: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    return fail(400, [{ path: "(body)", message: "is not valid UTF-8" }]);
  }
}

/** The body as parsed JSON (application/json or +json, or no content type). */
export async function readJsonBody(req: Request, limit: number): Promise<BodyOutcome<unknown>> {
  const text = await readBodyText(req, limit, isJsonContentType, "application/json");
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message.slice(0, 200) : "parse error";
    return fail(400, [{ path: "(body)", message: `is not valid JSON (${detail})` }]);
  }
}

export { errorResponse };
