/**
 * Regenerates the sample utilization files in this folder (deterministic: a seeded PRNG, fixed dates).
 *   npx tsx examples/usage/generate.ts
 * Shapes follow CloudWatch exports (billing-and-sizing-rules.md §4.3): Container Insights in CPU units and
 * megabytes, ECS service metrics in percent of the task size, GetMetricData JSON, performance log events.
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { mulberry32 } from "../../scripts/support/prng";

const dir = import.meta.dirname;
const iso = (ms: number) => new Date(ms).toISOString().replace(".000Z", "Z");
const START = Date.UTC(2026, 10, 9, 0, 0, 0); // 2026-11-09, two weeks before the catalog date
const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** Steady web service, 1 vCPU / 2 GiB, 14 days of 5-minute Container Insights (Maximum per task). */
function steadyWeb() {
  const rnd = mulberry32(11);
  const rows = ["Timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved"];
  const step = 5 * 60_000;
  const n = (14 * 24 * 60) / 5; // 4032
  const gd: { t: string[]; cpu: number[]; mem: number[] } = { t: [], cpu: [], mem: [] };
  for (let i = 0; i < n; i++) {
    const t = START + i * step;
    const hour = new Date(t).getUTCHours() + new Date(t).getUTCMinutes() / 60;
    const diurnal = Math.sin(((hour - 8) / 24) * 2 * Math.PI); // busiest mid-afternoon UTC
    const cpu = clamp(210 + 90 * diurnal + (rnd() - 0.5) * 60, 40, 1024);
    const mem = clamp(760 + 25 * diurnal + (rnd() - 0.5) * 30 + (i / n) * 20, 500, 2048);
    if (i === 1500 || i === 2900) {
      rows.push(`${iso(t)},,1024,,2048`); // a scrape gap: no datapoint that period
      continue;
    }
    if (i === 3000) rows.push(""); // a blank line, as pasted exports sometimes have
    rows.push(`${iso(t)},${cpu.toFixed(2)},1024,${mem.toFixed(1)},2048`);
    if (i >= n - 288) {
      gd.t.push(iso(t));
      gd.cpu.push(Number(cpu.toFixed(2)));
      gd.mem.push(Number(mem.toFixed(1)));
    }
  }
  writeFileSync(path.join(dir, "steady-web-container-insights.csv"), rows.join("\n") + "\n");
  // The last day of the same service as `aws cloudwatch get-metric-data` output (newest first, like the API).
  const rev = <T,>(a: T[]) => [...a].reverse();
  const doc = {
    MetricDataResults: [
      { Id: "cpu", Label: "CpuUtilized", Timestamps: rev(gd.t), Values: rev(gd.cpu), StatusCode: "Complete" },
      { Id: "mem", Label: "MemoryUtilized", Timestamps: rev(gd.t), Values: rev(gd.mem), StatusCode: "Complete" },
      { Id: "cpures", Label: "CpuReserved", Timestamps: rev(gd.t), Values: gd.t.map(() => 1024), StatusCode: "Complete" },
    ],
    Messages: [],
  };
  writeFileSync(path.join(dir, "steady-web-getmetricdata.json"), JSON.stringify(doc, null, 2) + "\n");
}

/** Spiky batch worker, 2 vCPU / 8 GiB: idle, then a 12-minute burst every 2 hours. Service metrics, 1-minute, 7 days. */
function spikyWorker() {
  const rnd = mulberry32(22);
  // CloudWatch console "Download .csv" style: description lines, then a quoted header with the statistic.
  const rows = [
    '"Namespace","AWS/ECS"',
    '"Dimensions","ClusterName=batch,ServiceName=invoice-worker"',
    '"Period","60"',
    "",
    '"Timestamp","AWS/ECS CPUUtilization ClusterName=batch ServiceName=invoice-worker (Maximum)","AWS/ECS MemoryUtilization ClusterName=batch ServiceName=invoice-worker (Maximum)","AWS/ECS CPUUtilization ClusterName=batch ServiceName=invoice-worker (Average)"',
  ];
  const n = 7 * 24 * 60; // 10080
  for (let i = 0; i < n; i++) {
    const t = START + i * 60_000;
    const inBurst = i % 120 < 12;
    const cpu = inBurst ? clamp(72 + rnd() * 20, 0, 100) : clamp(3 + rnd() * 4, 0, 100);
    const mem = inBurst ? clamp(40 + rnd() * 10, 0, 100) : clamp(21 + rnd() * 3, 0, 100);
    if (i === 4321) {
      rows.push(`"${iso(t).replace("T", " ").replace("Z", "")}","#ERR","${mem.toFixed(2)}%",""`); // a broken export cell
      continue;
    }
    rows.push(`"${iso(t).replace("T", " ").replace("Z", "")}","${cpu.toFixed(2)}%","${mem.toFixed(2)}%","${(cpu * 0.8).toFixed(2)}%"`);
  }
  writeFileSync(path.join(dir, "spiky-batch-worker-service-metrics.csv"), rows.join("\n") + "\n");
}

