/**
 * Client modules that parse with zod import this first. The switch itself lives with zod's only import, in
 * lib/security/zod.ts (jitless in browsers and workers, whose CSP has no 'unsafe-eval').
 */
import "@/lib/security/zod";
