/**
 * How the engine collects its warnings and unavailable reasons: as messages (lib/schemas/messages.ts, a code and
 * its parameters), never as sentences it would have to read back. The sentences come from lib/messages/english.ts
 * when the result is assembled; with environments, service references are first pointed back at the user's input.
 */
import type { EstimateOption } from "../schemas/estimate";
import type { Message, ReasonMessage, ServiceRef, WarningMessage } from "../schemas/messages";
import { renderMessage } from "../messages/english";

/**
 * Whether JSON.stringify(a) === JSON.stringify(b), without making either string: the same keys in the same order
 * (keys whose value JSON drops, undefined or a function, skipped), non-finite numbers as null. Returns at the
 * first difference, which for two different warnings is usually their first parameter.
 */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const ta = typeof a;
  const tb = typeof b;
  if (ta === "number" || tb === "number") {
    // JSON writes NaN and +-Infinity as null; finite numbers compare by value (0 and -0 both write "0").
    const na = ta === "number" && !Number.isFinite(a) ? null : a;
    const nb = tb === "number" && !Number.isFinite(b) ? null : b;
    return na === nb;
  }
  if (ta !== "object" || tb !== "object" || a === null || b === null) return false;
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) {
    const x = a as unknown[];
    const y = b as unknown[];
    if (x.length !== y.length) return false;
    for (let i = 0; i < x.length; i++) if (!sameJson(jsonItem(x[i]), jsonItem(y[i]))) return false;
    return true;
  }
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const kx = Object.keys(x);
  const ky = Object.keys(y);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < kx.length && dropped(x[kx[i] as string])) i++;
    while (j < ky.length && dropped(y[ky[j] as string])) j++;
    if (i === kx.length || j === ky.length) return i === kx.length && j === ky.length;
    const k = kx[i] as string;
    if (k !== ky[j] || !sameJson(x[k], y[k])) return false;
    i++;
    j++;
  }
}

/** JSON drops an object's key whose value is undefined, a function or a symbol (and writes null for them in arrays). */
const dropped = (v: unknown) => v === undefined || typeof v === "function" || typeof v === "symbol";
const jsonItem = (v: unknown) => (dropped(v) ? null : v);

/**
 * The warnings of one estimate: in the order first added, each once (the same code and parameters, compared as
 * their JSON would be). Messages are compared only with earlier ones of the same code, and without serializing
 * them: a warning listing dozens of rates is not turned into a string on every add.
 */
export class MessageSet implements Iterable<WarningMessage> {
  private readonly items: WarningMessage[] = [];

  private indexOf(m: WarningMessage): number {
    const items = this.items;
    for (let i = 0; i < items.length; i++) {
      const item = items[i] as WarningMessage;
      if (item === m || (item.code === m.code && sameJson(item, m))) return i;
    }
    return -1;
  }

  add(m: WarningMessage): void {
    if (this.indexOf(m) < 0) this.items.push(m);
  }

  has(m: WarningMessage): boolean {
    return this.indexOf(m) >= 0;
  }

  /** Put `next` where `previous` is (or at the end when `previous` is not there), keeping the others' order. */
  replace(previous: WarningMessage, next: WarningMessage): void {
    const at = this.indexOf(previous);
    if (at < 0) {
      this.add(next);
      return;
    }
    const existing = this.indexOf(next);
    if (existing >= 0 && existing < at) this.items.splice(at, 1);
    else {
      this.items[at] = next;
      if (existing > at) this.items.splice(existing, 1);
    }
  }

  [Symbol.iterator](): Iterator<WarningMessage> {
    return this.items[Symbol.iterator]();
  }
}

/** What failed and why, where a price or a size is missing. */
export type Failure = { reason: ReasonMessage };

/** Each unavailable option's reason as a message, so the result can say it with the user's service references. */
const reasons = new WeakMap<EstimateOption, ReasonMessage>();

/** Mark an option unavailable for `reason`: the sentence and the code, and the message kept for the result. */
export function withReason<T extends EstimateOption>(option: T, reason: ReasonMessage): T {
  option.reason = renderMessage(reason);
  option.reasonCode = reason.code;
  reasons.set(option, reason);
  return option;
}

/** An unavailable option: no total, no lines. */
export function unavailableOption(id: EstimateOption["id"], label: string, reason: ReasonMessage): EstimateOption {
  return withReason({ id, label, available: false, reason: null, reasonCode: null, monthlyUSD: null, lines: [], services: [], plan: null }, reason);
}

/** The message behind an unavailable option's reason. */
export function reasonOf(option: EstimateOption): ReasonMessage | undefined {
  return reasons.get(option);
}

/** Every service reference in a message's parameters, rewritten by `map` (a copy; the message is not changed). */
export function mapServiceRefs<M extends Message>(m: M, map: (ref: ServiceRef) => ServiceRef): M {
  if (!("service" in m.params) || typeof m.params.service !== "object") return m;
  return { code: m.code, params: { ...m.params, service: map(m.params.service) } } as M;
}

/** The sentences and codes the result carries. */
export function renderWarnings(messages: Iterable<WarningMessage>): { warnings: string[]; warningCodes: WarningMessage["code"][] } {
  const warnings: string[] = [];
  const warningCodes: WarningMessage["code"][] = [];
  for (const m of messages) {
    warnings.push(renderMessage(m));
    warningCodes.push(m.code);
  }
  return { warnings, warningCodes };
}
