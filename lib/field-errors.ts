/**
 * The one error shape and path format of the app: `{ path: "services[0].vcpu", message: "must be <= 192" }`,
 * the same in the form, POST /api/estimate, both CLIs, share links, imported files and price files.
 * No imports: usable from the page's first-load JavaScript and from lib/catalog.
 */
export interface FieldError {
  path: string;
  message: string;
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
