/**
 * The container image, checked by reading the Dockerfile (Docker itself may be absent where npm test runs):
 * the runtime stage runs as a non-root user, has a HEALTHCHECK on /api/health, copies only the standalone
 * output, its static files and the price snapshot (no node_modules, no sources, no npm), and puts them where
 * server.js (which chdirs to its own directory) and lib/catalog/fs-loader.ts (<cwd>/data/catalog) look.
 * That the standalone server really serves an estimate is scripts/standalone-check.ts, a stage of npm test.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const require = createRequire(import.meta.url);

interface Instruction {
  op: string;
  args: string;
}
interface Stage {
  name: string;
  from: string;
  instructions: Instruction[];
}

/** Dockerfile -> stages of instructions (comments dropped, continuations joined, runs of blanks as one, ARG defaults resolved in FROM). */
function parseDockerfile(text: string): { args: Record<string, string>; stages: Stage[] } {
  const lines: string[] = [];
  let pending = "";
  for (const raw of text.split("\n")) {
    if (/^\s*#/.test(raw)) continue;
    const line = raw.replace(/\s+$/, "");
    if (line.endsWith("\\")) {
      pending += line.slice(0, -1) + " ";
      continue;
    }
    const full = (pending + line).replace(/\s+/g, " ").trim();
    pending = "";
    if (full) lines.push(full);
  }
  const args: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const line of lines) {
    const m = /^(\w+)\s+([\s\S]*)$/.exec(line);
    if (!m) throw new Error(`unreadable Dockerfile line: ${line}`);
    const op = m[1]!.toUpperCase();
    const rest = m[2]!.trim();
    if (op === "ARG" && stages.length === 0) {
      const [k, v] = rest.split("=");
      args[k!] = v ?? "";
    } else if (op === "FROM") {
      const fm = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(rest);
      if (!fm) throw new Error(`unreadable FROM: ${rest}`);
      const image = fm[1]!.replace(/\$\{(\w+)\}|\$(\w+)/g, (_, a: string | undefined, b: string | undefined) => args[(a ?? b)!] ?? "");
      stages.push({ name: fm[2] ?? String(stages.length), from: image, instructions: [] });
    } else {
      if (stages.length === 0) throw new Error(`${op} before the first FROM`);
      stages.at(-1)!.instructions.push({ op, args: rest });
    }
  }
  return { args, stages };
}

function copies(stage: Stage): Array<{ from: string | null; sources: string[]; dest: string }> {
  return stage.instructions
    .filter((i) => i.op === "COPY" || i.op === "ADD")
    .map((i) => {
      const words = i.args.split(/\s+/);
      const from = words.find((w) => w.startsWith("--from="))?.slice("--from=".length) ?? null;
      const paths = words.filter((w) => !w.startsWith("--"));
      return { from, sources: paths.slice(0, -1), dest: paths.at(-1)! };
    });
}

function envOf(stage: Stage): Record<string, string> {
  const env: Record<string, string> = {};
  for (const i of stage.instructions.filter((x) => x.op === "ENV")) {
    for (const m of i.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)) env[m[1]!] = m[2]!.replace(/^"|"$/g, "");
  }
  return env;
}

const dockerfile = parseDockerfile(readFileSync(path.join(ROOT, "Dockerfile"), "utf8"));
const runtime = dockerfile.stages.at(-1)!;
const workdir = runtime.instructions.filter((i) => i.op === "WORKDIR").at(-1)?.args;

