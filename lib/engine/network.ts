/**
 * The rest of the bill: load balancers, NAT gateways, public IPv4 addresses, interface VPC endpoints, data
 * transfer and CloudWatch Logs (docs/billing-rules.md#network-lines). Rates come from the region's catalog
 * (`network`); a rate the catalog does not have makes the lines unpriceable, never $0.
 *
 * Most lines are the same whichever way the containers run, so they are built once and marked `shared`. Public
 * IPv4 is not: on Fargate every task with a public IP holds an address for its billed task-hours; on EC2 every
 * public instance holds one for its instance-hours. Those lines are built per option.
 */
import { isUnavailable, type NetworkRates, type Rate, type RegionCatalog, type Unavailable } from "../catalog/schema";
import type { CostLine, EstimateInput, EstimateOption, Network } from "../schemas/estimate";
import { HOURS_PER_MONTH } from "../units";
import { num, plural, rateLine } from "./lines";
import { averageRequestsPerSecond } from "./unit-cost";
import { CLOUDWATCH_LOGS_FREE_TIER } from "./rules";

import { SHARED_SERVICE } from "./shared-lines";
import { withReason, type Failure } from "./messages";
import { message, type ReasonMessage } from "../schemas/messages";

export { SHARED_SERVICE };

/** ALB LCU capacity per dimension (AWS Elastic Load Balancing pricing: one LCU provides each of these). */
export const ALB_LCU = { newConnectionsPerSecond: 25, activeConnectionsPerMinute: 3_000, processedGBPerHour: 1, ruleEvaluationsPerSecond: 1_000 } as const;
/** NLB (TCP) NLCU capacity per dimension. */
export const NLB_NLCU = { newConnectionsPerSecond: 800, activeConnectionsPerMinute: 100_000, processedGBPerHour: 1 } as const;

function need(rate: Rate | Unavailable, what: string, catalog: RegionCatalog): Rate | Failure {
  return isUnavailable(rate) ? { reason: unpriced(what, catalog, rate.reason) } : rate;
}
const unpriced = (what: string, catalog: RegionCatalog, catalogReason: string): ReasonMessage =>
  message("network-rate-unavailable", { what, region: catalog.region, catalogId: catalog.catalogId, catalogReason, at: null });
/** The failure, naming the input field it came from. */
function atField(f: Failure, at: string): Failure {
  return f.reason.code === "network-rate-unavailable" ? { reason: { code: f.reason.code, params: { ...f.reason.params, at } } } : f;
}
const failed = (x: unknown): x is Failure => typeof x === "object" && x !== null && "reason" in x && !("usd" in x);

function tag(line: CostLine, shared: boolean): CostLine {
  if (shared) line.shared = true;
  return line;
}

/** Load capacity units of one load balancer: the largest dimension, each divided by what one unit provides. */
export function capacityUnits(lb: Network["loadBalancers"][number]): { units: number; dimension: string } {
  const dims: [string, number][] =
    lb.type === "alb"
      ? [
          ["new connections", lb.newConnectionsPerSecond / ALB_LCU.newConnectionsPerSecond],
          ["active connections", lb.activeConnectionsPerMinute / ALB_LCU.activeConnectionsPerMinute],
          ["processed bytes", lb.processedGBPerHour / ALB_LCU.processedGBPerHour],
          ["rule evaluations", lb.ruleEvaluationsPerSecond / ALB_LCU.ruleEvaluationsPerSecond],
        ]
      : [
          ["new flows", lb.newConnectionsPerSecond / NLB_NLCU.newConnectionsPerSecond],
          ["active flows", lb.activeConnectionsPerMinute / NLB_NLCU.activeConnectionsPerMinute],
          ["processed bytes", lb.processedGBPerHour / NLB_NLCU.processedGBPerHour],
        ];
  let best: [string, number] = ["none", 0];
  for (const d of dims) if (d[1] > best[1]) best = d;
  return { units: best[1], dimension: best[0] };
}

