// @ts-check
const { securityHeaders } = require("./lib/security/headers.js");

// Responses the proxy (proxy.ts) does not touch - API routes, build chunks (incl. the /rightsize worker
// script, whose own CSP applies inside the worker), JSON schemas - get the same security headers, with a
// nonce-less CSP (they are not HTML documents). Pages get theirs, with a per-request nonce, from proxy.ts.
const staticHeaders = securityHeaders({ dev: process.env.NODE_ENV === "development" });

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The catalog region files are read at build time by route handlers; make sure they are traced.
  outputFileTracingIncludes: { "/api/**": ["./data/**/*.json"] },
  async headers() {
    return ["/api", "/api/:path*", "/_next/static/:path*", "/_next/image", "/schema/:path*", "/favicon.ico"].map((source) => ({
      source,
      headers: staticHeaders,
    }));
  },
};

module.exports = nextConfig;
