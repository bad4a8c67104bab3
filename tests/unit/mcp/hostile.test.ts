/**
 * 200+ hostile calls against the MCP server: wrong types, huge inputs, unknown tools and resources, malformed
 * JSON-RPC, wrong HTTP methods and content types. Every one must be answered with an error (a tool error with
 * isError, a JSON-RPC error, or a 4xx JSON body), never a crash or a 5xx, each within 1 s; afterwards the same
 * server still prices a valid input. Cases come from a seeded PRNG, so a failure replays.
 */
import { spawn } from "node:child_process";
import { request } from "node:http";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mulberry32 } from "@/scripts/support/prng";
import { connectHttp, ROOT, startHttp, type Session } from "./harness";

const example = JSON.parse(readFileSync(path.join(ROOT, "examples", "api-web.json"), "utf8")) as Record<string, unknown>;
const TOOLS = ["estimate", "compare_regions", "compare_estimates", "rightsize", "import_kubernetes", "import_terraform", "import_cloudformation", "explain"];
const PER_CALL_LIMIT_MS = 1_000;

let http: Awaited<ReturnType<typeof startHttp>>;
let session: Session;

beforeAll(async () => {
  http = await startHttp();
  session = await connectHttp(http.url);
  // Warm up: the first call loads the price files (not a hostile call).
  await session.client.callTool({ name: "estimate", arguments: example });
});

afterAll(async () => {
  await session.close();
  await http.close();
});

/** A value of the wrong type for anything. */
function wrongValue(rnd: () => number): unknown {
  const pool: unknown[] = [null, true, -1, 0, 1e308, -0.5, NaN, "", "x".repeat(300), [], [1, "a", null], {}, { $ref: "#" }, { __proto__: { polluted: true } }, "v1.@@@", "https://x/?s=v1.AAAA", 12.345e-300];
  return pool[Math.floor(rnd() * pool.length)];
}

function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = [v];
  return v;
}

