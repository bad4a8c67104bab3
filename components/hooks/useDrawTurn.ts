"use client";
/**
 * Heavy charts drawn one per frame: a chart draws after the render that mounted it has painted, and after the
 * chart mounted before it has drawn and painted. Drawing a recharts chart for the first time on a page is one
 * long task (its code compiles on first use: ~190 ms for the first /rightsize chart on the 2-core bench machine);
 * two charts mounted together made one ~300 ms freeze, which `npm run bench` measures as the longest frame gap
 * (docs/performance.md).
 */
import { useEffect, useState } from "react";

let previousTurn: Promise<void> = Promise.resolve();

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

/** false until this chart's turn to draw; then true for good. */
export function useDrawTurn(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    let mounted = true;
    // After the page that mounted it has painted, and after the chart before it has drawn and painted (a chart
    // that unmounted passes its turn at once).
    const mine = previousTurn.then(nextFrame).then(() => {
      if (mounted) setReady(true);
    });
    previousTurn = mine;
    return () => {
      mounted = false;
    };
  }, []);
  return ready;
}
