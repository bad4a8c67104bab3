/**
 * HTTP load against the running app with autocannon (programmatic API, 127.0.0.1 only): varied valid
 * POST /api/estimate bodies, and the trivial GET /api/health of the same app as the baseline.
 */
import autocannon, { type Result } from "autocannon";

/** Valid estimate bodies of different shapes (sizes, architectures, usage kinds, regions, Spot mix, EC2 options). */
export function estimateBodies(): string[] {
  const sizes: Array<[number, number]> = [
    [0.25, 0.5],
    [0.5, 1],
    [1, 2],
    [2, 4],
    [4, 16],
    [0.9, 3], // snapped up to 1 vCPU / 3 GiB on Fargate
    [8, 32],
    [16, 64],
  ];
  const regions = ["us-east-1", "eu-west-1", "us-west-2", "ap-southeast-2"];
  const bodies: string[] = [];
  for (let i = 0; i < 24; i++) {
    const count = 1 + (i % 5);
    const services = Array.from({ length: count }, (_, j) => {
      const [vcpu, memoryGiB] = sizes[(i + j) % sizes.length] as [number, number];
      return {
        name: `svc-${i}-${j}`,
        vcpu,
        memoryGiB,
        tasks: 1 + ((i * 7 + j * 3) % 40),
        architecture: (i + j) % 3 === 0 ? "arm64" : "x86_64",
        ...(j % 4 === 1 ? { usage: { kind: "scheduled", runsPerDay: 24 + j, secondsPerRun: 45 + 60 * j } } : {}),
        ...(i % 6 === 2 ? { ephemeralStorageGiB: 50 } : {}),
        ...(j === 0 && i % 4 === 3 ? { fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 3 } } : {}),
      };
    });
    bodies.push(
      JSON.stringify({
        version: 1,
        region: regions[i % regions.length],
        services,
        ...(i % 5 === 4 ? { fargate: { savingsPlan: "compute-1y" } } : {}),
        ...(i % 3 === 1 ? { ec2: { targetUtilizationPct: 80, minInstances: 2 } } : {}),
      }),
    );
  }
  return bodies;
}

export interface LoadFigures {
  requests: number;
  reqPerSec: number;
  p50ms: number;
  p99ms: number;
  maxms: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
  durationS: number;
}

function figures(r: Result): LoadFigures {
  return {
    requests: r.requests.total,
    reqPerSec: r.requests.average,
    p50ms: r.latency.p50,
    p99ms: r.latency.p99,
    maxms: r.latency.max,
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    statusCodes: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).map(([k, v]) => [k, Number(v.count)])),
    durationS: r.duration,
  };
}

/** autocannon on POST /api/estimate: each connection cycles through the bodies in order, each body's text from `text`. */
async function loadEstimateBodies(url: string, opts: { durationS: number; connections: number; bodies?: string[] }, text?: (body: string) => string): Promise<LoadFigures> {
  const bodies = opts.bodies ?? estimateBodies();
  const r = await autocannon({
    url: `${url}/api/estimate`,
    connections: opts.connections,
    duration: opts.durationS,
    timeout: 10,
    requests: bodies.map((body) => ({
      method: "POST",
      path: "/api/estimate",
      headers: { "content-type": "application/json" },
      body,
      ...(text ? { setupRequest: (req: { body?: string }) => ({ ...req, body: text(body) }) } : {}),
    })),
  });
  return figures(r);
}

/** The bodies as they are: after its first time each one is answered from the server's result cache. */
export function loadEstimate(url: string, opts: { durationS: number; connections: number; bodies?: string[] }): Promise<LoadFigures> {
  return loadEstimateBodies(url, opts);
}

let uniqueCounter = 0;

/**
 * The same bodies, but every request made unique (its service names carry a counter, never reset in this
 * process), so none is answered from the server's result cache: what an estimate costs when it has to be
 * computed, and a cache that keeps filling.
 */
export function loadEstimateUncached(url: string, opts: { durationS: number; connections: number; bodies?: string[] }): Promise<LoadFigures> {
  return loadEstimateBodies(url, opts, (body) => body.replaceAll('"name":"svc-', `"name":"u${++uniqueCounter}-svc-`));
}

export async function loadHealth(url: string, opts: { durationS: number; connections: number }): Promise<LoadFigures> {
  const r = await autocannon({ url: `${url}/api/health`, connections: opts.connections, duration: opts.durationS, timeout: 10, method: "GET" });
  return figures(r);
}

/** POSTs each body once and returns the response texts (to compare answers before and after load). */
export async function answers(url: string, bodies: string[]): Promise<Array<{ status: number; text: string }>> {
  const out: Array<{ status: number; text: string }> = [];
  for (const body of bodies) {
    const res = await fetch(`${url}/api/estimate`, { method: "POST", headers: { "content-type": "application/json" }, body });
    out.push({ status: res.status, text: await res.text() });
  }
  return out;
}
