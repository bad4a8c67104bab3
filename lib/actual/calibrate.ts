/**
 * Calibrate: a new estimate input whose usage comes from the bill (docs/billing-rules.md#actual-bill-calibration).
 *
 * - Hour-based usage (running tasks, NAT gateways, load balancers, endpoints, addresses) is the bill's average over
 *   the period's hours, so the calibrated 730-hour month runs what the bill ran on average:
 *   factor = (actual vCPU-hours x 730 / period hours) / estimated vCPU-hours; tasks' = tasks x factor.
 * - Monthly volumes (NAT GB, endpoint GB, log GB, egress GB, inter-AZ GB) are taken as billed.
 * - Load balancer capacity units become the processed-bytes dimension (1 LCU = 1 GB/h, 1 NLCU = 1 GB/h), the
 *   other dimensions 0: the bill says how many units were used, not which dimension drove them.
 * Every change is listed in words. Pure: the input and the report in, a new input out (validated by the caller).
 */
import { formatQuantity } from "../format";
import { HOURS_PER_MONTH, type EstimateInput, type Network } from "../schemas/estimate";
import type { ChargeId } from "./charges";
import type { VarianceReport } from "./variance";

export interface Calibration {
  input: EstimateInput;
  changes: string[];
}

const round = (n: number, digits = 4) => Math.round(n * 10 ** digits) / 10 ** digits;