/** Tool calls whose arguments are wrong in a way each tool must refuse. */
function hostileToolCalls(count: number, seed: number): Array<{ name: string; arguments: Record<string, unknown>; why: string }> {
  const rnd = mulberry32(seed);
  const cases: Array<{ name: string; arguments: Record<string, unknown>; why: string }> = [];
  const fixed: Array<{ name: string; arguments: Record<string, unknown>; why: string }> = [
    { name: "estimate", arguments: {}, why: "empty arguments" },
    { name: "estimate", arguments: { ...example, services: Array.from({ length: 101 }, (_, i) => ({ name: `s${i}`, vcpu: 1, memoryGiB: 2, tasks: 1 })) }, why: "101 services" },
    { name: "estimate", arguments: { ...example, services: [{ name: "x".repeat(200_000), vcpu: 1, memoryGiB: 2, tasks: 1 }] }, why: "a 200 kB name" },
    { name: "estimate", arguments: { ...example, padding: "x".repeat(300_000) }, why: "above 256 kB" },
    { name: "estimate", arguments: { ...example, services: nested(3_000) }, why: "deep nesting" },
    { name: "estimate", arguments: { ...example, region: "mars-north-1" }, why: "unknown region" },
    { name: "estimate", arguments: { ...example, catalog: "1999-01-01" }, why: "unknown catalog" },
    { name: "compare_regions", arguments: { ...example, services: [] }, why: "no services" },
    { name: "compare_estimates", arguments: { old: "v1.garbage", new: example }, why: "broken share link" },
    { name: "compare_estimates", arguments: { old: example }, why: "new missing" },
    { name: "compare_estimates", arguments: { old: "x".repeat(5_300_000), new: example }, why: "a 5.3 MB side" },
    { name: "rightsize", arguments: { usage: "" }, why: "empty usage" },
    { name: "rightsize", arguments: { usage: "\u0000\u0001PK", vcpu: 1, memoryGiB: 2 }, why: "binary usage" },
    { name: "rightsize", arguments: { usage: "time,CpuUtilized\n", input: "v1.???" }, why: "bad link" },
    { name: "import_kubernetes", arguments: { manifests: "a: [".repeat(10_000) }, why: "unclosed YAML" },
    { name: "import_kubernetes", arguments: { manifests: "x".repeat(1_100_000) }, why: "above 1 MiB" },
    { name: "import_kubernetes", arguments: { manifests: "a: &a [*a, *a]\nb: *a\n" }, why: "alias bomb" },
    { name: "import_terraform", arguments: { plan: "{\"format_version\": 1" }, why: "truncated plan" },
    { name: "import_terraform", arguments: { plan: "[]".repeat(10) }, why: "not a plan" },
    { name: "import_cloudformation", arguments: { template: "Resources: !Ref" }, why: "bad template" },
    { name: "import_cloudformation", arguments: { template: "x".repeat(5_300_000) }, why: "above 5 MB" },
    { name: "explain", arguments: {}, why: "nothing to explain" },
    { name: "explain", arguments: { input: example, option: "nope" }, why: "unknown option" },
    { name: "explain", arguments: { input: example, option: "ec2", line: 999 }, why: "unknown line" },
    { name: "explain", arguments: { topic: "no such rule at all" }, why: "unknown topic" },
  ];
  cases.push(...fixed);
  const required: Record<string, string[]> = {
    estimate: ["version", "region", "services"],
    compare_regions: ["version", "region", "services"],
    compare_estimates: ["old", "new", "maxIncrease"],
    rightsize: ["usage", "vcpu", "headroomPct", "service"],
    import_kubernetes: ["manifests", "region", "daemonSetNodes"],
    import_terraform: ["plan", "region"],
    import_cloudformation: ["template", "region"],
    explain: ["input", "option", "line", "topic"],
  };
  while (cases.length < count) {
    const r = rnd();
    if (r < 0.15) {
      cases.push({ name: `tool_${Math.floor(rnd() * 1e6)}${rnd() < 0.5 ? "" : "\u0000<script>"}`, arguments: {}, why: "unknown tool" });
      continue;
    }
    const name = TOOLS[Math.floor(rnd() * TOOLS.length)]!;
    const keys = required[name]!;
    const key = keys[Math.floor(rnd() * keys.length)]!;
    const base: Record<string, unknown> =
      name === "estimate" || name === "compare_regions"
        ? { ...example }
        : name === "compare_estimates"
          ? { old: example, new: example }
          : name === "explain"
            ? { input: example }
            : name === "rightsize"
              ? { usage: "x" }
              : { [keys[0]!]: "x" };
    if (r < 0.6) base[key] = wrongValue(rnd);
    else if (r < 0.75) base[`unknown_${Math.floor(rnd() * 1000)}`] = wrongValue(rnd);
    else if (r < 0.9 && (name === "estimate" || name === "compare_regions")) base.services = [{ name: "api", vcpu: wrongValue(rnd), memoryGiB: 2, tasks: 1 }];
    else base[key] = wrongValue(rnd);
    // Wrong values that happen to be valid (e.g. a number where any number goes) are made invalid for sure.
    if (name === "estimate" || name === "compare_regions") base.version = rnd() < 0.5 ? 2 : base.version;
    if (name === "explain") base.option = base.option ?? `missing-${Math.floor(rnd() * 100)}`;
    if (name === "compare_estimates" && base.old === example) base.new = wrongValue(rnd) ?? "v1.x";
    cases.push({ name, arguments: base, why: `wrong ${key}` });
  }
  return cases;
}

/** A raw HTTP request (node:http lets a test declare a Content-Length the body does not have). */
function send(url: URL, method: string, headers: Record<string, string>, body: string | Uint8Array | undefined): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let status = 0;
    let text = "";
    const req = request(url, { method, headers, agent: false }, (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding("utf8");
      res.on("data", (c: string) => (text += c));
      res.on("end", () => resolve({ status, text }));
    });
    // The server may answer (413) and close before a lying or huge body is sent: the answer is what counts.
    req.on("error", (error) => (status > 0 ? resolve({ status, text }) : reject(new Error(`${method} ${JSON.stringify(headers).slice(0, 100)}: ${error.message}`))));
    if (body !== undefined && !headers["content-length"]) req.end(body);
    else req.end();
  });
}

