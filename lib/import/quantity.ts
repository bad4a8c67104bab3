/**
 * Kubernetes resource quantities ("250m", "0.5", "512Mi", "1G", "129e6") -> numbers, by the grammar of
 * k8s.io/apimachinery/pkg/api/resource.Quantity (docs/kubernetes-import.md#quantities):
 *
 *   quantity ::= signedNumber suffix        suffix ::= binarySI | decimalExponent | decimalSI
 *   number   ::= digits | digits.digits | digits. | .digits
 *   binarySI ::= Ki | Mi | Gi | Ti | Pi | Ei    decimalSI ::= m | "" | k | M | G | T | P | E
 *   decimalExponent ::= e signedNumber | E signedNumber  (whole exponents, as Kubernetes parses them)
 *
 * A quantity keeps at most 3 decimal places and rounds up ("0.1m" is 1m): CPU is returned in whole
 * millicores, memory and storage in whole bytes. YAML numbers (`cpu: 0.5`, `memory: 129e6`) are read as the
 * same decimal. Pure; never throws.
 */

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };
/** Kubernetes cannot represent a magnitude above 2^63 - 1 (in the quantity's base unit). */
const MAX_MAGNITUDE = 2 ** 63 - 1;

const QUANTITY = /^([+-]?)(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|[eE]([+-]?\d+)|(m|k|M|G|T|P|E)?)$/;

export type QuantityOutcome = { ok: true; value: number; suffix: string } | { ok: false; message: string };

function describeGot(raw: unknown): string {
  if (typeof raw === "string") return `"${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}"`;
  if (raw === null) return "null";
  if (Array.isArray(raw)) return "a list";
  if (typeof raw === "object") return "a mapping";
  return String(raw);
}

/** Removes binary floating-point noise (0.1 * 1000 = 100.00000000000001) before rounding up. */
function ceilClean(x: number): number {
  return Math.ceil(Math.round(x * 1e6) / 1e6) + 0; // + 0 turns -0 into 0
}

/** A quantity's value in its base unit (cores, bytes), not yet rounded. */
export function parseQuantity(raw: unknown): QuantityOutcome {
  const example = "such as 250m, 0.5, 512Mi or 1Gi";
  if (typeof raw === "number") {
    if (!Number.isFinite(raw)) return { ok: false, message: `must be a finite quantity ${example}, got ${String(raw)}` };
    if (raw < 0) return { ok: false, message: `must not be negative, got ${raw}` };
    if (raw > MAX_MAGNITUDE) return { ok: false, message: `is too large (${raw}): a Kubernetes quantity is at most 2^63-1` };
    return { ok: true, value: raw, suffix: "" };
  }
  if (typeof raw !== "string") return { ok: false, message: `must be a quantity ${example}, got ${describeGot(raw)}` };
  const text = raw.trim();
  const m = QUANTITY.exec(text);
  if (!m) {
    if (text === "") return { ok: false, message: `must be a quantity ${example}, got an empty string` };
    return { ok: false, message: `must be a quantity ${example} (a number and an optional suffix m, k, M, G, Ki, Mi, Gi, ...), got ${describeGot(raw)}` };
  }
  const [, sign, digits, binary, exponent, decimal] = m;
  if (sign === "-" && Number(digits) !== 0) return { ok: false, message: `must not be negative, got ${describeGot(raw)}` };
  let multiplier: number;
  let suffix: string;
  if (binary !== undefined) {
    multiplier = BINARY[binary] as number;
    suffix = binary;
  } else if (exponent !== undefined) {
    const e = Number(exponent);
    if (e > 30) return { ok: false, message: `is too large (${describeGot(raw)}): a Kubernetes quantity is at most 2^63-1` };
    multiplier = e < -30 ? 0 : 10 ** e;
    suffix = "e";
  } else {
    suffix = decimal ?? "";
    multiplier = DECIMAL[suffix] as number;
  }
  const value = Number(digits) * multiplier;
  if (!Number.isFinite(value) || value > MAX_MAGNITUDE) return { ok: false, message: `is too large (${describeGot(raw)}): a Kubernetes quantity is at most 2^63-1` };
  return { ok: true, value, suffix };
}

/** CPU in whole millicores (1 CPU = 1 vCPU = 1000m), rounded up like Kubernetes. */
export function parseCpuMillicores(raw: unknown): { ok: true; millicores: number } | { ok: false; message: string } {
  const q = parseQuantity(raw);
  if (!q.ok) return q;
  return { ok: true, millicores: ceilClean(q.value * 1000) };
}

/**
 * Memory or storage in whole bytes, rounded up. A milli amount below 1 MiB ("500m" = half a byte) is refused: it
 * is the classic typo for Mi ("128974848000m", the documentation's own example, is fine).
 */
export function parseBytes(raw: unknown): { ok: true; bytes: number } | { ok: false; message: string } {
  const q = parseQuantity(raw);
  if (!q.ok) return q;
  if (q.suffix === "m" && q.value > 0 && q.value < 2 ** 20) {
    return { ok: false, message: `is ${describeGot(raw)}: "m" means thousandths, so that is ${q.value} bytes; write Mi for mebibytes (e.g. ${describeGot(String(raw).trim().replace(/m$/, "Mi"))})` };
  }
  return { ok: true, bytes: ceilClean(q.value) };
}

export const BYTES_PER_GIB = 2 ** 30;
