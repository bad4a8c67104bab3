/**
 * "Import JSON": a file holding an EstimateResult (a previous export) or a bare EstimateInput.
 * Never throws; an invalid file yields every problem with its path so the form can stay as it was.
 */
import { parseEstimateInput, type EstimateInput, type FieldError } from "../schemas/estimate";

/** Far above any real export (100 services with all lines is well under 1 MB). */
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;

export type ImportOutcome =
  | { ok: true; input: EstimateInput; kind: "result" | "input" }
  | { ok: false; errors: FieldError[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A file counts as an EstimateResult when it has the result-only keys; its `input` is then what is restored. */
function looksLikeResult(value: Record<string, unknown>): boolean {
  return "input" in value && ("options" in value || "recommendation" in value || "hoursPerMonth" in value);
}

export function parseImportedEstimate(text: string): ImportOutcome {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, errors: [{ path: "(file)", message: `is too large (${text.length} characters; at most ${MAX_IMPORT_BYTES})` }] };
  }
  if (text.trim() === "") return { ok: false, errors: [{ path: "(file)", message: "is empty" }] };
  let raw: unknown;
  try {
    raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : "parse error";
    return { ok: false, errors: [{ path: "(file)", message: `is not valid JSON (${detail})` }] };
  }
  if (!isRecord(raw)) {
    return { ok: false, errors: [{ path: "(root)", message: "must be a JSON object: an estimate input or an exported estimate result" }] };
  }
  if (looksLikeResult(raw)) {
    const parsed = parseEstimateInput(raw.input);
    if (!parsed.ok) {
      return {
        ok: false,
        errors: parsed.errors.map((e) => ({ path: e.path === "(root)" ? "input" : `input.${e.path}`, message: e.message })),
      };
    }
    return { ok: true, input: parsed.value, kind: "result" };
  }
  const parsed = parseEstimateInput(raw);
  return parsed.ok ? { ok: true, input: parsed.value, kind: "input" } : { ok: false, errors: parsed.errors };
}