describe("hostile tool calls over HTTP (the SDK client)", () => {
  it("170 wrong, huge or unknown tool calls: every one an error, each within 1 s", async () => {
    const cases = hostileToolCalls(170, 26);
    let errors = 0;
    let slowest = 0;
    for (const c of cases) {
      const t0 = performance.now();
      let outcome: "tool-error" | "protocol-error" | "answer";
      try {
        const result = await session.client.callTool({ name: c.name, arguments: c.arguments });
        outcome = result.isError ? "tool-error" : "answer";
        if (result.isError) {
          const errs = (result.structuredContent as { errors?: Array<{ path: string; message: string }> }).errors;
          expect(errs?.length, c.why).toBeGreaterThan(0);
          for (const e of errs ?? []) expect(typeof e.path === "string" && typeof e.message === "string", c.why).toBe(true);
        }
      } catch (error) {
        // Unknown tools are JSON-RPC errors (InvalidParams); a body above the HTTP limit is refused with 413.
        outcome = "protocol-error";
        expect(String(error), c.why).toMatch(/Unknown tool|Payload Too Large|413|-32602|-32600/);
      }
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      expect(outcome, `${c.name}: ${c.why}`).not.toBe("answer");
      expect(ms, `${c.name}: ${c.why}`).toBeLessThan(PER_CALL_LIMIT_MS);
      errors++;
    }
    expect(errors).toBe(170);
    console.log(`hostile tool calls: ${errors} errors, slowest ${Math.round(slowest)} ms`);
  });

  it("30 malformed JSON-RPC requests and wrong methods: JSON errors (4xx), never a 5xx, each within 1 s", async () => {
    const headers = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    const init = { jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "h", version: "1" } } };
    const bodies: Array<{ body?: string | Uint8Array; headers?: Record<string, string>; method?: string; why: string; answered?: true }> = [
      { body: "{", why: "truncated JSON" },
      { body: "", why: "empty body" },
      { body: "null", why: "null" },
      { body: "42", why: "a number" },
      { body: "[]", why: "an empty batch" },
      { body: "[1,2,3]", why: "a batch of numbers" },
      { body: JSON.stringify({ jsonrpc: "1.0", id: 1, method: "tools/list" }), why: "jsonrpc 1.0" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1 }), why: "no method" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: { a: 1 }, method: "tools/list" }), why: "an object id" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: "estimate" }), why: "params a string" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: 5 } }), why: "tool name a number" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "no/such/method", params: {} }), why: "unknown method" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: "file:///etc/passwd" } }), why: "a file URI" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: "ecs-estimator://../../x" } }), why: "a traversal URI" },
      { body: JSON.stringify({ ...init, params: { ...init.params, protocolVersion: 42 } }), why: "a numeric protocol version" },
      { body: JSON.stringify({ ...init, method: "tools/list" }), why: "tools/list with no initialize first (stateless: answered)", answered: true },
      { body: new Uint8Array([0xff, 0xfe, 0x7b]), why: "not UTF-8" },
      { body: `{"jsonrpc":"2.0","id":1,"method":"tools/list","params":${"[".repeat(100_000)}`, why: "deep unclosed nesting" },
      { body: JSON.stringify(init), headers: { "content-type": "text/plain", accept: headers.accept }, why: "text/plain" },
      { body: JSON.stringify(init), headers: { "content-type": "application/json", accept: "text/html" }, why: "an Accept without JSON" },
      { body: JSON.stringify(init), headers: { ...headers, origin: "https://evil.example" }, why: "a foreign Origin" },
      { body: JSON.stringify(init), headers: { ...headers, "content-length": String(50 * 1024 * 1024) }, why: "a declared 50 MB body" },
      { body: "x".repeat(7 * 1024 * 1024), why: "a 7 MB body" },
      { method: "GET", why: "GET (no SSE stream)" },
      { method: "DELETE", why: "DELETE (no session)" },
      { method: "PUT", body: "{}", why: "PUT" },
      { body: JSON.stringify([{ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "nope" } }]), why: "a batch calling an unknown tool" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "estimate", arguments: "not an object" } }), why: "arguments a string" },
      { body: JSON.stringify({ jsonrpc: "2.0", method: "notifications/unknown" }), why: "an unknown notification" },
      { body: JSON.stringify({ jsonrpc: "2.0", id: 1, result: {} }), why: "a response sent as a request" },
    ];
    expect(bodies).toHaveLength(30);
    let slowest = 0;
    for (const b of bodies) {
      const t0 = performance.now();
      const res = await send(http.url, b.method ?? "POST", b.headers ?? headers, b.body).catch((error: Error) => {
        throw new Error(`${b.why}: ${error.message}`);
      });
      const text = res.text;
      const ms = performance.now() - t0;
      slowest = Math.max(slowest, ms);
      expect(res.status, `${b.why}: ${text.slice(0, 200)}`).toBeLessThan(500);
      expect(ms, b.why).toBeLessThan(PER_CALL_LIMIT_MS);
      if (res.status === 202) continue; // a notification (or response) the server accepted and ignored: no answer to give
      if (b.method === "PUT") {
        expect(res.status).toBe(405); // a method the route does not export: Next answers 405 itself (the adapter too)
        continue;
      }
      if (process.env.MCP_HOSTILE_DEBUG) console.log(b.why, res.status, text.slice(0, 160));
      expect(text, `${b.why}: status ${res.status}`).not.toBe("");
      const body = JSON.parse(text) as { error?: { code: number; message: string }; result?: unknown; errors?: unknown };
      if (res.status === 200) {
        // Only JSON-RPC answers come back as 200: an error object, or (for a batch) a list of them, never a result of a bad call.
        const items = Array.isArray(body) ? body : [body];
        for (const item of items as Array<{ error?: { code: number }; result?: unknown }>) {
          if (b.answered) expect(item.result, b.why).toBeTruthy();
          // A server fault (-32603) is not an answer to bad input: malformed params are InvalidParams (-32602) or the
          // SDK's own check of initialize.
          else expect(item.error?.code, `${b.why}: ${text.slice(0, 200)}`).toBeOneOf(b.why.includes("protocol version") ? [-32602, -32603] : [-32602, -32601]);
        }
      } else {
        expect(body.error ?? body.errors, `${b.why}: ${text.slice(0, 200)}`).toBeTruthy();
      }
    }
    console.log(`malformed JSON-RPC: 30 refused, slowest ${Math.round(slowest)} ms`);
  });

  it("is still alive and exact afterwards", async () => {
    const result = await session.client.callTool({ name: "estimate", arguments: example });
    expect(result.isError).toBeFalsy();
    expect((result.structuredContent as { summary: { options: Array<{ id: string; monthlyCents: number }> } }).summary.options.find((o) => o.id === "fargate")?.monthlyCents).toBe(19822);
  });
});

