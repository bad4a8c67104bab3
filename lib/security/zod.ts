/**
 * zod, configured once for where it runs. Zod 4 probes `Function("")` on its first object parse to decide whether
 * it may JIT-compile parsers. The pages' Content-Security-Policy has no 'unsafe-eval' (lib/security/headers.js),
 * so in a browser (or a browser worker) that probe is blocked and reported as a violation; there the parsers run
 * without the JIT. On the server the JIT stays on. Every module of lib/ that uses zod imports it from here, so the
 * switch is set before any of them can parse, whichever page or chunk loads first.
 */
import * as z from "zod";

const scope = globalThis as { document?: unknown; importScripts?: unknown };
if (typeof scope.document !== "undefined" || typeof scope.importScripts === "function") z.config({ jitless: true });

export { z };
