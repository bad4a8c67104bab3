/**
 * How the engine collects its warnings and unavailable reasons: as messages (lib/schemas/messages.ts, a code and
 * its parameters), never as sentences it would have to read back. The sentences come from lib/present/messages.ts
 * when the result is assembled; with environments, service references are first pointed back at the user's input.
 */
import type { EstimateOption } from "../schemas/estimate";
import type { Message, ServiceRef } from "../schemas/messages";
import { renderMessage } from "../present/messages";

const keyOf = (m: Message) => JSON.stringify(m);

/** The warnings of one estimate: in the order first added, each once (the same code and parameters). */
export class MessageSet implements Iterable<Message> {
  private readonly byKey = new Map<string, Message>();

  add(m: Message): void {
    const k = keyOf(m);
    if (!this.byKey.has(k)) this.byKey.set(k, m);
  }

  has(m: Message): boolean {
    return this.byKey.has(keyOf(m));
  }

  /** Put `next` where `previous` is (or at the end when `previous` is not there), keeping the others' order. */
  replace(previous: Message, next: Message): void {
    const old = keyOf(previous);
    if (!this.byKey.has(old)) {
      this.add(next);
      return;
    }
    const entries = [...this.byKey.entries()];
    this.byKey.clear();
    for (const [k, m] of entries) {
      if (k === old) this.add(next);
      else if (!this.byKey.has(k)) this.byKey.set(k, m);
    }
  }

  [Symbol.iterator](): Iterator<Message> {
    return this.byKey.values();
  }
}

/** What failed and why, where a price or a size is missing. */
export type Failure = { reason: Message };

/** Each unavailable option's reason as a message, so the result can say it with the user's service references. */
const reasons = new WeakMap<EstimateOption, Message>();

/** Mark an option unavailable for `reason`: the sentence and the code, and the message kept for the result. */
export function withReason<T extends EstimateOption>(option: T, reason: Message): T {
  option.reason = renderMessage(reason);
  option.reasonCode = reason.code;
  reasons.set(option, reason);
  return option;
}

/** An unavailable option: no total, no lines. */
export function unavailableOption(id: EstimateOption["id"], label: string, reason: Message): EstimateOption {
  return withReason({ id, label, available: false, reason: null, reasonCode: null, monthlyUSD: null, lines: [], services: [], plan: null }, reason);
}

/** The message behind an unavailable option's reason. */
export function reasonOf(option: EstimateOption): Message | undefined {
  return reasons.get(option);
}

/** Every service reference in a message's parameters, rewritten by `map` (a copy; the message is not changed). */
export function mapServiceRefs(m: Message, map: (ref: ServiceRef) => ServiceRef): Message {
  const params: Record<string, unknown> = { ...m.params };
  if ("service" in params && typeof params.service === "object" && params.service !== null) params.service = map(params.service as ServiceRef);
  return { code: m.code, params } as Message;
}

/** The sentences and codes the result carries. */
export function renderWarnings(messages: Iterable<Message>): { warnings: string[]; warningCodes: Message["code"][] } {
  const warnings: string[] = [];
  const warningCodes: Message["code"][] = [];
  for (const m of messages) {
    warnings.push(renderMessage(m));
    warningCodes.push(m.code);
  }
  return { warnings, warningCodes };
}