/** Bytes in the GB of a load balancer's processed-bytes dimension: decimal, which errs high against 2^30. */
export const BYTES_PER_GB = 1e9;

/**
 * A load balancer group with the dimensions fromRequests derives (docs/billing-rules.md#lb-from-requests):
 * new connections/s = the services' average requests/s over the 730-hour month / requestsPerConnection (1 unless
 * keep-alive is given) / count; processed GB/h = average requests/s x bytesPerRequest x 3600 / 1e9 / count.
 * Returns the group unchanged (and no note) when it has no fromRequests.
 */
export function loadBalancerFromRequests(lb: Network["loadBalancers"][number], input: EstimateInput): { lb: Network["loadBalancers"][number]; note: string | null } {
  const from = lb.fromRequests;
  if (!from || lb.count <= 0) return { lb, note: null };
  const rps = averageRequestsPerSecond(input, from.services);
  const perConnection = from.requestsPerConnection ?? 1;
  const newConnectionsPerSecond = rps / perConnection / lb.count;
  const processedGBPerHour = from.bytesPerRequest === undefined ? lb.processedGBPerHour : (rps * from.bytesPerRequest * 3600) / BYTES_PER_GB / lb.count;
  const who = from.services ? from.services.join(", ") : "every service with requestsPerSecond";
  const parts = [
    `Derived from requests (${who}): ${num(rps)} requests/s on average over ${HOURS_PER_MONTH} h`,
    `${perConnection === 1 ? "one request per connection" : `${num(perConnection)} requests per connection (keep-alive)`} -> ${num(newConnectionsPerSecond)} new connections/s`,
  ];
  if (from.bytesPerRequest !== undefined) parts.push(`${num(from.bytesPerRequest)} bytes per request and response -> ${num(processedGBPerHour)} GB/h`);
  if (lb.count > 1) parts.push(`per load balancer (traffic split over ${lb.count})`);
  return { lb: { ...lb, newConnectionsPerSecond, processedGBPerHour }, note: parts.join("; ") + "." };
}

/** Internet egress through the tiers after the free allowance (docs/billing-rules.md#data-transfer). */
function egressLines(gb: number, out: Exclude<NetworkRates["dataTransferOut"], Unavailable>): CostLine[] {
  const lines: CostLine[] = [];
  let remaining = Math.max(0, gb - out.freeGBPerMonth);
  let from = 0;
  for (const tier of out.tiers) {
    if (remaining <= 0) break;
    const size = tier.upToGBPerMonth === null ? remaining : Math.min(remaining, tier.upToGBPerMonth - from);
    if (size > 0) {
      const range = tier.upToGBPerMonth === null ? `above ${num(from)} GB` : `${num(from)}-${num(tier.upToGBPerMonth)} GB`;
      lines.push(
        tag(rateLine(SHARED_SERVICE, "egress", `Data transfer out to the internet (${range})`, size, "GB", tier.rate,
          `${num(gb)} GB/month out; the first ${num(out.freeGBPerMonth)} GB each month are free (account-wide).`), true),
      );
      remaining -= size;
    }
    if (tier.upToGBPerMonth !== null) from = tier.upToGBPerMonth;
  }
  return lines;
}

/**
 * The lines that are the same in every option: load balancers, NAT gateways, interface endpoints, extra public
 * addresses, data transfer and each service's logs. Empty when the input asks for none of them.
 */
