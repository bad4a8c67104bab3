"use client";
/**
 * The display currency the page shows amounts in (presentation only, lib/present/currency.ts). A tiny store shared by
 * the summary cards, the breakdown and the currency panel; kept for the tab (sessionStorage), never in share links
 * or in the estimate. USD is the default and always one click away.
 */
import { useSyncExternalStore } from "react";
import { USD, type DisplayCurrency } from "@/lib/present/currency-format";

const KEY = "ecs-estimator.display-currency";
let current: DisplayCurrency = USD;
let loaded = false;
const listeners = new Set<() => void>();

function load(): void {
  if (loaded || typeof window === "undefined") return;
  loaded = true;
  try {
    const raw = window.sessionStorage.getItem(KEY);
    if (!raw) return;
    const v = JSON.parse(raw) as DisplayCurrency;
    if (typeof v.code === "string" && /^[A-Z]{3}$/.test(v.code) && typeof v.perUSD === "number" && v.perUSD > 0 && Number.isFinite(v.perUSD) && typeof v.source === "string") current = v;
  } catch {
    /* a broken stored value: stay in USD */
  }
}

export function setDisplayCurrency(next: DisplayCurrency): void {
  current = next;
  try {
    if (next.code === "USD") window.sessionStorage.removeItem(KEY);
    else window.sessionStorage.setItem(KEY, JSON.stringify(next));
  } catch {
    /* storage unavailable: the choice lasts until reload */
  }
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  load();
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function getDisplayCurrency(): DisplayCurrency {
  load();
  return current;
}

/** The currency to show amounts in; USD on the server and at first paint. */
export function useDisplayCurrency(): DisplayCurrency {
  return useSyncExternalStore(subscribe, getDisplayCurrency, () => USD);
}
