/**
 * npm test provisions its browser (issue 21): scripts/support/ensure-chromium.sh, run with a CHROMIUM_PATH that
 * does not exist (Chromium cannot be uninstalled on the test machine) and, for the install path, a stand-in
 * `apt-get` first on PATH that "installs" an executable where Debian's package would (no network, no root change).
 */
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

const SCRIPT = path.resolve(import.meta.dirname, "../../../scripts/support/ensure-chromium.sh");
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function tmp(): string {
  const d = mkdtempSync(path.join(tmpdir(), "ensure-chromium-"));
  dirs.push(d);
  return d;
}

function run(env: Record<string, string>, args: string[] = []) {
  const out = spawnSync("bash", [SCRIPT, ...args], { env: { ...process.env, ...env }, encoding: "utf8" });
  return { code: out.status, stdout: out.stdout.trim(), stderr: out.stderr.trim() };
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;

describe("ensure-chromium.sh", () => {
  it("uses an executable CHROMIUM_PATH as it is, in one line", () => {
    const dir = tmp();
    const fake = path.join(dir, "chromium");
    writeFileSync(fake, "#!/bin/sh\necho 'Chromium 1.2.3 fake'\n");
    chmodSync(fake, 0o755);
    const out = run({ CHROMIUM_PATH: fake });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(fake);
    expect(out.stderr).toBe(`chromium: found ${fake} (Chromium 1.2.3 fake)`);
  });

  it("skips with a clear message when it may not install", () => {
    const out = run({ CHROMIUM_PATH: "/nonexistent/chromium", ENSURE_CHROMIUM_NO_INSTALL: "1" });
    expect(out.code).toBe(3);
    expect(out.stdout).toBe("");
    expect(out.stderr).toContain("browser tests skipped");
    expect(out.stderr.split("\n")).toHaveLength(1);
  });

  it.runIf(isRoot)("--dry-run as root says it would install with apt-get and changes nothing", () => {
    const dir = tmp();
    const log = path.join(dir, "apt.log");
    writeFileSync(path.join(dir, "apt-get"), `#!/bin/sh\necho "$@" >> ${log}\n`);
    chmodSync(path.join(dir, "apt-get"), 0o755);
    const out = run({ CHROMIUM_PATH: path.join(dir, "chromium"), PATH: `${dir}:${process.env.PATH}` }, ["--dry-run"]);
    expect(out.code).toBe(0);
    expect(out.stderr).toContain("would run 'apt-get update && apt-get install -y chromium'");
    expect(existsSync(log)).toBe(false);
  });

  it.runIf(isRoot)("as root with apt-get, installs Debian's chromium when missing and says so", () => {
    const dir = tmp();
    const target = path.join(dir, "chromium");
    const log = path.join(dir, "apt.log");
    // The stand-in apt-get records its calls; "install" puts an executable where CHROMIUM_PATH points.
    writeFileSync(
      path.join(dir, "apt-get"),
      `#!/bin/sh\necho "$@" >> ${log}\ncase "$*" in *install*chromium*) printf '#!/bin/sh\\necho "Chromium 9.9 installed"\\n' > ${target}; chmod 755 ${target};; esac\n`,
    );
    chmodSync(path.join(dir, "apt-get"), 0o755);
    const out = run({ CHROMIUM_PATH: target, PATH: `${dir}:${process.env.PATH}` });
    expect(out.code).toBe(0);
    expect(out.stdout).toBe(target);
    expect(out.stderr).toBe(`chromium: ${target} was missing; installed Debian's chromium with apt-get (${target}, Chromium 9.9 installed)`);
    expect(readFileSync(log, "utf8").trim().split("\n")).toEqual(["update -qq", "install -y -qq chromium"]);
  });

  it.runIf(isRoot)("reports a failed install (exit 1) instead of running tests without a browser", () => {
    const dir = tmp();
    writeFileSync(path.join(dir, "apt-get"), "#!/bin/sh\nexit 100\n");
    chmodSync(path.join(dir, "apt-get"), 0o755);
    const out = run({ CHROMIUM_PATH: path.join(dir, "chromium"), PATH: `${dir}:${process.env.PATH}` });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain("failed: browser tests cannot run");
  });
});
