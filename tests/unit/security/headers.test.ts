/**
 * The CSP / security header builder (lib/security/headers.js) and the proxy that applies it.
 */
import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { baseSecurityHeaders, buildCsp, isProxyPath, isValidNonce, NON_PROXY_PREFIXES, nonceFromBytes, securityHeaders } from "@/lib/security/headers";
import { config as proxyConfig, proxy } from "@/proxy";

function directives(csp: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const part of csp.split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(out.has(name), `directive ${name} appears twice`).toBe(false);
    out.set(name, sources);
  }
  return out;
}

const NONCE = nonceFromBytes(new Uint8Array(16).map((_, i) => i * 17));

describe("buildCsp", () => {
  it("page policy: scripts only from self plus the request's nonce", () => {
    const d = directives(buildCsp({ nonce: NONCE }));
    expect(d.get("script-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(d.get("default-src")).toEqual(["'self'"]);
    expect(d.get("object-src")).toEqual(["'none'"]);
    expect(d.get("base-uri")).toEqual(["'self'"]);
    expect(d.get("form-action")).toEqual(["'self'"]);
    expect(d.get("frame-ancestors")).toEqual(["'none'"]);
    expect(d.get("worker-src")).toEqual(["'self'", "blob:"]);
    // inline style attributes only (React style props, recharts); <style> elements and sheets from self
    expect(d.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
    expect(d.get("style-src-elem")).toEqual(["'self'"]);
  });

  it("no third-party origin, no unsafe script source, in production", () => {
    for (const csp of [buildCsp({ nonce: NONCE }), buildCsp()]) {
      const all = [...directives(csp).values()].flat();
      for (const s of all) expect(s, csp).toMatch(/^('self'|'none'|'unsafe-inline'|'nonce-[A-Za-z0-9+/=]+'|data:|blob:)$/);
      expect(directives(csp).get("script-src")).not.toContain("'unsafe-inline'");
      expect(csp).not.toContain("unsafe-eval");
      expect(csp).not.toContain("strict-dynamic");
      expect(csp).not.toContain("*");
      expect(csp).not.toMatch(/https?:/);
    }
  });

  it("non-HTML responses: no nonce", () => {
    expect(directives(buildCsp()).get("script-src")).toEqual(["'self'"]);
  });

  it("dev only adds what next dev needs", () => {
    const d = directives(buildCsp({ nonce: NONCE, dev: true }));
    expect(d.get("script-src")).toContain("'unsafe-eval'");
    expect(d.get("connect-src")).toEqual(["'self'", "ws:"]);
  });

  it("rejects a nonce that is short or could break out of the header", () => {
    for (const bad of ["", "abc", "a".repeat(21), `${"a".repeat(24)}'; script-src *`, `${"a".repeat(24)} x`, `${"a".repeat(24)}\n`])
      expect(() => buildCsp({ nonce: bad }), JSON.stringify(bad)).toThrow(/invalid CSP nonce/);
    expect(isValidNonce(NONCE)).toBe(true);
  });
});

describe("nonceFromBytes", () => {
  it("16 bytes -> 24 base64 characters", () => {
    // 16 bytes = 128 bits -> ceil(16/3)*4 = 24 characters including "==" padding
    expect(nonceFromBytes(new Uint8Array(16))).toBe("AAAAAAAAAAAAAAAAAAAAAA==");
    expect(nonceFromBytes(new Uint8Array(16).fill(255))).toBe("/////////////////////w==");
  });
  it("refuses fewer than 16 bytes", () => {
    expect(() => nonceFromBytes(new Uint8Array(8))).toThrow(/at least 16 random bytes/);
  });
});

describe("security headers", () => {
  it("base set: nosniff, no-referrer (share links carry the estimate), DENY, a Permissions-Policy", () => {
    const h = Object.fromEntries(baseSecurityHeaders().map((e) => [e.key, e.value]));
    expect(h["X-Content-Type-Options"]).toBe("nosniff");
    expect(h["Referrer-Policy"]).toBe("no-referrer");
    expect(h["X-Frame-Options"]).toBe("DENY");
    expect(h["Permissions-Policy"]).toContain("camera=()");
    expect(h["Permissions-Policy"]).toContain("geolocation=()");
    expect(h["Permissions-Policy"]).toContain("clipboard-write=(self)");
  });
  it("securityHeaders adds exactly one CSP", () => {
    const all = securityHeaders({ nonce: NONCE });
    expect(all.filter((h) => h.key === "Content-Security-Policy")).toHaveLength(1);
    expect(new Set(all.map((h) => h.key.toLowerCase())).size).toBe(all.length);
  });
});

describe("proxy", () => {
  it("pages get a fresh nonce, on both the forwarded request and the response", () => {
    const a = proxy(new NextRequest("http://127.0.0.1/"));
    const b = proxy(new NextRequest("http://127.0.0.1/rightsize?s=v1.abc"));
    const cspA = a.headers.get("content-security-policy") ?? "";
    const cspB = b.headers.get("content-security-policy") ?? "";
    const nonceA = /'nonce-([^']+)'/.exec(cspA)?.[1];
    const nonceB = /'nonce-([^']+)'/.exec(cspB)?.[1];
    expect(nonceA && isValidNonce(nonceA)).toBe(true);
    expect(nonceB && isValidNonce(nonceB)).toBe(true);
    expect(nonceA).not.toBe(nonceB);
    // NextResponse.next({ request: { headers } }) forwards overridden request headers as x-middleware-request-*
    expect(a.headers.get("x-middleware-request-content-security-policy")).toBe(cspA);
    expect(a.headers.get("referrer-policy")).toBe("no-referrer");
    expect(a.headers.get("x-frame-options")).toBe("DENY");
  });

  it("leaves API routes, chunks and schemas to next.config (no headers, no body buffering)", () => {
    for (const p of ["/api/estimate", "/_next/static/chunks/a.js", "/schema/estimate-input.v1.json"]) {
      const r = proxy(new NextRequest(`http://127.0.0.1${p}`));
      expect(r.headers.get("content-security-policy"), p).toBeNull();
    }
  });

  it("the literal matcher agrees with isProxyPath", () => {
    const source = proxyConfig.matcher[0] as string;
    // Next anchors the matcher; "/((?!...).*)" -> ^/((?!...).*)$
    const re = new RegExp(`^${source}$`);
    const paths = ["/", "/catalog", "/rightsize", "/nope", "/apix", "/api", "/api/estimate", "/api/catalog/2026-11-26/us-east-1", "/_next/static/chunks/x.js", "/_next/image", "/schema/estimate-input.v1.json", "/favicon.ico", "/catalog/api/x"];
    for (const p of paths) expect(re.test(p), p).toBe(isProxyPath(p));
    for (const prefix of NON_PROXY_PREFIXES) expect(isProxyPath(prefix + "x"), prefix).toBe(false);
  });
});