export function sharedBillLines(input: EstimateInput, catalog: RegionCatalog): CostLine[] | Failure {
  const n = catalog.network;
  const net = input.network;
  const lines: CostLine[] = [];
  const add = (rate: Rate | Unavailable, what: string, build: (r: Rate) => CostLine): Failure | null => {
    const r = need(rate, what, catalog);
    if (failed(r)) return r;
    lines.push(build(r));
    return null;
  };
  const H = HOURS_PER_MONTH;
  for (const [i, given] of (net?.loadBalancers ?? []).entries()) {
    if (given.count <= 0) continue;
    const { lb, note: derivedNote } = loadBalancerFromRequests(given, input);
    const alb = lb.type === "alb";
    const what = `${alb ? "Application" : "Network"} Load Balancer "${lb.name}"`;
    const hourRate = alb ? n.albHour : n.nlbHour;
    const unitRate = alb ? n.albLcuHour : n.nlbNlcuHour;
    const unit = alb ? "LCU" : "NLCU";
    const { units, dimension } = capacityUnits(lb);
    const f =
      add(hourRate, what, (r) => tag(rateLine(SHARED_SERVICE, alb ? "alb-hours" : "nlb-hours", `${what} hours`, lb.count * H, "load-balancer-hours", r, `${plural(lb.count, "load balancer")} x ${H} h.`), true)) ??
      (units > 0
        ? add(unitRate, what, (r) =>
            tag(
              rateLine(SHARED_SERVICE, alb ? "alb-lcu" : "nlb-lcu", `${what} ${unit}s`, lb.count * H * units, `${unit}-hours`, r,
                `${num(units)} ${unit} per hour (largest dimension: ${dimension}) x ${plural(lb.count, "load balancer")} x ${H} h.${derivedNote ? ` ${derivedNote}` : ""}`),
              true,
            ),
          )
        : null);
    if (f) return atField(f, `network.loadBalancers[${i}]`);
  }
  const nat = net?.natGateways;
  if (nat && (nat.count > 0 || nat.processedGBPerMonth > 0)) {
    const f =
      (nat.count > 0 ? add(n.natGatewayHour, "NAT gateway", (r) => tag(rateLine(SHARED_SERVICE, "nat-hours", "NAT gateway hours", nat.count * H, "gateway-hours", r, `${plural(nat.count, "NAT gateway")} x ${H} h.`), true)) : null) ??
      (nat.processedGBPerMonth > 0 ? add(n.natGatewayGB, "NAT gateway data processing", (r) => tag(rateLine(SHARED_SERVICE, "nat-gb", "NAT gateway data processed", nat.processedGBPerMonth, "GB", r), true)) : null);
    if (f) return f;
  }
  const vpce = net?.vpcInterfaceEndpoints;
  if (vpce && vpce.count > 0) {
    const f =
      add(n.vpcEndpointHour, "Interface VPC endpoint", (r) =>
        tag(rateLine(SHARED_SERVICE, "vpce-hours", "Interface VPC endpoint hours", vpce.count * vpce.azs * H, "endpoint-AZ-hours", r, `${plural(vpce.count, "endpoint")} in ${plural(vpce.azs, "AZ")} x ${H} h.`), true),
      ) ??
      (vpce.processedGBPerMonth > 0 ? add(n.vpcEndpointGB, "Interface VPC endpoint data processing", (r) => tag(rateLine(SHARED_SERVICE, "vpce-gb", "Interface VPC endpoint data processed", vpce.processedGBPerMonth, "GB", r), true)) : null);
    if (f) return f;
  }
  const extra = net?.publicIpv4?.extraAddresses ?? 0;
  if (extra > 0) {
    const f = add(n.publicIpv4InUseHour, "Public IPv4 addresses", (r) => tag(rateLine(SHARED_SERVICE, "public-ipv4", "Public IPv4 addresses (always on)", extra * H, "address-hours", r, `${plural(extra, "address", "addresses")} x ${H} h.`), true));
    if (f) return f;
  }
  const egress = net?.dataTransferOutGBPerMonth ?? 0;
  if (egress > 0) {
    const out = n.dataTransferOut;
    if (isUnavailable(out)) return { reason: unpriced("Data transfer out", catalog, out.reason) };
    lines.push(...egressLines(egress, out));
  }
  const interAz = net?.interAzGBPerMonth ?? 0;
  if (interAz > 0) {
    // A GB crossing AZs is billed out of one AZ and into the other.
    const f = add(n.interAzGBEachDirection, "Inter-AZ data transfer", (r) => tag(rateLine(SHARED_SERVICE, "inter-az", "Data transfer between AZs (both directions)", interAz * 2, "GB", r, `${num(interAz)} GB/month crossing AZs, billed out and in.`), true));
    if (f) return f;
  }
  // CloudWatch Logs' free allowance (docs/billing-rules.md#logs-free-tier): account-wide, so it is taken once, from
  // the services in input order, and shown as its own $0 lines.
  const freeTier = net?.logsFreeTier !== false;
  let freeIngest = freeTier ? CLOUDWATCH_LOGS_FREE_TIER.ingestStandardGB : 0;
  let freeStorage = freeTier ? CLOUDWATCH_LOGS_FREE_TIER.storageGBMonth : 0;
  const freeLines: CostLine[] = [];
  let freeIngestUsed = 0;
  let freeStorageUsed = 0;
  let freeIngestRate: Rate | null = null;
  let freeStorageRate: Rate | null = null;
  const freeText = `the first ${num(CLOUDWATCH_LOGS_FREE_TIER.ingestStandardGB)} GB of Standard log data ingested and ${num(CLOUDWATCH_LOGS_FREE_TIER.storageGBMonth)} GB-months of log storage each month are free, account-wide (AWS Free Tier; network.logsFreeTier false leaves it out)`;
  for (const [i, s] of input.services.entries()) {
    const logs = s.logs;
    if (!logs || logs.ingestedGBPerMonth <= 0) continue;
    const ia = logs.class === "infrequent-access";
    // The ingestion allowance covers Standard log data only; Infrequent Access is another usage type.
    const ingestFree = ia ? 0 : Math.min(freeIngest, logs.ingestedGBPerMonth);
    freeIngest -= ingestFree;
    const stored = logs.ingestedGBPerMonth * logs.retentionMonths;
    const storageFree = Math.min(freeStorage, stored);
    freeStorage -= storageFree;
    const f =
      add(ia ? n.logsIngestInfrequentAccessGB : n.logsIngestStandardGB, "CloudWatch Logs ingestion", (r) => {
        if (ingestFree > 0) {
          freeIngestUsed += ingestFree;
          freeIngestRate = r;
        }
        return tag(
          rateLine(s.name, ia ? "logs-ingest-ia" : "logs-ingest", `CloudWatch Logs ingestion (${ia ? "Infrequent Access" : "Standard"})`, logs.ingestedGBPerMonth - ingestFree, "GB", r,
            ingestFree > 0 ? `${num(logs.ingestedGBPerMonth)} GB/month ingested, ${num(ingestFree)} GB of it in the free tier (its own line): ${freeText}.` : undefined),
          true,
        );
      }) ??
      (logs.retentionMonths > 0
        ? add(n.logsStorageGBMonth, "CloudWatch Logs storage", (r) => {
            if (storageFree > 0) {
              freeStorageUsed += storageFree;
              freeStorageRate = r;
            }
            return tag(
              rateLine(s.name, "logs-storage", "CloudWatch Logs storage", stored - storageFree, "GB-months", r,
                `Steady state: the last ${num(logs.retentionMonths)} months of ingestion are stored (${num(logs.ingestedGBPerMonth)} GB x ${num(logs.retentionMonths)}); no compression assumed.${storageFree > 0 ? ` ${num(storageFree)} GB-months of it in the free tier (its own line).` : ""}`),
              true,
            );
          })
        : null);
    if (f) return atField(f, `services[${i}].logs`);
  }
  const freeLine = (charge: "logs-ingest" | "logs-storage", label: string, quantity: number, unit: string, rate: Rate, covered: string) =>
    tag(
      rateLine(SHARED_SERVICE, charge, label, quantity, unit, { ...rate, usd: 0, derived: false, note: undefined },
        `${num(quantity)} ${unit} at $0 instead of $${rate.usd} per ${unit.replace(/s$/, "")}: ${freeText}. Source: ${CLOUDWATCH_LOGS_FREE_TIER.source}. ${covered}`),
      true,
    );
  const ingestRate = freeIngestRate as Rate | null;
  const storageRate = freeStorageRate as Rate | null;
  if (ingestRate && freeIngestUsed > 0) freeLines.push(freeLine("logs-ingest", "CloudWatch Logs ingestion, free tier (first 5 GB a month)", freeIngestUsed, "GB", ingestRate, "Taken from the services' Standard ingestion in input order."));
  if (storageRate && freeStorageUsed > 0) freeLines.push(freeLine("logs-storage", "CloudWatch Logs storage, free tier (first 5 GB-months)", freeStorageUsed, "GB-months", storageRate, "Taken from the services' stored logs in input order."));
  lines.push(...freeLines);
  return lines;
}

