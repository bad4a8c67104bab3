/**
 * How the engine collects its warnings and unavailable reasons: as messages (lib/schemas/messages.ts, a code and
 * its parameters), never as sentences it would have to read back. The sentences come from lib/messages/english.ts
 * when the result is assembled; with environments, service references are first pointed back at the user's input.
 */
import type { EstimateOption } from "../schemas/estimate";
import type { Message, ReasonMessage, ServiceRef, WarningMessage } from "../schemas/messages";
import { renderMessage } from "../messages/english";

const sameMessage = (a: Message, b: Message) => a === b || (a.code === b.code && JSON.stringify(a) === JSON.stringify(b));

/**
 * The warnings of one estimate: in the order first added, each once (the same code and parameters). Most codes
 * come once per estimate, so messages are compared (serialized) only against earlier ones of the same code: a
 * warning listing dozens of rates is not turned into a key on every add.
 */
export class MessageSet implements Iterable<WarningMessage> {
  private readonly items: WarningMessage[] = [];

  private indexOf(m: WarningMessage): number {
    const items = this.items;
    for (let i = 0; i < items.length; i++) if ((items[i] as WarningMessage).code === m.code && sameMessage(items[i] as WarningMessage, m)) return i;
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