describe("malformed JSON-RPC over stdio", () => {
  it("garbage lines get JSON-RPC errors or are ignored; the process keeps answering", async () => {
    const child = spawn(process.execPath, [path.join(ROOT, "bin", "mcp.mjs")], { cwd: tmpdir(), stdio: ["pipe", "pipe", "pipe"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    const lines = [
      "not json",
      "{",
      "[]",
      "null",
      JSON.stringify({ jsonrpc: "2.0", id: 1, method: "initialize", params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "s", version: "1" } } }),
      JSON.stringify({ jsonrpc: "2.0", method: "notifications/initialized" }),
      JSON.stringify({ jsonrpc: "2.0", id: 2, method: "tools/call", params: { name: "nope", arguments: {} } }),
      JSON.stringify({ jsonrpc: "2.0", id: 3, method: "tools/call", params: { name: "estimate", arguments: { version: "1" } } }),
      JSON.stringify({ jsonrpc: "2.0", id: 4, method: "no/such" }),
      JSON.stringify({ jsonrpc: "2.0", id: 5, method: "tools/call", params: { name: "estimate", arguments: example } }),
    ];
    child.stdin.write(lines.join("\n") + "\n");
    const deadline = Date.now() + 20_000;
    while (!out.includes('"id":5') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    child.stdin.end();
    await new Promise((r) => child.once("exit", r));
    const answers = out.trim().split("\n").map((l) => JSON.parse(l) as { id?: number; error?: { code: number }; result?: { isError?: boolean } });
    const byId = new Map(answers.filter((a) => a.id !== undefined).map((a) => [a.id, a]));
    expect(byId.get(2)?.error?.code).toBe(-32602);
    expect(byId.get(3)?.result?.isError).toBe(true);
    expect(byId.get(4)?.error?.code).toBe(-32601);
    expect(byId.get(5)?.result?.isError).toBeFalsy();
  });
});