/**
 * Public IPv4 addresses that depend on how the containers run: Fargate tasks with a public IP hold one per billed
 * task-hour; public EC2 instances one per instance-hour. Computed from the option's own compute lines, so it
 * follows every billing rule those already applied (minimums, schedules, fleet hours).
 */
export function optionIpv4Lines(input: EstimateInput, catalog: RegionCatalog, option: EstimateOption): CostLine[] | Failure {
  const ip = input.network?.publicIpv4;
  if (!ip) return [];
  const fargate = option.id.startsWith("fargate");
  // EC2-backed options bill their instances' addresses themselves, at the running instance-hours (lib/engine/ec2.ts).
  if (!fargate || !ip.fargateTasks) return [];
  const rate = need(catalog.network.publicIpv4InUseHour, "Public IPv4 addresses", catalog);
  if (failed(rate)) return rate;
  const lines: CostLine[] = [];
  {
    // vCPU-hours / billed vCPU per task = billed task-hours, per service.
    const perService = new Map<string, number>();
    for (const l of option.lines) {
      if (l.component !== "vcpu") continue;
      const size = option.services.find((s) => s.name === l.service)?.vcpu;
      if (size) perService.set(l.service, (perService.get(l.service) ?? 0) + l.quantity / size);
    }
    for (const [service, taskHours] of perService) {
      if (taskHours > 0) lines.push(tag(rateLine(service, "public-ipv4", "Public IPv4 address per task", taskHours, "address-hours", rate, `One public address per running task: ${num(taskHours)} task-hours.`), false));
    }
  }
  return lines;
}

