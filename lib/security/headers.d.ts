/** Types of lib/security/headers.js (plain CommonJS so next.config.js can load it without a build step). */
export interface CspOptions {
  /** Per-request nonce for the document's inline and external scripts (base64). Omit for non-HTML responses. */
  nonce?: string;
  /** `next dev` only: React's development build evaluates code for its stack traces. Never in production. */
  dev?: boolean;
}

export interface HeaderEntry {
  key: string;
  value: string;
}

export function isValidNonce(nonce: string): boolean;
export function nonceFromBytes(bytes: Uint8Array): string;
export function buildCsp(opts?: CspOptions): string;
export function baseSecurityHeaders(): HeaderEntry[];
export function securityHeaders(opts?: CspOptions): HeaderEntry[];
export const NON_PROXY_PREFIXES: readonly ["/api/", "/_next/static/", "/_next/image", "/schema/", "/favicon.ico"];
export function isProxyPath(pathname: string): boolean;
