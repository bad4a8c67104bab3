"use client";
/**
 * The display currency the page shows amounts in (presentation only, lib/present/currency.ts): a tiny store shared
 * by the summary cards, the breakdown and the currency panel, for the page's lifetime; never in share links or in
 * the estimate. null = USD, the default, always one click away. The formatting functions come with the state, set
 * by the (lazily loaded) currency panel, so the page's first load carries no currency code.
 */
import { useSyncExternalStore } from "react";
import type { Cents } from "@/lib/money";
import type { DisplayCurrency } from "@/lib/present/currency-format";

export interface DisplayState {
  currency: DisplayCurrency;
  /** Displayed USD cents as text in the currency. */
  money(usdCents: Cents | null | undefined): string;
  /** An unrounded USD amount (an hourly rate) as text in the currency. */
  rate(usd: number): string;
}

let current: DisplayState | null = null;
const listeners = new Set<() => void>();

export function setDisplayState(next: DisplayState | null): void {
  current = next;
  for (const l of listeners) l();
}

/** null when the page shows USD. */
export function getDisplayState(): DisplayState | null {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The display currency state; null (USD) on the server and at first paint. */
export function useDisplayState(): DisplayState | null {
  return useSyncExternalStore(subscribe, getDisplayState, () => null);
}
