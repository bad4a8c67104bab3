/**
 * Deterministic generators of hostile input for the API and for share links (issue 6).
 * Seeded, so a failing case can be replayed from its label.
 */
import LZString from "lz-string";
import { mulberry32 } from "../../scripts/support/prng";

/** A valid EstimateInput the hostile cases start from. */
/** Every field of the contract appears, so "a wrong type at every field" covers the 2026-11-30 additions too. */
export const VALID_INPUT = {
  version: 1,
  region: "us-east-1",
  services: [
    {
      name: "api",
      vcpu: 1,
      memoryGiB: 2,
      tasks: 4,
      interruptible: false,
      logs: { ingestedGBPerMonth: 20, class: "standard", retentionMonths: 3 },
      // Informational on ECS (the task size is vcpu / memoryGiB): present so every EKS field gets a wrong type too.
      containers: [
        { name: "migrate", vcpu: 0.5, memoryGiB: 0.5, init: true },
        { name: "app", vcpu: 0.75, memoryGiB: 1.5, init: false },
      ],
    },
    { name: "worker", vcpu: 0.5, memoryGiB: 1, architecture: "arm64", tasks: 2, interruptible: true, usage: { kind: "scheduled", runsPerDay: 24, secondsPerRun: 30 } },
  ],
  network: {
    loadBalancers: [{ name: "public", type: "alb", count: 1, newConnectionsPerSecond: 10, activeConnectionsPerMinute: 500, processedGBPerHour: 0.5, ruleEvaluationsPerSecond: 0 }],
    natGateways: { count: 1, processedGBPerMonth: 100 },
    publicIpv4: { fargateTasks: false, ec2Instances: true, extraAddresses: 1 },
    vpcInterfaceEndpoints: { count: 1, azs: 2, processedGBPerMonth: 10 },
    dataTransferOutGBPerMonth: 300,
    interAzGBPerMonth: 50,
  },
  ec2: { targetUtilizationPct: 90, minInstances: 2, purchase: "reserved-1y" },
  // ECS, said explicitly; the eks settings are then unused (they only apply with orchestrator "eks").
  orchestrator: "ecs",
  eks: { clusters: 1, support: "standard", daemonSetReserve: { vcpu: 0.1, memoryGiB: 0.25 }, prefixDelegation: false, nodeVolumeGiB: 20 },
};

const WRONG_VALUES: unknown[] = [
  null, true, false, -1, 0, 1e308, -1e308, 1.5, "1", "", "x".repeat(5000), [], [1, 2], {}, { a: 1 },
  "<script>alert(1)</script>", "NaN", "Infinity", 2 ** 53 + 1, -0,
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

/** Every JSON path of an object, e.g. ["services", 0, "vcpu"]. */
function paths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = [prefix];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
  else if (value && typeof value === "object") for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  return out;
}

function jsonType(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

function getAt(root: unknown, path: (string | number)[]): unknown {
  let node = root as { [k: string]: unknown };
  for (const key of path) node = node[key as string] as { [k: string]: unknown };
  return node;
}

/** A value of a different JSON type than the one at `path`, so the result is always invalid. */
function wrongTypeFor(rand: () => number, root: unknown, path: (string | number)[]): unknown {
  const original = jsonType(getAt(root, path));
  return pick(rand, WRONG_VALUES.filter((v) => jsonType(v) !== original));
}

function setAt(root: Json, path: (string | number)[], value: unknown): Json {
  if (path.length === 0) return value as Json;
  const copy = structuredClone(root) as { [k: string]: unknown };
  let node: { [k: string]: unknown } = copy;
  for (const key of path.slice(0, -1)) node = node[key as string] as { [k: string]: unknown };
  node[path[path.length - 1] as string] = value;
  return copy as Json;
}

function randomBytes(rand: () => number, n: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.floor(rand() * 256);
  return out;
}

function deepNesting(depth: number, open: string, close: string, inner = "1"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

export interface HostileBody {
  label: string;
  body: string | Uint8Array<ArrayBuffer>;
  contentType?: string;
}

/**
 * `count` malformed API bodies covering: random bytes, random text, truncation, deep nesting, huge arrays,
 * __proto__ / constructor / prototype keys, a wrong type at every field, wrong versions, invalid UTF-8,
 * non-JSON content types, and (once each) a 10 MB and a 300 kB body.
 */
export function hostileApiBodies(seed: number, count: number): HostileBody[] {
  const rand = mulberry32(seed);
  const valid = JSON.stringify(VALID_INPUT);
  const fieldPaths = paths(VALID_INPUT).filter((p) => p.length > 0);
  const out: HostileBody[] = [
    { label: "10 MB body", body: '{"version":1,"pad":"' + "a".repeat(10 * 1024 * 1024) + '"}' },
    { label: "320 kB array", body: "[" + Array.from({ length: 160_000 }, () => "0").join(",") + "]" },
    { label: "empty body", body: "" },
    { label: "invalid UTF-8", body: new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]) },
    { label: "text/plain", body: valid, contentType: "text/plain" },
    { label: "form encoded", body: "version=1&region=us-east-1", contentType: "application/x-www-form-urlencoded" },
  ];
  const makers: ((i: number) => HostileBody)[] = [
    (i) => ({ label: `random bytes #${i}`, body: randomBytes(rand, 1 + Math.floor(rand() * 2000)) }),
    (i) => ({ label: `random text #${i}`, body: Array.from({ length: 1 + Math.floor(rand() * 300) }, () => String.fromCharCode(32 + Math.floor(rand() * 95))).join("") }),
    (i) => ({ label: `truncated #${i}`, body: valid.slice(0, Math.floor(rand() * (valid.length - 1))) }),
    (i) => {
      const depth = 1000 + Math.floor(rand() * 50_000);
      return rand() < 0.5
        ? { label: `deep array nesting ${depth} #${i}`, body: deepNesting(depth, "[", "]") }
        : { label: `deep object nesting in a field ${depth} #${i}`, body: `{"version":1,"region":"us-east-1","services":${deepNesting(Math.min(depth, 40_000), '{"a":', "}")}}` };
    },
    (i) => {
      const n = 1_000 + Math.floor(rand() * 40_000);
      return { label: `huge services array ${n} #${i}`, body: JSON.stringify({ ...VALID_INPUT, services: Array.from({ length: n }, () => 1) }) };
    },
    (i) => {
      const key = pick(rand, ["__proto__", "constructor", "prototype"]);
      const where = rand();
      const polluted = `{"${key}":{"polluted":true,"isAdmin":true}}`;
      const body =
        where < 0.33
          ? valid.replace("{", `{"${key}":{"polluted":true},`)
          : where < 0.66
            ? valid.replace('{"name":"api"', `{"${key}":{"polluted":true},"name":"api"`)
            : polluted;
      return { label: `${key} key #${i}`, body };
    },
    (i) => {
      const path = pick(rand, fieldPaths);
      return { label: `wrong type at ${path.join(".")} #${i}`, body: JSON.stringify(setAt(VALID_INPUT as unknown as Json, path, wrongTypeFor(rand, VALID_INPUT, path))) };
    },
    (i) => ({ label: `wrong version #${i}`, body: JSON.stringify({ ...VALID_INPUT, version: pick(rand, [0, 2, "1", null, 1.0001, -1]) }) }),
    (i) => ({ label: `unknown region #${i}`, body: JSON.stringify({ ...VALID_INPUT, region: pick(rand, ["xx-nowhere-1", "us-east-9", "US-EAST-1", "../../etc/passwd", "us-east-1\u0000"]) }) }),
    (i) => ({ label: `unknown catalog #${i}`, body: JSON.stringify({ ...VALID_INPUT, catalog: pick(rand, ["1999-01-01", "2026-11-26.9", "../../package", "latest"]) }) }),
    (i) => ({ label: `top-level non-object #${i}`, body: JSON.stringify(pick(rand, WRONG_VALUES)) }),
  ];
  while (out.length < count) out.push(makers[out.length % makers.length]!(out.length));
  return out;
}

