/**
 * Money: the one place that turns dollar amounts into what people read.
 *
 * The rule (docs/billing-rules.md#money-rounding):
 * - Every amount in lib/ and in the JSON contract (`usd`, `monthlyUSD`, ...) keeps full precision.
 * - Rounding happens once, at presentation, to whole cents, HALF-UP: a value exactly halfway between two
 *   cents goes away from zero (Java's RoundingMode.HALF_UP, Intl.NumberFormat's default "halfExpand"):
 *   0.125 -> 0.13, -0.125 -> -0.13. The halfway test is made on the number's exact binary value, as
 *   Intl.NumberFormat does, so text formatted here and cents computed here always agree.
 * - Parts of a displayed total (lines, services, components) are not rounded one by one: the rounded total is
 *   split across them with `allocate` (largest remainder), so the displayed parts add up to the displayed
 *   total to the cent, and each part is within one cent of its exact value.
 */

declare const centsBrand: unique symbol;

/**
 * Whole US cents, an integer (NaN only from `toCents` of a non-finite amount). A branded number: at run time a
 * plain number (the brand is type-only, no wrapper, no weight), but the compiler accepts a `Cents` only from this
 * module: `toCents` (dollars, rounded), `cents` (a whole number already in cents), `allocate`, and the arithmetic
 * below. So dollars, counts or bare literals passed where cents are expected fail type-check, and so does
 * `a + b` of cents stored back as `Cents` (use `addCents`): tests/unit/money/brand.test.ts proves it.
 * A `Cents` reads as a number anywhere (comparisons, JSON, `/ 100`); JSON fields stay plain numbers.
 */
export type Cents = number & { readonly [centsBrand]: "cents" };

/** A whole number that already is cents (a literal, a stored fixture). Anything but an integer throws. */
export function cents(n: number): Cents {
  if (!Number.isInteger(n)) throw new RangeError(`cents: must be whole cents, got ${n}`);
  return n as Cents;
}

/** HALF-UP rounding of a dollar amount to whole cents (see the module comment). Non-finite -> NaN. */
export function toCents(usd: number): Cents {
  if (!Number.isFinite(usd)) return Number.NaN as Cents;
  // Fast path: below 1e9 cents the product is within 1.2e-7 of the exact value, so when it is more than 1e-6 away
  // from a half cent, the exact value rounds to the same whole cent as the product (same answer as below).
  const scaled = usd * 100;
  const whole = Math.round(scaled);
  if (scaled < 1e9 && scaled > -1e9 && Math.abs(scaled - whole) < 0.499999) return (whole === 0 ? 0 : whole) as Cents;
  // toFixed rounds the exact binary value half away from zero, like Intl.NumberFormat; beyond 1e21 it
  // switches to exponent notation, far above any estimate.
  const cents = Number(usd.toFixed(2).replace(".", ""));
  return (cents === 0 ? 0 : cents) as Cents; // no -0
}

/** Cents back to dollars (the nearest double to the two-decimal value, which formats exactly). */
export function fromCents(cents: Cents): number {
  return cents / 100;
}

/** a + b, in cents (exact: both are integers well below 2^53). */
export function addCents(a: Cents, b: Cents): Cents {
  return (a + b) as Cents;
}

/** a - b, in cents. */
export function subCents(a: Cents, b: Cents): Cents {
  return (a - b) as Cents;
}

/** -a, in cents (exactly `-a`: 0 gives -0, which every formatter here shows as 0). */
export function negCents(a: Cents): Cents {
  return -a as Cents;
}

/** |a|, in cents. */
export function absCents(a: Cents): Cents {
  return Math.abs(a) as Cents;
}

/** The sum of some cents; 0 for none. */
export function sumCents(values: Iterable<Cents>): Cents {
  let sum = 0;
  for (const v of values) sum += v;
  return sum as Cents;
}

/**
 * Split `total` whole cents across parts in proportion to `ratios` so that the parts add up to `total`
 * exactly (like dinero.js `allocate`): each part first gets the floor of its exact share, then the cents
 * left over go one each to the parts with the largest remainders (ties: the earlier part). Every part is
 * therefore the floor or the ceiling of its exact share.
 * Ratios must be finite and >= 0; when they are all 0 the total is split evenly. A negative total is split
 * as its absolute value and negated.
 */
export function allocate(total: Cents, ratios: ReadonlyArray<number>): Cents[] {
  return allocateWhole(total, ratios) as Cents[];
}

/**
 * `allocate` for whole units that are not US cents (a display currency's minor units, lib/present/currency.ts):
 * the same split, unbranded.
 */