/** Under-provisioned API, 0.5 vCPU / 1 GiB: CPU pinned at the limit at peak, memory near 1 GiB. 3 days, 1-minute. */
function underProvisioned() {
  const rnd = mulberry32(33);
  const rows = ["timestamp,CpuUtilized,CpuReserved,MemoryUtilized,MemoryReserved"];
  const n = 3 * 24 * 60; // 4320
  for (let i = 0; i < n; i++) {
    const t = START + i * 60_000;
    const hour = new Date(t).getUTCHours();
    const busy = hour >= 13 && hour < 21;
    const cpu = busy ? clamp(430 + rnd() * 140, 0, 512) : clamp(250 + rnd() * 120, 0, 512);
    const mem = busy ? clamp(860 + rnd() * 170, 0, 1024) : clamp(780 + rnd() * 80, 0, 1024);
    if (i === 100 || i === 2000) {
      rows.push(`${iso(t)},n/a,512,${mem.toFixed(0)} MB,1024`); // CPU missing (a gap), memory with its unit
      continue;
    }
    rows.push(`${iso(t)},${cpu.toFixed(1)},512,${mem.toFixed(0)} MB,1024 MB`);
  }
  writeFileSync(path.join(dir, "underprovisioned-api-container-insights.csv"), rows.join("\n") + "\n");
}

/** Container Insights performance log events (JSON lines): 2 tasks x 6 hours of 1-minute Task events + Container events. */
function perfLogEvents() {
  const rnd = mulberry32(44);
  const lines: string[] = [];
  for (let i = 0; i < 360; i++) {
    const t = START + i * 60_000;
    for (const task of ["0f1e2d3c4b5a69788796a5b4c3d2e1f0", "a1b2c3d4e5f60718293a4b5c6d7e8f90"]) {
      const cpu = 120 + rnd() * 200;
      const mem = 400 + rnd() * 150;
      lines.push(
        JSON.stringify({
          Version: "0", Type: "Task", TaskId: task, TaskDefinitionFamily: "checkout-api", TaskDefinitionRevision: "42",
          ServiceName: "checkout-api", ClusterName: "prod", AccountID: "123456789012", Region: "us-east-1",
          AvailabilityZone: "us-east-1a", LaunchType: "FARGATE", PlatformVersion: "1.4.0", Timestamp: t,
          CpuUtilized: Number(cpu.toFixed(4)), CpuReserved: 1024.0, MemoryUtilized: Math.round(mem), MemoryReserved: 4096,
          EphemeralStorageUtilized: 2.31, EphemeralStorageReserved: 30.0, NetworkRxBytes: 1234, NetworkTxBytes: 4321,
          StorageReadBytes: 0, StorageWriteBytes: 4096, KnownStatus: "RUNNING", CloudWatchMetrics: [],
        }),
      );
      lines.push(
        JSON.stringify({ Version: "0", Type: "Container", ContainerName: "checkout-api", TaskId: task, Timestamp: t, CpuUtilized: Number((cpu * 0.9).toFixed(4)), CpuReserved: 896, MemoryUtilized: Math.round(mem * 0.9), MemoryReserved: 3584 }),
      );
    }
  }
  writeFileSync(path.join(dir, "perf-log-events.jsonl"), lines.join("\n") + "\n");
}

steadyWeb();
spikyWorker();
underProvisioned();
perfLogEvents();
console.log("wrote sample usage files to", dir);