/** Add the shared and the option's own bill lines to an available option (the total grows by their sum). */
export function withBillLines(input: EstimateInput, catalog: RegionCatalog, option: EstimateOption, shared: CostLine[] | Failure): EstimateOption {
  if (!option.available || option.monthlyUSD === null) return option;
  if (failed(shared)) return withReason({ ...option, available: false, monthlyUSD: null, lines: [], services: [], plan: null }, shared.reason);
  const own = optionIpv4Lines(input, catalog, option);
  if (failed(own)) return withReason({ ...option, available: false, monthlyUSD: null, lines: [], services: [], plan: null }, own.reason);
  const extra = [...own, ...shared];
  if (extra.length === 0) return option;
  // Per-service subtotals take the lines that are theirs: a service's logs and its tasks' addresses directly, a
  // fleet's addresses split over the services of that architecture by their fleet cost. Lines of the whole
  // estimate (SHARED_SERVICE) belong to no service.
  const services = option.services.map((s) => ({ ...s }));
  const byName = new Map(services.map((s) => [s.name, s]));
  let add = 0;
  for (const l of extra) {
    add += l.usd;
    const own = byName.get(l.service);
    if (own) {
      own.monthlyUSD += l.usd;
      continue;
    }
    const fleetArch = /^(\S+) fleet$/.exec(l.service)?.[1];
    if (!fleetArch) continue;
    const members = services.filter((s) => input.services.find((x) => x.name === s.name)?.architecture === fleetArch);
    const weight = members.reduce((sum, m) => sum + Math.max(0, m.monthlyUSD), 0);
    for (const m of members) m.monthlyUSD += weight > 0 ? (l.usd * Math.max(0, m.monthlyUSD)) / weight : l.usd / members.length;
  }
  return { ...option, lines: [...option.lines, ...extra], services, monthlyUSD: option.monthlyUSD + add };
}