export function allocateWhole(total: number, ratios: ReadonlyArray<number>): number[] {
  if (!Number.isInteger(total)) throw new RangeError(`allocate: the total must be whole cents, got ${total}`);
  if (ratios.length === 0) {
    if (total !== 0) throw new RangeError(`allocate: cannot split ${total} cents across no parts`);
    return [];
  }
  for (const r of ratios) {
    if (!Number.isFinite(r) || r < 0) throw new RangeError(`allocate: ratios must be finite and >= 0, got ${r}`);
  }
  if (total < 0) return allocateWhole(-total, ratios).map((c) => (c === 0 ? 0 : -c));
  let sum = 0;
  for (const r of ratios) sum += r;
  const weights = sum > 0 ? ratios : ratios.map(() => 1);
  const weightSum = sum > 0 ? sum : ratios.length;
  const parts: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const w of weights) {
    const exact = (total * w) / weightSum;
    const floor = Math.floor(exact + 1e-9); // 2.9999999999 is 3 cents of float noise, not 2
    parts.push(floor);
    remainders.push(exact - floor);
    given += floor;
  }
  let left = total - given;
  if (left > 0) {
    const order = remainders.map((r, i) => i).sort((a, b) => (remainders[b] as number) - (remainders[a] as number) || a - b);
    for (let k = 0; left > 0; k = (k + 1) % order.length, left--) {
      const i = order[k] as number;
      parts[i] = (parts[i] as number) + 1;
    }
  }
  return parts;
}

/**
 * The presentation rule for a total made of parts: the total is the HALF-UP cents of the exact sum, and the
 * parts are that total allocated by their exact amounts. Parts must be >= 0 (costs); the result's parts add
 * up to `totalCents` exactly.
 */
export function roundParts(partsUSD: ReadonlyArray<number>): { totalCents: Cents; partCents: Cents[] } {
  let sum = 0;
  for (const p of partsUSD) sum += p;
  const totalCents = toCents(sum);
  return { totalCents, partCents: allocate(totalCents, partsUSD) };
}

const usdFormat = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD", minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$1,234.56" from whole cents. */
export function formatCents(cents: Cents | null | undefined): string {
  if (cents === null || cents === undefined || !Number.isFinite(cents)) return "—";
  // Whole cents below 10^14 (a trillion dollars) are written digit by digit: the same text as
  // Intl.NumberFormat en-US currency ("-$1,234.56"), several times faster (tests/unit/money checks both agree).
  if (Number.isInteger(cents) && Math.abs(cents) < 1e14) {
    const abs = Math.abs(cents);
    const centsPart = abs % 100;
    let dollars = String((abs - centsPart) / 100);
    if (dollars.length > 3) {
      let grouped = dollars.slice(0, dollars.length % 3 || 3);
      for (let i = grouped.length; i < dollars.length; i += 3) grouped += `,${dollars.slice(i, i + 3)}`;
      dollars = grouped;
    }
    return `${cents < 0 ? "-" : ""}$${dollars}.${centsPart < 10 ? "0" : ""}${centsPart}`;
  }
  return usdFormat.format(cents === 0 ? 0 : fromCents(cents));
}

/**
 * A unit rate such as 0.0404800 per vCPU-hour, never rounded to cents: shown with every digit the catalog has
 * (rates go down to 0.000111 per GB-hour), trailing zeros trimmed. The app's only rate format.
 */
export function formatRate(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  if (value === 0) return "$0";
  // Catalog rates carry at most 8-10 decimals (Spot 0.01288561, storage 0.000111); toFixed(10)
  // drops float noise without hiding a catalog digit.
  const digits = value >= 1 ? 6 : 10;
  // Trailing zeros of the fraction dropped, and the point when nothing is left after it (exponent forms kept).
  let fixed = value.toFixed(digits);
  if (!fixed.includes("e")) {
    let end = fixed.length;
    while (fixed.charCodeAt(end - 1) === 48 /* 0 */) end--;
    if (fixed.charCodeAt(end - 1) === 46 /* . */) end--;
    fixed = fixed.slice(0, end);
  }
  return `$${fixed}`;
}

/**
 * "$1,234.56": an amount rounded HALF-UP to cents. Null and non-finite values show an em dash, never
 * "$NaN"; amounts that round to zero show "$0.00", never "-$0.00". This is the app's only USD text format.
 */
export function formatUSD(usd: number | null | undefined): string {
  if (usd === null || usd === undefined || !Number.isFinite(usd)) return "—";
  return formatCents(toCents(usd));
}