export interface HostileToken {
  label: string;
  token: string;
}

/** `count` hostile share tokens: random, truncated, bit-flipped, wrong version, oversized, valid-but-bad content. */
export function hostileShareTokens(seed: number, count: number): HostileToken[] {
  const rand = mulberry32(seed);
  const good = "v1." + LZString.compressToEncodedURIComponent(JSON.stringify(VALID_INPUT));
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$";
  const lz = (value: unknown) => "v1." + LZString.compressToEncodedURIComponent(typeof value === "string" ? value : JSON.stringify(value));
  const fieldPaths = paths(VALID_INPUT).filter((p) => p.length > 0);
  const makers: ((i: number) => HostileToken)[] = [
    (i) => ({ label: `random alphabet #${i}`, token: "v1." + Array.from({ length: 1 + Math.floor(rand() * 400) }, () => pick(rand, [...alphabet])).join("") }),
    (i) => ({ label: `random unicode #${i}`, token: Array.from({ length: 1 + Math.floor(rand() * 100) }, () => String.fromCharCode(Math.floor(rand() * 0xd7ff))).join("") }),
    (i) => ({ label: `truncated #${i}`, token: good.slice(0, 3 + Math.floor(rand() * (good.length - 4))) }),
    (i) => {
      const at = 3 + Math.floor(rand() * (good.length - 3));
      return { label: `flipped char at ${at} #${i}`, token: good.slice(0, at) + pick(rand, [...alphabet]) + good.slice(at + 1) };
    },
    (i) => ({ label: `wrong version #${i}`, token: pick(rand, ["v0.", "v2.", "v99.", "V1.", "1.", "v.", ""]) + good.slice(3) }),
    (i) => ({ label: `oversized #${i}`, token: "v1." + "A".repeat(12_001 + Math.floor(rand() * 150_000)) }),
    (i) => ({ label: `not JSON inside #${i}`, token: lz(pick(rand, ["hello", "{", "<script>alert(1)</script>", "[1,2", "\u0000"])) }),
    (i) => ({ label: `__proto__ inside #${i}`, token: lz(JSON.stringify(VALID_INPUT).replace("{", '{"__proto__":{"polluted":true},')) }),
    (i) => {
      const path = pick(rand, fieldPaths);
      return { label: `wrong type at ${path.join(".")} #${i}`, token: lz(setAt(VALID_INPUT as unknown as Json, path, wrongTypeFor(rand, VALID_INPUT, path))) };
    },
    (i) => ({ label: `script in name #${i}`, token: lz({ ...VALID_INPUT, services: [{ ...VALID_INPUT.services[0], name: "<img src=x onerror=alert(1)>" + "x".repeat(Math.floor(rand() * 80)) }] }) }),
    (i) => ({ label: `deep nesting inside #${i}`, token: lz(deepNesting(2000 + Math.floor(rand() * 3000), "[", "]")) }),
  ];
  const out: HostileToken[] = [];
  while (out.length < count) out.push(makers[out.length % makers.length]!(out.length));
  return out;
}
