/**
 * `npm run prices:refresh` never prints credentials: with fake AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY /
 * AWS_SESSION_TOKEN in the environment, neither stdout nor stderr of a successful run, a refused-credentials
 * run (whose error message echoes the secret and the token back), a server error or a bad-arguments run
 * contains any of them. Runs the real script against the local fake Pricing API (127.0.0.1), on a temp copy
 * of data/ (the refresh writes a new snapshot on success).
 */
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ec2Item, ecsItem, startFakePricing, type Fault, type FakeServer } from "../refresh/fake-pricing-server";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const TSX = path.join(ROOT, "node_modules", "tsx", "dist", "cli.mjs");
const SCRIPT = path.join(ROOT, "scripts", "refresh-prices.ts");
const KEY_ID = "ASIAFAKESESSIONKEY42";
const SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYfakeSECRET9";
const TOKEN = "IQoJb3JpZ2luX2VjEFakeSessionToken/" + "Zm9v".repeat(40) + "==";
const SECRETS = [KEY_ID, SECRET, TOKEN, TOKEN.slice(0, 40)];

const DATA = {
  AmazonECS: {
    "us-east-1": [
      ecsItem("us-east-1", "USE1-Fargate-vCPU-Hours:perCPU", "0.0404800000"),
      ecsItem("us-east-1", "USE1-Fargate-GB-Hours", "0.0044450000"),
      ecsItem("us-east-1", "USE1-Fargate-ARM-vCPU-Hours:perCPU", "0.0323800000"),
      ecsItem("us-east-1", "USE1-Fargate-ARM-GB-Hours", "0.0035600000"),
      ecsItem("us-east-1", "USE1-Fargate-Windows-vCPU-Hours:perCPU", "0.0465520000"),
      ecsItem("us-east-1", "USE1-Fargate-Windows-GB-Hours", "0.0051117500"),
      ecsItem("us-east-1", "USE1-Fargate-Windows-OS-Hours:perCPU", "0.0460000000"),
      ecsItem("us-east-1", "USE1-Fargate-EphemeralStorage-GB-Hours", "0.0001110000"),
    ],
  },
  AmazonEC2: {
    "us-east-1": [
      ec2Item("us-east-1", "BoxUsage:m5.large", "m5.large", "0.0960000000", { vcpu: "2", memory: "8 GiB", physicalProcessor: "Intel Xeon Platinum 8175 (Skylake)" }),
      ec2Item("us-east-1", "BoxUsage:m6g.large", "m6g.large", "0.0770000000", { vcpu: "2", memory: "8 GiB", physicalProcessor: "AWS Graviton2 Processor" }),
    ],
  },
};

let work: string;
beforeAll(() => {
  work = mkdtempSync(path.join(tmpdir(), "ecs-refresh-creds-"));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Run = { code: number | null; stdout: string; stderr: string };

async function run(args: string[], fault?: Fault): Promise<Run & { server: FakeServer }> {
  const dataDir = mkdtempSync(path.join(work, "data-"));
  cpSync(path.join(ROOT, "data"), dataDir, { recursive: true });
  const server = await startFakePricing(DATA, { pageSize: 3, fault });
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: work,
    AWS_EC2_METADATA_DISABLED: "true",
    AWS_CONFIG_FILE: path.join(work, "no-aws-config"),
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, "no-aws-credentials"),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
    AWS_ACCESS_KEY_ID: KEY_ID,
    AWS_SECRET_ACCESS_KEY: SECRET,
    AWS_SESSION_TOKEN: TOKEN,
  };
  try {
    return await new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [TSX, SCRIPT, "--data-dir", dataDir, ...args.map((a) => a.replace("$URL", server.url))], {
        cwd: ROOT,
        env: env as NodeJS.ProcessEnv,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (c: Buffer) => (stdout += c.toString()));
      child.stderr.on("data", (c: Buffer) => (stderr += c.toString()));
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr, server }));
    });
  } finally {
    await server.close();
  }
}

function expectNoCredentials(r: Run) {
  for (const [stream, text] of [["stdout", r.stdout], ["stderr", r.stderr]] as const)
    for (const s of SECRETS) expect(text.includes(s), `${stream} contains ${s.slice(0, 8)}...: ${text.slice(0, 400)}`).toBe(false);
}

describe("prices:refresh never prints credentials (stdout and stderr)", () => {
  it("successful run: the SDK did sign with the session credentials, nothing printed", async () => {
    const r = await run(["--region", "us-east-1", "--endpoint", "$URL"]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain("[us-east-1] AmazonECS page 1");
    // the credentials really were in use: SigV4 carries the key id and the session token header
    const first = r.server.requests[0]!;
    expect(String(first.headers.authorization)).toContain(`Credential=${KEY_ID}/`);
    expect(first.headers["x-amz-security-token"]).toBe(TOKEN);
    expectNoCredentials(r);
  });

  it("credentials refused, with the secret and token echoed in the AWS error message", async () => {
    const r = await run(["--region", "us-east-1", "--endpoint", "$URL"], () => ({
      status: 400,
      body: { __type: "UnrecognizedClientException", message: `The security token ${TOKEN} included in the request is invalid (key ${KEY_ID}, secret ${SECRET})` },
    }));
    expect(r.code).not.toBe(0);
    expect(r.stderr.length).toBeGreaterThan(0);
    expectNoCredentials(r);
  });

  it("server error and bad arguments", async () => {
    const e = await run(["--region", "us-east-1", "--endpoint", "$URL"], () => ({ status: 500, body: { __type: "InternalErrorException", message: `boom ${SECRET}` } }));
    expect(e.code).not.toBe(0);
    expectNoCredentials(e);
    const b = await run(["--regin", "us-east-1"]);
    expect(b.code).toBe(2);
    expectNoCredentials(b);
  });
});
