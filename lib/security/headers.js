// @ts-check
"use strict";
/**
 * Security response headers, built in one place: proxy.ts applies them to pages (with a per-request script
 * nonce), next.config.js applies them to everything the proxy does not run on (API routes, /_next/static
 * chunks, the JSON schemas). Pure: the nonce is passed in, never generated here.
 *
 * The policy allows no third-party origin at all: the app loads only its own chunks, CSS, JSON price files
 * and API, and draws charts as inline SVG.
 *
 * Plain CommonJS (types in headers.d.ts) because next.config.js, which Node loads without a TypeScript
 * step, needs the same builder as proxy.ts.
 */

/** A nonce must be at least 128 bits of base64 (CSP3 recommends >= 128 bits); anything else is a bug upstream. */
const NONCE_RE = /^[A-Za-z0-9+/]{22,}={0,2}$/;

function isValidNonce(nonce) {
  return NONCE_RE.test(nonce);
}

/** Turns 16+ random bytes (from crypto.getRandomValues in the caller) into a nonce string. */
function nonceFromBytes(bytes) {
  if (bytes.length < 16) throw new Error(`a CSP nonce needs at least 16 random bytes, got ${bytes.length}`);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function buildCsp(opts = {}) {
  const { nonce, dev = false } = opts;
  if (nonce !== undefined && !isValidNonce(nonce)) throw new Error("invalid CSP nonce: expected >= 16 bytes of base64");
  const script = ["'self'"];
  // Next.js reads this nonce from the request's Content-Security-Policy header and puts it on its own
  // bootstrap and RSC payload <script> tags; no 'unsafe-inline', no 'strict-dynamic' (which would let a
  // nonced script load any origin).
  if (nonce) script.push(`'nonce-${nonce}'`);
  if (dev) script.push("'unsafe-eval'");
  const directives = [
    ["default-src", ["'self'"]],
    ["script-src", script],
    // Stylesheets and <style> elements: only our own CSS files. Inline style *attributes* are allowed because
    // React `style={{...}}` props and recharts' SVG/tooltip positioning write them; style attributes
    // cannot run script, and style-src-attr keeps 'unsafe-inline' away from <style> elements.
    ["style-src", ["'self'"]],
    ["style-src-elem", dev ? ["'self'", "'unsafe-inline'"] : ["'self'"]],
    ["style-src-attr", ["'unsafe-inline'"]],
    ["img-src", ["'self'", "data:", "blob:"]],
    ["font-src", ["'self'"]],
    // fetch() of /api/* and the bundled /api/catalog price files; dev adds the HMR websocket on the same host.
    ["connect-src", dev ? ["'self'", "ws:"] : ["'self'"]],
    // /rightsize parses usage files in a Web Worker; the bundler may start it from a blob: bootstrap URL.
    ["worker-src", ["'self'", "blob:"]],
    ["manifest-src", ["'self'"]],
    ["media-src", ["'none'"]],
    ["frame-src", ["'none'"]],
    ["object-src", ["'none'"]],
    ["base-uri", ["'self'"]],
    ["form-action", ["'self'"]],
    ["frame-ancestors", ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(" ")}`).join("; ");
}

/**
 * Headers every response carries besides the CSP.
 * - Referrer-Policy no-referrer: a share link (?s=v1....) carries the whole estimate in its query string;
 *   strict-origin-when-cross-origin would still send it on same-origin requests and leak the origin
 *   elsewhere. Nothing in the app needs a Referer.
 * - X-Frame-Options DENY: frame-ancestors 'none' for browsers that ignore CSP.
 * - Permissions-Policy: the app uses no device API; clipboard-write stays allowed for "Copy share link".
 */
function baseSecurityHeaders() {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "Referrer-Policy", value: "no-referrer" },
    { key: "X-Frame-Options", value: "DENY" },
    {
      key: "Permissions-Policy",
      value:
        "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), fullscreen=(self), geolocation=(), gyroscope=(), hid=(), magnetometer=(), microphone=(), midi=(), payment=(), publickey-credentials-get=(), serial=(), usb=(), xr-spatial-tracking=(), clipboard-read=(), clipboard-write=(self)",
    },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
  ];
}

/** All security headers for one response: the base set plus the CSP (with a nonce for HTML documents). */
function securityHeaders(opts = {}) {
  return [...baseSecurityHeaders(), { key: "Content-Security-Policy", value: buildCsp(opts) }];
}

/**
 * Paths the proxy does NOT run on (API routes, build output, JSON schemas): they get the nonce-less headers
 * from next.config.js. Kept here so the proxy matcher and the config cannot disagree.
 * The proxy is kept off API routes on purpose: Next buffers a copy of every request body for a proxy
 * (up to 10 MB), which would cost the estimate API throughput and memory for nothing.
 */
const NON_PROXY_PREFIXES = Object.freeze(["/api/", "/_next/static/", "/_next/image", "/schema/", "/favicon.ico"]);

function isProxyPath(pathname) {
  if (pathname === "/api") return false;
  return !NON_PROXY_PREFIXES.some((p) => pathname.startsWith(p));
}

module.exports = { isValidNonce, nonceFromBytes, buildCsp, baseSecurityHeaders, securityHeaders, NON_PROXY_PREFIXES, isProxyPath };