describe("Dockerfile", () => {
  it("is multi-stage on Node 20 slim (or distroless Node 20) in every stage", () => {
    expect(dockerfile.stages.length).toBeGreaterThanOrEqual(2);
    for (const s of dockerfile.stages) expect(s.from, `stage ${s.name}`).toMatch(/^(node:20[\w.-]*-slim|gcr\.io\/distroless\/nodejs20-debian\d+(:[\w-]+)?)$/);
  });

  it("runs the server as a non-root user", () => {
    const users = runtime.instructions.filter((i) => i.op === "USER").map((i) => i.args.split(":")[0]!);
    expect(users.length).toBeGreaterThan(0);
    const user = users.at(-1)!;
    expect(["root", "0"]).not.toContain(user);
    // A numeric uid needs no /etc/passwd lookup (Kubernetes runAsNonRoot can verify it); if named, it must exist.
    if (!/^\d+$/.test(user)) expect(runtime.instructions.some((i) => i.op === "RUN" && new RegExp(`useradd[^&]*\\b${user}\\b`).test(i.args))).toBe(true);
  });

  it("has a HEALTHCHECK on /api/health at the server's PORT, and that route exists", () => {
    const hc = runtime.instructions.filter((i) => i.op === "HEALTHCHECK");
    expect(hc).toHaveLength(1);
    expect(hc[0]!.args).toMatch(/--interval=\d+s/);
    expect(hc[0]!.args).toMatch(/--timeout=\d+s/);
    expect(hc[0]!.args).toContain("/api/health");
    expect(hc[0]!.args).toContain("process.env.PORT");
    // exits non-zero on a non-2xx answer and on a refused connection
    expect(hc[0]!.args).toMatch(/r\.ok \? 0 : 1/);
    expect(hc[0]!.args).toMatch(/\(\) => process\.exit\(1\)/);
    expect(existsSync(path.join(ROOT, "app", "api", "health", "route.ts"))).toBe(true);
  });

  it("copies only the standalone output, its static files, the price snapshot and the billing rules (MCP) into the runtime stage", () => {
    const build = dockerfile.stages.find((s) => s.instructions.some((i) => i.op === "RUN" && /next build/.test(i.args)));
    expect(build, "a stage that runs next build").toBeDefined();
    const cs = copies(runtime);
    for (const c of cs) expect(c.from, `COPY ${c.sources.join(" ")} comes from the build stage`).toBe(build!.name);
    const sources = cs.flatMap((c) => c.sources).sort();
    expect(sources).toEqual(["/app/.next/standalone", "/app/.next/static", "/app/data/catalog", "/app/docs/billing-rules.md"]);
    const dest = Object.fromEntries(cs.map((c) => [c.sources[0]!, c.dest]));
    // server.js chdirs to its own directory (WORKDIR); the loader reads <cwd>/data/catalog; Next serves <dir>/.next/static.
    expect(workdir).toBe("/app");
    expect(dest["/app/.next/standalone"]).toBe("./");
    expect(dest["/app/.next/static"]).toBe("./.next/static");
    expect(dest["/app/data/catalog"]).toBe("./data/catalog");
    // POST /api/mcp reads <cwd>/docs/billing-rules.md (lib/catalog/fs-loader.ts loadBillingRulesDoc).
    expect(dest["/app/docs/billing-rules.md"]).toBe("./docs/billing-rules.md");
  });

  it("installs no dependencies in the runtime stage and starts server.js with node", () => {
    for (const i of runtime.instructions.filter((x) => x.op === "RUN")) expect(i.args).not.toMatch(/\b(npm|npx|yarn|pnpm)\b/);
    for (const c of copies(runtime)) for (const s of c.sources) expect(s).not.toMatch(/node_modules|^\.$|package(-lock)?\.json/);
    const cmd = runtime.instructions.filter((i) => i.op === "CMD").at(-1)!;
    expect(JSON.parse(cmd.args)).toEqual(["node", "--max-http-header-size=262144", "server.js"]);
    const env = envOf(runtime);
    expect(env.NODE_ENV).toBe("production");
    expect(env.NEXT_TELEMETRY_DISABLED).toBe("1");
    // server.js listens on HOSTNAME:PORT; 0.0.0.0 so the load balancer reaches it (Docker and Kubernetes set HOSTNAME otherwise).
    expect(env.HOSTNAME).toBe("0.0.0.0");
    expect(runtime.instructions.find((i) => i.op === "EXPOSE")?.args).toBe(env.PORT);
  });

  it("installs dependencies from the lockfile only, without downloading a browser", () => {
    const deps = dockerfile.stages[0]!;
    expect(copies(deps).flatMap((c) => c.sources).sort()).toEqual(["package-lock.json", "package.json"]);
    expect(deps.instructions.some((i) => i.op === "RUN" && /^npm ci\b/.test(i.args))).toBe(true);
    expect(envOf(deps).PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD).toBe("1");
  });
});

describe(".dockerignore and next.config.js", () => {
  it("keeps local installs, builds, test output, git and secrets out of the build context", () => {
    const ignored = readFileSync(path.join(ROOT, ".dockerignore"), "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#"));
    for (const p of ["node_modules", ".next", ".git", "test-results", ".env", ".env.*", ".aws"]) expect(ignored).toContain(p);
    // data/ and the sources the build needs must stay in the context
    for (const p of ignored) expect(p).not.toMatch(/^(data|app|lib|components|package(-lock)?\.json)\b/);
  });

  it("builds the standalone server with the price snapshot traced in and the raw sources left out", () => {
    const config = require(path.join(ROOT, "next.config.js")) as {
      output?: string;
      outputFileTracingIncludes?: Record<string, string[]>;
      outputFileTracingExcludes?: Record<string, string[]>;
    };
    expect(config.output).toBe("standalone");
    expect(config.outputFileTracingIncludes?.["/api/**"]).toEqual(["./data/catalog/**/*.json", "./docs/billing-rules.md"]);
    expect(config.outputFileTracingExcludes?.["/**"]).toContain("./data/sources/**");
  });
});

describe("parseDockerfile", () => {
  it("joins continuations, drops comments and resolves ARG defaults in FROM", () => {
    const p = parseDockerfile("ARG IMG=node:20-slim\n# c\nFROM ${IMG} AS a\nRUN a \\\n  && b\nFROM a\nUSER 1:1\n");
    expect(p.stages.map((s) => [s.name, s.from])).toEqual([
      ["a", "node:20-slim"],
      ["1", "a"],
    ]);
    expect(p.stages[0]!.instructions).toEqual([{ op: "RUN", args: "a && b" }]);
  });
});
