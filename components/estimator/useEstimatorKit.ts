"use client";
/** Loads the estimator's heavy half (./kit.ts) right after hydration. */
import { useEffect, useState } from "react";
import type { Kit } from "./types";

export function useEstimatorKit(): { kit: Kit | null; kitError: string | null } {
  const [kit, setKit] = useState<Kit | null>(null);
  const [kitError, setKitError] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    import("./kit")
      .then((m) => {
        if (!cancelled) setKit(m.kit);
      })
      .catch((e: unknown) => {
        if (!cancelled) setKitError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return { kit, kitError };
}
