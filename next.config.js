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
  // A self-contained server in .next/standalone (server.js + the node_modules it needs) for the container
  // image; see the Dockerfile and README "Run it for a team".
  output: "standalone",
  // POST /api/estimate and /catalog read the price snapshot from <cwd>/data/catalog at request time
  // (lib/catalog/fs-loader.ts); the standalone server runs with its own directory as cwd, so trace the
  // snapshot files into it. data/sources (raw inputs of `npm run prices:build`) is never read at runtime.
  // POST /api/mcp also serves docs/billing-rules.md (a resource, and the sections `explain` quotes), read the same way.
  outputFileTracingIncludes: { "/api/**": ["./data/catalog/**/*.json", "./docs/billing-rules.md"], "/catalog": ["./data/catalog/**/*.json"] },
  // The loader's computed paths (data/catalog/<id>/<file>) make the tracer also pick up every file and folder
  // named like "catalog" (sources, tests, the route files themselves) and the raw price sources: none of them
  // is read at runtime (routes are compiled into .next/server), so keep them out of the image.
  outputFileTracingExcludes: { "/**": ["./data/sources/**", "./tests/**", "./app/**", "./components/**", "./lib/**"] },
  async headers() {
    return ["/api", "/api/:path*", "/_next/static/:path*", "/_next/image", "/schema/:path*", "/favicon.ico"].map((source) => ({
      source,
      headers: staticHeaders,
    }));
  },
};

module.exports = nextConfig;
