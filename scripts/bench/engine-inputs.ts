/** The bench's engine inputs (shared by scripts/bench/engine.ts, engine-ab.ts and tests); no build tooling here. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseEstimateInput, type EstimateInput, type EstimateInputRaw } from "../../lib/schemas/estimate";

/** The engine README's two-service example (examples/api-web.json), on the newest snapshot (its pinned catalog id dropped). */
export function readmeExampleInput(): EstimateInput {
  const raw = JSON.parse(readFileSync(path.join(process.cwd(), "examples", "api-web.json"), "utf8")) as EstimateInputRaw & { catalog?: string };
  delete raw.catalog;
  return parse(raw);
}

export function parse(raw: EstimateInputRaw): EstimateInput {
  const parsed = parseEstimateInput(raw);
  if (!parsed.ok) throw new Error(`bench input invalid: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}

export function oneServiceInput(): EstimateInput {
  return parse({ version: 1, region: "us-east-1", services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 10 }] });
}

export function hundredServicesInput(): EstimateInput {
  const services: EstimateInputRaw["services"] = [];
  const sizes = [
    [0.25, 0.5],
    [0.5, 1],
    [1, 2],
    [2, 4],
    [4, 16],
    [0.5, 3],
  ] as const;
  for (let i = 0; i < 100; i++) {
    const [vcpu, memoryGiB] = sizes[i % sizes.length] as readonly [number, number];
    services.push({
      name: `svc-${i}`,
      vcpu,
      memoryGiB,
      architecture: i % 3 === 0 ? "arm64" : "x86_64",
      tasks: 1 + (i % 7),
      ephemeralStorageGiB: i % 10 === 0 ? 40 : 20,
      usage: i % 9 === 0 ? { kind: "scheduled", runsPerDay: 24, secondsPerRun: 300 } : { kind: "continuous", hoursPerMonth: 730 },
      ...(i % 4 === 0 ? { fargateCapacityProviders: { base: 1, fargateWeight: 1, spotWeight: 2 } } : {}),
    });
  }
  return parse({ version: 1, region: "us-east-1", services, fargate: { savingsPlan: "compute-1y" }, ec2: { targetUtilizationPct: 90, minInstances: 2 } });
}

/** 10 services of the 100-service mix (sizes, both architectures, a scheduled one, capacity provider mixes). */
export function tenServicesInput(): EstimateInput {
  const hundred = hundredServicesInput();
  return { ...hundred, services: hundred.services.slice(0, 10) };
}


/**
 * The input as a request brings it: a new object with a new services array. The engine keeps what it derives
 * from the services (the fleet demands and their layers) per services array, so a bench that priced one input
 * object over and over would time those caches, not a request; every timed call takes a copy.
 */
export function asNew(input: EstimateInput): EstimateInput {
  return { ...input, services: input.services.slice() };
}
