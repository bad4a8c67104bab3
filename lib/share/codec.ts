/**
 * Share links: the whole EstimateInput (with its catalog id) travels in the page URL as
 * `?s=v1.<lz-string>` so that opening the link reproduces the same numbers forever.
 * Decoding never throws: every failure is a message a banner can show.
 */
import LZString from "lz-string";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw, type FieldError } from "../schemas/estimate";

export { SHARE_PARAM, shareTokenFromSearch } from "./codec-url";
import { SHARE_PARAM } from "./codec-url";
export const SHARE_VERSION_PREFIX = "v1.";
/**
 * 100 varied services (the schema's maximum) compress to about 6,900 characters, so 12,000 leaves room.
 * It also stays below Node's 16 kB request-header limit: a longer ?s= link would be refused by the HTTP
 * server (431) before this app could explain it. Bounding the input also bounds lz-string's worst-case
 * decompression work.
 */
export const MAX_SHARE_TOKEN_CHARS = 12_000;
const MAX_DECOMPRESSED_CHARS = 512_000;

/** Why a link was refused, for tests and telemetry-free UI wording. */
export type ShareProblemKind = "oversized" | "malformed" | "wrong-version" | "tampered" | "truncated" | "invalid";

export type ShareDecodeOutcome =
  | { ok: true; input: EstimateInput }
  | { ok: false; kind: ShareProblemKind; problem: string; errors: FieldError[] };

export function encodeShareToken(input: EstimateInput | EstimateInputRaw): string {
  return SHARE_VERSION_PREFIX + LZString.compressToEncodedURIComponent(JSON.stringify(input));
}

export function decodeShareToken(token: string): ShareDecodeOutcome {
  const fail = (kind: ShareProblemKind, problem: string, errors: FieldError[] = []): ShareDecodeOutcome => ({ ok: false, kind, problem, errors });
  if (typeof token !== "string" || token.length === 0) return fail("malformed", "The share link is empty.");
  if (token.length > MAX_SHARE_TOKEN_CHARS) return fail("oversized", `The share link is too long (${token.length} characters; at most ${MAX_SHARE_TOKEN_CHARS}).`);
  const versionMatch = /^v(\d+)\./.exec(token);
  if (!versionMatch) return fail("malformed", "The share link is not in a format this app knows (it should start with v1.).");
  if (versionMatch[1] !== "1") return fail("wrong-version", `The share link has version ${versionMatch[1]}; this app reads version 1.`);
  const body = token.slice(SHARE_VERSION_PREFIX.length);
  if (!/^[A-Za-z0-9+\-$]*$/.test(body)) return fail("tampered", "The share link contains characters a share link never has; it may have been altered.");
  let json: string | null;
  try {
    json = LZString.decompressFromEncodedURIComponent(body);
  } catch {
    json = null;
  }
  if (!json) return fail("truncated", "The share link is damaged or truncated: it could not be decompressed.");
  if (json.length > MAX_DECOMPRESSED_CHARS) return fail("oversized", "The share link expands to more data than any estimate needs.");
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return fail("truncated", "The share link is damaged or truncated: its content is not valid JSON.");
  }
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) return fail("invalid", "The share link does not hold a valid estimate.", parsed.errors);
  return { ok: true, input: parsed.value };
}

export function shareUrl(origin: string, pathname: string, input: EstimateInput | EstimateInputRaw): string {
  return `${origin}${pathname}?${SHARE_PARAM}=${encodeShareToken(input)}`;
}

