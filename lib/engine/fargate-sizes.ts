/**
 * Valid Fargate task sizes (ECS), docs/billing-rules.md#fargate-task-sizes:
 * AWS task-cpu-memory-error page and the archived AWS_Fargate.md "Task CPU and memory" table.
 *
 *   0.25 vCPU: 0.5, 1, 2 GB              (Linux only)
 *   0.5  vCPU: 1..4 GB, 1 GB steps       (Linux only)
 *   1    vCPU: 2..8 GB, 1 GB steps       (Linux, Windows)
 *   2    vCPU: 4..16 GB, 1 GB steps      (Linux, Windows)
 *   4    vCPU: 8..30 GB, 1 GB steps      (Linux, Windows)
 *   8    vCPU: 16..60 GB, 4 GB steps     (Linux only, platform version 1.4.0+)
 *   16   vCPU: 32..120 GB, 8 GB steps    (Linux only, platform version 1.4.0+)
 *
 * 74 Linux and 43 Windows combinations; Windows needs at least 1 vCPU ("The CPU units cannot be less
 * than 1 vCPU when you use Windows containers on Fargate", RegisterTaskDefinition reference).
 * ECS does not round a task size: the size must be one of these and that size is billed, so the
 * estimator snaps a request up to the cheapest size that holds it and reports the difference.
 */
import type { OperatingSystem } from "../schemas/estimate";

export interface FargateSize {
  readonly vcpu: number;
  readonly memoryGiB: number;
}

function range(from: number, to: number, step: number): number[] {
  const out: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) out.push(v);
  return out;
}

const ROWS: ReadonlyArray<{ vcpu: number; memoryGiB: number[]; windows: boolean }> = [
  { vcpu: 0.25, memoryGiB: [0.5, 1, 2], windows: false },
  { vcpu: 0.5, memoryGiB: range(1, 4, 1), windows: false },
  { vcpu: 1, memoryGiB: range(2, 8, 1), windows: true },
  { vcpu: 2, memoryGiB: range(4, 16, 1), windows: true },
  { vcpu: 4, memoryGiB: range(8, 30, 1), windows: true },
  { vcpu: 8, memoryGiB: range(16, 60, 4), windows: false },
  { vcpu: 16, memoryGiB: range(32, 120, 8), windows: false },
];

const freeze = (sizes: FargateSize[]): ReadonlyArray<FargateSize> => Object.freeze(sizes.map((s) => Object.freeze(s)));

/** All 74 Linux sizes, ordered by vCPU then memory (which is also cheapest-first within a vCPU row). */
export const FARGATE_LINUX_SIZES: ReadonlyArray<FargateSize> = freeze(
  ROWS.flatMap((row) => row.memoryGiB.map((memoryGiB) => ({ vcpu: row.vcpu, memoryGiB }))),
);

/** All 43 Windows sizes (1, 2 and 4 vCPU rows only). */
export const FARGATE_WINDOWS_SIZES: ReadonlyArray<FargateSize> = freeze(
  ROWS.filter((row) => row.windows).flatMap((row) => row.memoryGiB.map((memoryGiB) => ({ vcpu: row.vcpu, memoryGiB }))),
);

export function fargateSizesFor(os: OperatingSystem): ReadonlyArray<FargateSize> {
  return os === "windows" ? FARGATE_WINDOWS_SIZES : FARGATE_LINUX_SIZES;
}

/** Largest size per OS, for messages. */
export function largestFargateSize(os: OperatingSystem): FargateSize {
  const sizes = fargateSizesFor(os);
  return sizes[sizes.length - 1] as FargateSize;
}

/** Tolerance for requests such as 0.1 + 0.2 GiB that are "equal" to a size up to float noise. */
const EPS = 1e-9;

export function isValidFargateSize(vcpu: number, memoryGiB: number, os: OperatingSystem): boolean {
  return fargateSizesFor(os).some((s) => Math.abs(s.vcpu - vcpu) < EPS && Math.abs(s.memoryGiB - memoryGiB) < EPS);
}

/**
 * The cheapest valid size that holds the request (vCPU >= requested and memory >= requested), or null when
 * no size can (e.g. 20 vCPU, or 8 vCPU on Windows).
 *
 * Why "first fit in (vCPU, memory) order" is the cheapest for ANY positive vCPU and GB rates: in a higher
 * vCPU row the smallest memory that holds the request is never lower (its minimum is higher and its step is
 * the same or coarser: 1, 4, 8 GB), so the first fitting size is <= every other fitting size in both
 * dimensions. The property test in tests/unit/engine checks this dominance over all sizes.
 */
export function snapFargateSize(vcpu: number, memoryGiB: number, os: OperatingSystem): FargateSize | null {
  if (!Number.isFinite(vcpu) || !Number.isFinite(memoryGiB)) return null;
  for (const size of fargateSizesFor(os)) {
    if (size.vcpu + EPS >= vcpu && size.memoryGiB + EPS >= memoryGiB) return { vcpu: size.vcpu, memoryGiB: size.memoryGiB };
  }
  return null;
}
