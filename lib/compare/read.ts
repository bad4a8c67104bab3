/**
 * One side of a comparison, read from whatever a user has at hand: a share link (the whole URL or just its
 * `v1.` token), a JSON export (an EstimateResult), or a bare EstimateInput. Never throws; a file that cannot
 * be compared (a CSV export holds no input) says so and what to use instead.
 */
import { parseImportedEstimate, MAX_IMPORT_BYTES } from "../export/import";
import type { FieldError } from "../field-errors";
import { EstimateResultSchema, type EstimateInput, type EstimateResult } from "../schemas/estimate";
import { decodeShareToken } from "../share/codec";

export type CompareSideKind = "share-link" | "export" | "input";

export interface CompareSide {
  kind: CompareSideKind;
  input: EstimateInput;
  /** An export's own numbers: used when its price snapshot is not bundled here (it cannot be re-priced). */
  storedResult: EstimateResult | null;
}

export type CompareSideOutcome = { ok: true; side: CompareSide } | { ok: false; errors: FieldError[] };

const SHARE_IN_URL = /[?&]s=([^&#\s]+)/;

function prefixErrors(errors: FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ path: e.path === "(root)" || e.path === "(file)" ? prefix : `${prefix}.${e.path}`, message: e.message }));
}

/** The share token in a pasted link or token; null when the text is neither. */
export function shareTokenFromText(text: string): string | null {
  const trimmed = text.trim();
  if (/^v\d+\./.test(trimmed) && !/\s/.test(trimmed)) return trimmed;
  const inUrl = SHARE_IN_URL.exec(trimmed);
  if (inUrl && /^(https?:\/\/|\/|\?)/.test(trimmed)) {
    let token = inUrl[1] as string;
    try {
      token = decodeURIComponent(token);
    } catch {
      // a malformed %-escape: keep the raw text, the decoder explains what is wrong with it
    }
    // URLSearchParams turns "+" into a space; lz-string's URI alphabet uses "+".
    return token.replace(/ /g, "+");
  }
  return null;
}

/**
 * Read one side. `label` names it in error paths ("old", "new"): `old: The share link is damaged...`,
 * `new.services[0].vcpu: must be <= 192`.
 */
export function readCompareSide(text: string, label: string): CompareSideOutcome {
  if (typeof text !== "string" || text.trim() === "") {
    return { ok: false, errors: [{ path: label, message: "is empty: paste a share link, or give a JSON export or an estimate input" }] };
  }
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: label, message: `is too large (${text.length} characters; at most ${MAX_IMPORT_BYTES})` }] };
  }
  const token = shareTokenFromText(text);
  if (token !== null) {
    const decoded = decodeShareToken(token);
    if (!decoded.ok) {
      const details = decoded.errors.length > 0 ? prefixErrors(decoded.errors, label) : [];
      return { ok: false, errors: [{ path: label, message: decoded.problem }, ...details] };
    }
    return { ok: true, side: { kind: "share-link", input: decoded.input, storedResult: null } };
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.trimStart().split(/\r?\n/, 1)[0] ?? "";
  if (/^(option,service,component|"?BilledCost"?,|.*\bListCost\b.*,)/.test(firstLine)) {
    return {
      ok: false,
      errors: [{ path: label, message: "is a CSV export, which holds the cost lines but not the input: compare the JSON export or the share link instead" }],
    };
  }
  if (!/^\s*[{[]/.test(body)) {
    return {
      ok: false,
      errors: [{ path: label, message: "is neither a share link (…/?s=v1.…) nor JSON (an export or an estimate input)" }],
    };
  }
  const parsed = parseImportedEstimate(body);
  if (!parsed.ok) return { ok: false, errors: prefixErrors(parsed.errors, label) };
  let storedResult: EstimateResult | null = null;
  if (parsed.kind === "result") {
    const full = EstimateResultSchema.safeParse(JSON.parse(body));
    storedResult = full.success ? full.data : null;
  }
  return { ok: true, side: { kind: parsed.kind === "result" ? "export" : "input", input: parsed.input, storedResult } };
}

/** A side from an already-parsed JSON value (POST /api/compare): a share link string, an export or an input. */
export function readCompareSideValue(value: unknown, label: string): CompareSideOutcome {
  if (typeof value === "string") return readCompareSide(value, label);
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return { ok: false, errors: [{ path: label, message: "must be a share link (string), a JSON export or an estimate input (object)" }] };
  }
  let text: string;
  try {
    text = JSON.stringify(value);
  } catch {
    return { ok: false, errors: [{ path: label, message: "could not be read as JSON" }] };
  }
  return readCompareSide(text, label);
}
