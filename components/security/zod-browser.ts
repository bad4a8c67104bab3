/**
 * Zod 4 probes `Function("")` once to decide whether it may JIT-compile object parsers. The CSP has no
 * 'unsafe-eval' (lib/security/headers.js), so in the browser that probe would be blocked and reported as a
 * violation ("Refused to evaluate a string as JavaScript"). Browser forms do not need the JIT: every client
 * module that parses with zod imports this first. On the server the JIT stays on (it speeds up the API).
 * Kept out of the root layout so zod does not join the first-load JavaScript of every page.
 */
import * as z from "zod";

if (typeof window !== "undefined") z.config({ jitless: true });
