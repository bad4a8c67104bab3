"use client";
/**
 * Zod 4 probes `Function("")` once to decide whether it may JIT-compile object parsers. Our CSP has no
 * 'unsafe-eval' (lib/security/headers.ts), so in the browser that probe is blocked and reported as a CSP
 * violation ("Refused to evaluate a string as JavaScript"). The browser's small forms do not need the JIT:
 * switch it off before any schema runs. Rendered once in the root layout; module scope runs when the client
 * references load, before hydration renders any component that parses.
 */
import * as z from "zod";

z.config({ jitless: true });

export function ZodJitless(): null {
  return null;
}
