/**
 * Next.js 16 proxy (successor of middleware.ts): a fresh script nonce and the security headers for every
 * page. Next reads the nonce from the *request's* Content-Security-Policy header and stamps it on its own
 * <script> tags, so the policy is set on both the forwarded request and the response. A nonce needs a
 * per-request render: the pages are dynamic (see app/page.tsx).
 * API routes, build chunks and schemas are not matched here; next.config.js gives them the same headers
 * without a nonce (lib/security/headers.js explains why the proxy stays off the API).
 */
import { NextResponse, type NextRequest } from "next/server";
import { isProxyPath, nonceFromBytes, securityHeaders } from "./lib/security/headers";

export function proxy(request: NextRequest): NextResponse {
  if (!isProxyPath(request.nextUrl.pathname)) return NextResponse.next();
  const nonce = nonceFromBytes(crypto.getRandomValues(new Uint8Array(16)));
  const headers = securityHeaders({ nonce, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  for (const h of headers) if (h.key === "Content-Security-Policy") requestHeaders.set(h.key, h.value);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  for (const h of headers) response.headers.set(h.key, h.value);
  return response;
}

export const config = {
  // Must be a literal (Next analyses it at build time). Same set as NON_PROXY_PREFIXES in
  // lib/security/headers.js (a unit test checks they agree); isProxyPath above is the runtime guard.
  matcher: ["/((?!api/|api$|_next/static/|_next/image|schema/|favicon\\.ico).*)"],
};
