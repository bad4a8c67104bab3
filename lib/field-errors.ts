/**
 * The one error shape and path format of the app: `{ path: "services[0].vcpu", message: "must be <= 192" }`,
 * the same in the form, POST /api/estimate, both CLIs, share links, imported files and price files.
 * No imports: usable from the page's first-load JavaScript and from lib/catalog.
 */
export interface FieldError {
  path: string;
  /** What kind of problem (FIELD_ERROR_CODES); the API sets it on every error it answers with. */
  code?: FieldErrorCode;
  message: string;
}

/**
 * The kinds of field error the API names in `code` beside each message (README, "API"):
 * - "invalid": a value breaks a rule of the input or the price catalog (the schema's and the engine's checks);
 * - "empty-body", "unreadable-body" (not readable, not UTF-8), "invalid-json": the body itself;
 * - "too-large" (413), "unsupported-media-type" (415);
 * - "server-error" (500: the server failed, the input was not the problem).
 */
export const FIELD_ERROR_CODES = ["invalid", "empty-body", "unreadable-body", "invalid-json", "too-large", "unsupported-media-type", "server-error"] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

/** The code of an error answered with HTTP `status` that does not name its own. */
export function fieldErrorCodeForStatus(status: number): FieldErrorCode {
  if (status === 413) return "too-large";
  if (status === 415) return "unsupported-media-type";
  if (status >= 500) return "server-error";
  return "invalid";
}

/** The errors as the API sends them: `{ path, code, message }` (code beside the message), each with its code. */
export function withFieldErrorCodes(status: number, errors: ReadonlyArray<FieldError>): FieldError[] {
  return errors.map(({ path, code, message, ...rest }) => ({ path, code: code ?? fieldErrorCodeForStatus(status), message, ...rest }));
}

/** ["services", 0, "vcpu"] -> "services[0].vcpu"; an empty path is "(root)". */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

/** `prefix` + one more key, in the same format: childPath("taskDefinition", "cpu") -> "taskDefinition.cpu". */
export function childPath(prefix: string, key: string | number): string {
  if (typeof key === "number") return `${prefix}[${key}]`;
  return prefix && prefix !== "(root)" ? `${prefix}.${key}` : key;
}

/** "  services[0].vcpu: must be <= 192" lines, for terminals (both CLIs). */
export function formatFieldErrors(errors: ReadonlyArray<FieldError>, indent = "  "): string {
  return errors.map((e) => `${indent}${e.path}: ${e.message}`).join("\n");
}

/**
 * Merge two lists: one message per path, the first list's first (e.g. "must be a number" from reading a
 * text field wins over the schema's "expected number, received NaN" for the same field).
 */
export function mergeFieldErrors(first: ReadonlyArray<FieldError>, second: ReadonlyArray<FieldError>): FieldError[] {
  const seen = new Set(first.map((e) => e.path));
  return [...first, ...second.filter((e) => !seen.has(e.path))];
}