export function calibrateInput(original: EstimateInput, report: VarianceReport): Calibration {
  const input = structuredClone(original) as EstimateInput;
  const changes: string[] = [];
  const periodHours = report.periodHours ?? HOURS_PER_MONTH;
  const perHour = HOURS_PER_MONTH / periodHours;
  const charge = (id: ChargeId) => report.charges.find((c) => c.charge === id);
  const actualOf = (id: ChargeId) => charge(id)?.actualQuantity ?? 0;
  const serviceLine = (name: string, id: ChargeId) => report.services.find((s) => s.name === name)?.lines.find((l) => l.charge === id);

  // Tasks: from each service's Fargate vCPU-hours (on-demand + Spot).
  let fargateSeen = false;
  for (const s of input.services) {
    const lines = [serviceLine(s.name, "fargate-vcpu"), serviceLine(s.name, "fargate-spot-vcpu")].filter((l) => l !== undefined);
    if (lines.length === 0) continue;
    fargateSeen = true;
    const actual = lines.reduce((sum, l) => sum + l.actualQuantity, 0);
    const estimated = lines.reduce((sum, l) => sum + l.estimatedQuantity, 0);
    if (estimated > 0) {
      const tasks = round((s.tasks * actual * perHour) / estimated);
      if (tasks !== s.tasks) {
        changes.push(`${s.name}: ${formatQuantity(s.tasks)} -> ${formatQuantity(tasks)} tasks (${formatQuantity(actual)} vCPU-hours billed in ${formatQuantity(periodHours)} h against ${formatQuantity(estimated)} estimated for ${HOURS_PER_MONTH} h)`);
        s.tasks = Math.min(100_000, tasks);
      }
    } else if (actual > 0 && s.usage.kind === "continuous" && s.usage.hoursPerMonth > 0) {
      const tasks = round((actual * perHour) / s.vcpu / s.usage.hoursPerMonth);
      changes.push(`${s.name}: ${formatQuantity(s.tasks)} -> ${formatQuantity(tasks)} tasks (${formatQuantity(actual)} vCPU-hours billed, none estimated)`);
      s.tasks = Math.min(100_000, tasks);
    }
  }
  if (!fargateSeen && (actualOf("ec2-instance") > 0 || actualOf("ec2-spot-instance") > 0)) {
    changes.push("Tasks unchanged: the bill's EC2 instance-hours do not say how many tasks ran on them (tag the tasks with aws:ecs:serviceName and use Fargate rows, or set the counts by hand)");
  }

  // Logs: each service's own ingestion; untagged log GB of a class (the free tier's rows, log groups without the
  // tag) spread over the services of that class by their estimated ingestion, or over every service when none has it.
  const ownLogs = new Map<string, { gb: number; ia: number }>();
  let taggedStd = 0;
  let taggedIa = 0;
  for (const s of input.services) {
    const std = serviceLine(s.name, "logs-ingest")?.actualQuantity ?? 0;
    const ia = serviceLine(s.name, "logs-ingest-ia")?.actualQuantity ?? 0;
    ownLogs.set(s.name, { gb: std + ia, ia });
    taggedStd += std;
    taggedIa += ia;
  }
  const classOf = (s: EstimateInput["services"][number]) => s.logs?.class ?? "standard";
  const spread = (untagged: number, cls: string): number[] => {
    if (untagged <= 0.0001) return input.services.map(() => 0);
    const ofClass = input.services.map((s) => (classOf(s) === cls ? (s.logs?.ingestedGBPerMonth ?? 0) : 0));
    const weights = ofClass.some((w) => w > 0) ? ofClass : input.services.map((s) => s.logs?.ingestedGBPerMonth ?? 0);
    const weightSum = weights.reduce((a, b) => a + b, 0);
    return weights.map((w) => (weightSum > 0 ? (untagged * w) / weightSum : untagged / input.services.length));
  };
  const stdShares = spread(actualOf("logs-ingest") - taggedStd, "standard");
  const iaShares = spread(actualOf("logs-ingest-ia") - taggedIa, "infrequent-access");
  input.services.forEach((s, i) => {
    const own = ownLogs.get(s.name) ?? { gb: 0, ia: 0 };
    const share = (stdShares[i] ?? 0) + (iaShares[i] ?? 0);
    const gb = round(own.gb + share, 3);
    const before = s.logs?.ingestedGBPerMonth ?? 0;
    if (gb === round(before, 3)) return;
    const cls = own.ia + (iaShares[i] ?? 0) > gb / 2 ? "infrequent-access" : (s.logs?.class ?? "standard");
    s.logs = { ingestedGBPerMonth: gb, class: cls, retentionMonths: s.logs?.retentionMonths ?? 1 };
    changes.push(`${s.name}: CloudWatch Logs ${formatQuantity(before)} -> ${formatQuantity(gb)} GB a month${share > 0 ? ` (${formatQuantity(round(share, 3))} GB of it from log rows without the service tag, shared out by the estimated ingestion of its log class)` : ""}`);
  });

  // Network.
  const net: Network = structuredClone(input.network ?? { loadBalancers: [], dataTransferOutGBPerMonth: 0, interAzGBPerMonth: 0 });
  const before = JSON.stringify(net);
  const natHours = actualOf("nat-hours");
  const natGB = actualOf("nat-gb");
  if (natHours > 0 || natGB > 0 || net.natGateways) {
    const count = natHours > 0 ? Math.max(1, Math.round((natHours * perHour) / HOURS_PER_MONTH)) : (net.natGateways?.count ?? 0);
    const gb = round(natGB, 3);
    if (!net.natGateways || net.natGateways.count !== count || net.natGateways.processedGBPerMonth !== gb) {
      changes.push(`NAT gateways: ${net.natGateways?.count ?? 0} -> ${count}, ${formatQuantity(net.natGateways?.processedGBPerMonth ?? 0)} -> ${formatQuantity(gb)} GB processed a month`);
      net.natGateways = { count, processedGBPerMonth: gb };
    }
  }
  const egress = round(actualOf("egress"), 3);
  if (egress !== net.dataTransferOutGBPerMonth) {
    changes.push(`Data transfer out: ${formatQuantity(net.dataTransferOutGBPerMonth)} -> ${formatQuantity(egress)} GB a month`);
    net.dataTransferOutGBPerMonth = egress;
  }
  // Inter-AZ bytes are billed out of one AZ and into the other: the input is the one-way volume.
  const interAz = round(actualOf("inter-az") / 2, 3);
  if (interAz !== net.interAzGBPerMonth) {
    changes.push(`Data between AZs: ${formatQuantity(net.interAzGBPerMonth)} -> ${formatQuantity(interAz)} GB a month (the bill's ${formatQuantity(actualOf("inter-az"))} GB count both directions)`);
    net.interAzGBPerMonth = interAz;
  }
  const vpceHours = actualOf("vpce-hours");
  if (vpceHours > 0 || net.vpcInterfaceEndpoints) {
    const azs = net.vpcInterfaceEndpoints?.azs ?? 2;
    const count = Math.round((vpceHours * perHour) / HOURS_PER_MONTH / Math.max(1, azs));
    const gb = round(actualOf("vpce-gb"), 3);
    if (!net.vpcInterfaceEndpoints || net.vpcInterfaceEndpoints.count !== count || net.vpcInterfaceEndpoints.processedGBPerMonth !== gb) {
      changes.push(`Interface endpoints: ${net.vpcInterfaceEndpoints?.count ?? 0} -> ${count} in ${azs} AZs, ${formatQuantity(gb)} GB a month`);
      net.vpcInterfaceEndpoints = { count, azs, processedGBPerMonth: gb };
    }
  }
  const ip = charge("public-ipv4");
  if (ip && Math.abs(ip.actualQuantity * perHour - ip.estimatedQuantity) >= HOURS_PER_MONTH / 2) {
    const extraBefore = net.publicIpv4?.extraAddresses ?? 0;
    const extra = Math.max(0, extraBefore + Math.round((ip.actualQuantity * perHour - ip.estimatedQuantity) / HOURS_PER_MONTH));
    if (extra !== extraBefore) {
      changes.push(`Public IPv4 addresses held all month: ${extraBefore} -> ${extra} (${formatQuantity(ip.actualQuantity)} address-hours billed against ${formatQuantity(ip.estimatedQuantity)} estimated)`);
      net.publicIpv4 = { fargateTasks: net.publicIpv4?.fargateTasks ?? false, ec2Instances: net.publicIpv4?.ec2Instances ?? false, extraAddresses: extra };
    }
  }
  for (const type of ["alb", "nlb"] as const) {
    const hours = actualOf(`${type}-hours`);
    const units = actualOf(`${type}-lcu`);
    const existing = net.loadBalancers.filter((lb) => lb.type === type);
    if (hours <= 0 && existing.length === 0) continue;
    const count = hours > 0 ? Math.max(1, Math.round((hours * perHour) / HOURS_PER_MONTH)) : 0;
    const perLbPerHour = count > 0 ? round((units * perHour) / HOURS_PER_MONTH / count) : 0;
    const name = existing[0]?.name ?? `${type} (from the bill)`;
    const unit = type === "alb" ? "LCU" : "NLCU";
    changes.push(
      `${type === "alb" ? "Application" : "Network"} Load Balancers: ${existing.reduce((n, lb) => n + lb.count, 0)} -> ${count}, ${formatQuantity(perLbPerHour)} ${unit} an hour each (${formatQuantity(units)} ${unit}-hours billed), entered as ${formatQuantity(perLbPerHour)} GB/h processed`,
    );
    net.loadBalancers = [
      ...net.loadBalancers.filter((lb) => lb.type !== type),
      ...(count > 0
        ? [{ name, type, count, newConnectionsPerSecond: 0, activeConnectionsPerMinute: 0, processedGBPerHour: perLbPerHour, ruleEvaluationsPerSecond: 0 }]
        : []),
    ];
  }
  if (JSON.stringify(net) !== before) input.network = net;

  if (input.orchestrator === "eks") {
    const clusterHours = actualOf("eks-cluster");
    if (clusterHours > 0) {
      const clusters = Math.max(1, Math.round((clusterHours * perHour) / HOURS_PER_MONTH));
      const was = input.eks?.clusters ?? 1;
      if (clusters !== was) {
        changes.push(`EKS clusters: ${was} -> ${clusters}`);
        input.eks = { ...(input.eks ?? { support: "standard", daemonSetReserve: { vcpu: 0, memoryGiB: 0 } }), clusters } as EstimateInput["eks"];
      }
    }
  }
  if (changes.length === 0) changes.push("Nothing to change: the bill's usage matches the estimate's inputs.");
  return { input, changes };
}
