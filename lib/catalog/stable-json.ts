/**
 * Deterministic JSON for catalog files: object keys sorted, 1-space indentation, and arrays of flat
 * objects (instance-type rows) written one element per line so diffs between snapshots stay readable.
 * Same value in, same bytes out.
 */
function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function isFlat(v: unknown): boolean {
  if (!isPlainObject(v)) return false;
  return Object.values(v).every((x) => x === null || typeof x !== "object");
}

function inline(v: unknown): string {
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${inline(v[k])}`).join(",")}}`;
  }
  if (Array.isArray(v)) return `[${v.map(inline).join(",")}]`;
  if (typeof v === "number" && !Number.isFinite(v)) throw new Error(`cannot write non-finite number ${v}`);
  return JSON.stringify(v);
}

function pretty(v: unknown, depth: number): string {
  const pad = " ".repeat(depth + 1);
  const end = " ".repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return "[]";
    if (v.every((x) => x === null || typeof x !== "object" || isFlat(x))) {
      return `[\n${v.map((x) => pad + inline(x)).join(",\n")}\n${end}]`;
    }
    return `[\n${v.map((x) => pad + pretty(x, depth + 1)).join(",\n")}\n${end}]`;
  }
  if (isPlainObject(v)) {
    const keys = Object.keys(v).filter((k) => v[k] !== undefined).sort();
    if (keys.length === 0) return "{}";
    return `{\n${keys.map((k) => `${pad}${JSON.stringify(k)}: ${pretty(v[k], depth + 1)}`).join(",\n")}\n${end}}`;
  }
  return inline(v);
}

/** Serialize with sorted keys and stable layout; ends with a newline. */
export function stableJson(value: unknown): string {
  return pretty(value, 0) + "\n";
}
