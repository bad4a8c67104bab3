/**
 * Starts the production server (`next start`, needs a prior `next build`) on a free 127.0.0.1 port as ONE
 * node process, reads its resident memory from /proc/<pid>/status and stops exactly that process by PID.
 * Shared by `npm run bench`, `npm run load` and tests/e2e/load.spec.ts.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

// __dirname: this module also runs inside Playwright (CommonJS transform) and tsx.
export const ROOT = path.resolve(__dirname, "..", "..");
/** Same as playwright.config.ts and scripts/start.mjs: share links may be long. */
export const MAX_HTTP_HEADER_SIZE = 262_144;

export class MissingBuildError extends Error {}

export function assertBuilt(root = ROOT): void {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")))
    throw new MissingBuildError(`No production build in ${path.join(root, ".next")}: run \`npx next build\` (or \`npm run build\`) first.`);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const addr = s.address();
      const port = typeof addr === "object" && addr ? addr.port : 0;
      s.close(() => (port ? resolve(port) : reject(new Error("no free port"))));
    });
  });
}

export interface RunningServer {
  url: string;
  pid: number;
  /** Resident set size of the server process in MB (VmRSS from /proc/<pid>/status). */
  rssMB(): number;
  stop(): Promise<void>;
  /** Last lines the server printed (for error messages). */
  log(): string;
}

export function rssMBOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const m = /^VmRSS:\s+(\d+)\s+kB$/m.exec(status);
  if (!m) throw new Error(`no VmRSS in /proc/${pid}/status`);
  return Number(m[1]) / 1024;
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs: number, log: () => string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (child.exitCode !== null) throw new Error(`next start exited with code ${child.exitCode}:\n${log()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`next start did not answer ${url}/api/health within ${timeoutMs} ms:\n${log()}`);
}

export async function startServer(opts: { port?: number; root?: string; env?: Record<string, string> } = {}): Promise<RunningServer> {
  const root = opts.root ?? ROOT;
  assertBuilt(root);
  // BENCH_PORT pins the port (a shared machine where each job has its own); else any free one.
  const port = opts.port ?? (process.env.BENCH_PORT ? Number(process.env.BENCH_PORT) : await freePort());
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(
    process.execPath,
    [`--max-http-header-size=${MAX_HTTP_HEADER_SIZE}`, path.join(root, "node_modules", "next", "dist", "bin", "next"), "start", "-p", String(port), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true", ...opts.env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  const keep = (c: Buffer) => {
    out = (out + c.toString()).slice(-4000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start next start");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    process.kill(pid, "SIGTERM");
    const timer = setTimeout(() => {
      if (child.exitCode === null && child.signalCode === null) process.kill(pid, "SIGKILL");
    }, 5000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitHealthy(url, child, 60_000, () => out);
  } catch (e) {
    await stop();
    throw e;
  }
  return { url, pid, rssMB: () => rssMBOf(pid), stop, log: () => out };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
