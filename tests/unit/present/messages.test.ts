/**
 * Every message code renders to the sentence the engine wrote before warnings and reasons became data (issue 20):
 * one golden sentence per code, written out by hand from the old templates with the parameters below (numbers as
 * num() prints them: at most 3 decimals, no trailing zeros; money as formatUSD: "$1,234.57").
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIELD_ERROR_CODES } from "@/lib/field-errors";
import { MESSAGE_RENDERERS, renderMessage, serviceRefText } from "@/lib/present/messages";
import { MESSAGE_CODES, REASON_CODES, WARNING_CODES, message, bare, type Message, type MessageCode } from "@/lib/schemas/messages";
import { WARNING_KINDS, warningsByCode } from "@/lib/mcp/warnings";

const api = { index: 0, name: "api" };
const devApi = { index: 1, name: "api", environment: "dev" };

/** [message, the sentence it must render to]; at least one per code (the test below checks that). */
const GOLDEN: Array<[Message, string]> = [
  [
    message("schedule-replaces-hours", { service: api, hoursPerMonth: 200 }),
    `services[0] "api": its 200 h/month is replaced by each environment's weekly schedule (with environments, the schedule says when continuous services run).`,
  ],
  [
    message("scheduled-fleet", { options: ["ec2"], launchSeconds: 180, scaleInWaitSeconds: 900 }),
    "ECS on EC2 with environments: one fleet runs every environment's tasks, sized for each period of the week (a run of quarter-hours with the same demand, UTC). " +
      "Instances launch 3 minutes before demand rises (assumption) and leave 15 minutes after it falls (the scale-in wait of ECS cluster auto scaling), so a dip shorter than that keeps them.",
  ],
  [
    message("scheduled-fleet", { options: ["ec2", "ecs-managed-instances"], launchSeconds: 180, scaleInWaitSeconds: 900 }),
    "ECS on EC2 and ECS Managed Instances with environments: each runs one fleet for every environment's tasks, sized for each period of the week (a run of quarter-hours with the same demand, UTC). " +
      "Instances launch 3 minutes before demand rises (assumption) and leave 15 minutes after it falls (the scale-in wait of ECS cluster auto scaling), so a dip shorter than that keeps them.",
  ],
  [bare("eks-public-ipv4-ignored"), "network.publicIpv4.fargateTasks is ignored on EKS: pods on Fargate run in private subnets only and have no public IPv4 address."],
  [
    bare("fargate-spot-interruption"),
    "Fargate Spot tasks can be stopped at any time with a two-minute warning (SIGTERM and an EventBridge event); use Spot for work that tolerates interruption. Spot prices float and were read on the rate's date.",
  ],
  [bare("capacity-mix-spot"), "The capacity provider mix puts tasks on FARGATE_SPOT: those can be interrupted with a two-minute warning."],
  [
    bare("eks-node-operations"),
    "EKS managed node groups: EKS launches the nodes with the EKS-optimized AMI and drains them for updates, but you start node and Kubernetes version updates and run the node autoscaler (Cluster Autoscaler or Karpenter).",
  ],
  [message("ec2-spot-interruption", { hosts: "nodes" }), "EC2 Spot nodes can be reclaimed with a two-minute notice; the price used is an average Spot price, which floats."],
  [message("ec2-spot-interruption", { hosts: "instances" }), "EC2 Spot instances can be reclaimed with a two-minute notice; the price used is an average Spot price, which floats."],
  [bare("ec2-operations"), "ECS on EC2 means managing the instances yourself: AMI and ECS agent updates, patching, and capacity provider scaling."],
  [
    bare("savings-plan-commitment"),
    "A Savings Plan is a commitment in $/hour billed for every hour of its term whether used or not; this option assumes a commitment that exactly matches this usage. Usage above it is billed on-demand.",
  ],
  [
    message("derived-rates", { rates: [{ what: "USE1-BoxUsage:m5.large", rateUSD: 0.096, unit: "instance-hours" }], how: "12% of On-Demand" }),
    "Derived rate USE1-BoxUsage:m5.large $0.096/h: 12% of On-Demand",
  ],
  [
    message("derived-rates", {
      rates: [
        { what: "a", rateUSD: 0.04, unit: "vCPU-hours" },
        { what: "b", rateUSD: 0.1, unit: "GB-months" },
      ],
      how: "from the x86 rate",
    }),
    "Derived rates a $0.04/vCPU-h, b $0.1/GB-month: from the x86 rate",
  ],
  [
    message("old-price", { prices: ["A", "B", "C", "D", "E", "F"], asOf: "2025-01-01", months: 23, catalogDate: "2026-12-01" }),
    "Old price: A, B, C, D and 2 more dated 2025-01-01, about 23 months before the catalog date 2026-12-01; the price may have changed.",
  ],
  [bare("no-option-available"), "No option can run the whole workload in this region with the bundled prices: see each option's reason."],
  [
    message("burstable-surplus-credits", { instanceType: "t3.large", baselinePct: 30, creditUSDPerVcpuHour: 0.05 }),
    "t3.large is a burstable (T) type in unlimited mode (the default): the tasks on it reserve more CPU than its 30% baseline per vCPU, so the estimate adds surplus CPU credits at $0.05 per vCPU-hour as a worst case (tasks using all the CPU they reserve); set ec2.allowBurstable to false to plan without T types.",
  ],
  [
    message("burstable-within-baseline", { instanceType: "t3.micro", baselinePct: 10 }),
    "t3.micro is a burstable (T) type: the tasks on it reserve no more CPU than its 10% baseline per vCPU, so no surplus credits are expected; CPU above the baseline would be billed as surplus credits in unlimited mode.",
  ],
  [
    message("eni-trunking-not-listed", { instanceType: "m8i.large", tableAsOf: "2026-10-01", maxTasks: 2 }),
    "m8i.large is newer than ECS's awsvpc trunking table (2026-10-01), so it is planned without trunking: max ENIs - 1 = 2 tasks per instance (conservative; ECS may allow more).",
  ],
  [message("eni-trunking-unsupported", { instanceType: "t3.micro", maxTasks: 1 }), "t3.micro does not support awsvpc ENI trunking on ECS, so its task limit is max ENIs - 1 = 1."],
  [
    message("ec2-scheduled-work", {
      variant: "ecs-ec2",
      hosts: "instances",
      launchSeconds: 180,
      scaleInWaitSeconds: 900,
      notes: [
        { kind: "scales-in", service: "job", instanceSecondsPerRun: 1380, launchSeconds: 180, secondsPerRun: 300, scaleInWaitSeconds: 900, runsPerDay: 4, daysPerMonth: 30, hoursPerMonth: 46 },
        { kind: "never-scales-in", service: "tick", everySeconds: 900, secondsPerRun: 60, hoursPerMonth: 720 },
      ],
    }),
    "EC2 and scheduled work: cluster auto scaling launches instances for each run (3 minutes to launch and register is an assumption: AWS publishes no figure) and scales in only after 15 minutes below target; the fleet is sized for the services' peak concurrency, and the instances that only shorter-running services need scale in after them. " +
      "job keeps its instances 1380 s per run (180 s launch + 300 s run + 900 s scale-in wait) x 4 runs/day x 30 days = 46 h/month; " +
      "tick starts a run every 900 s and each lasts 60 s: the gap is shorter than launch + scale-in wait, so its instances never scale in (720 h/month).",
  ],
  [
    message("ec2-scheduled-work", {
      variant: "ecs-managed-instances",
      hosts: "instances",
      launchSeconds: 180,
      scaleInWaitSeconds: 900,
      notes: [{ kind: "never-scales-in", service: "tick", everySeconds: 900, secondsPerRun: 60, hoursPerMonth: 720 }],
    }),
    "ECS Managed Instances and scheduled work: AWS launches instances for each run and removes idle ones after its scale-in delay (scaleInAfter, 0 to 3,600 s; AWS publishes no default), so the estimate assumes the same 3-minute launch and 15-minute wait as ECS on EC2 cluster auto scaling. " +
      "tick starts a run every 900 s and each lasts 60 s: the gap is shorter than launch + scale-in wait, so its instances never scale in (720 h/month).",
  ],
  [
    message("ec2-scheduled-work", {
      variant: "eks-node-group",
      hosts: "nodes",
      launchSeconds: 180,
      scaleInWaitSeconds: 900,
      notes: [{ kind: "scales-in", service: "job", instanceSecondsPerRun: 1380, launchSeconds: 180, secondsPerRun: 300, scaleInWaitSeconds: 900, runsPerDay: 4, daysPerMonth: 30, hoursPerMonth: 46 }],
    }),
    "Node groups and scheduled work: the node autoscaler is modelled like ECS cluster auto scaling (3 minutes for a node to launch and join, an assumption; scale-in after 15 minutes, while Cluster Autoscaler's default is 10 minutes); the group is sized for the pods' peak and the nodes only shorter-running services need are removed after them. " +
      "job keeps its nodes 1380 s per run (180 s launch + 300 s run + 900 s scale-in wait) x 4 runs/day x 30 days = 46 h/month.",
  ],
  [
    message("ec2-scheduled-work", {
      variant: "eks-auto-mode",
      hosts: "nodes",
      launchSeconds: 180,
      scaleInWaitSeconds: 900,
      notes: [{ kind: "never-scales-in", service: "tick", everySeconds: 900, secondsPerRun: 60, hoursPerMonth: 720 }],
    }),
    "EKS Auto Mode and scheduled work: Karpenter launches nodes for pending pods and consolidates empty ones; the estimate assumes the same 3-minute launch and 15-minute wait as ECS cluster auto scaling. " +
      "tick starts a run every 900 s and each lasts 60 s: the gap is shorter than launch + scale-in wait, so its nodes never scale in (720 h/month).",
  ],
  [
    message("rounding-loss", { service: "api", lossUSD: 12.345, sharePct: 21, billed: { vcpu: 1, memoryGiB: 2 }, requested: { vcpu: 0.6, memoryGiB: 1.2 } }),
    "api: $12.35/month (21% of its Fargate cost) pays for capacity above the request because Fargate bills 1 vCPU / 2 GiB for 0.6 vCPU / 1.2 GiB; a request closer to a valid size would cost less.",
  ],
  [
    message("eks-pod-rounding-loss", { service: "web", lossUSD: 5, sharePct: 15, billed: { vcpu: 1, memoryGiB: 3 }, requested: { vcpu: 1, memoryGiB: 2 }, podOverheadGiB: 0.25 }),
    "web: $5.00/month (15% of its EKS Fargate cost) pays for capacity above the pod's need because Fargate bills 1 vCPU / 3 GiB for requests of 1 vCPU / 2 GiB + 0.25 GiB; requests closer to a valid size would cost less.",
  ],
  [
    message("windows-storage-fixed", { service: "win", requestedGiB: 60, fixedGiB: 20 }),
    "win: 60 GiB of ephemeral storage was requested, but Windows tasks on Fargate are assumed to have a fixed 20 GiB (AWS documents conflict); no storage charge is included.",
  ],
  [
    message("windows-minimum-charge", { service: "win", secondsPerRun: 60, minimumSeconds: 300 }),
    "win: each 60 s run is billed as 300 s: Windows tasks on Fargate are billed per second with a 5-minute minimum per run.",
  ],
  // ---- reasons
  [message("catalog-unavailable", { catalogReason: "No Spot price for eu-north-9" }), "No Spot price for eu-north-9"],
  [message("windows-not-supported", { variant: "ecs-ec2", service: api }), `services[0] "api" is a Windows task: the price catalog has Linux EC2 instance prices only`],
  [
    message("windows-not-supported", { variant: "ecs-managed-instances", service: devApi }),
    `services[1] "api" in environment "dev" is a Windows task: ECS Managed Instances runs Linux containers only (ECS developer guide, "Architect for Amazon ECS Managed Instances")`,
  ],
  [
    message("windows-not-supported", { variant: "eks-node-group", service: api }),
    `services[0] "api" is a Windows service: the price catalog has Linux EC2 instance prices only, so no Windows node group`,
  ],
  [message("windows-not-supported", { variant: "eks-auto-mode", service: api }), `services[0] "api" is a Windows service: EKS Auto Mode runs Linux nodes only`],
  [message("gp3-unavailable", { catalogReason: "not in the snapshot" }), "No gp3 price for the instances' volumes: not in the snapshot"],
  [message("gp3-volume-too-small", { iops: 12000, minGiB: 24, volumeGiB: 20 }), "ec2.gp3Iops 12000 needs a gp3 volume of at least 24 GiB (500 IOPS per GiB); the instances' volume is 20 GiB"],
  [
    message("gp3-provisioned-unavailable", { what: "IOPS", included: 3000, region: "us-east-1", catalogReason: "not in the snapshot" }),
    "gp3 IOPS above the 3000 included cannot be priced in us-east-1: not in the snapshot",
  ],
  [
    message("public-ipv4-unavailable", { region: "us-east-1", catalogId: "2026-12-01", catalogReason: "no rate" }),
    "Public IPv4 addresses cannot be priced in us-east-1 with price catalog 2026-12-01: no rate",
  ],
  [
    message("fleet-no-type-left", { arch: "x86_64", scope: { kind: "allowed", types: ["t3.micro", "t3.large"] }, leftOut: { burstableExcluded: 2, burstableUnpriced: [] } }),
    "No x86_64 type left to search among the allowed instance types (t3.micro, t3.large) (2 burstable types left out: ec2.allowBurstable is false)",
  ],
  [
    message("fleet-types-not-in-catalog", { arch: "arm64", scope: { kind: "current-generation", arch: "arm64" }, region: "us-gov-west-1" }),
    "None of the current-generation arm64 types is in the us-gov-west-1 catalog for arm64",
  ],
  [
    message("fleet-cannot-hold", {
      arch: "x86_64",
      scope: { kind: "auto-mode-node-pool" },
      priceText: "on-demand",
      demands: [
        { service: "api", vcpu: 200, memoryGiB: 2 },
        { service: "big", vcpu: 1, memoryGiB: 1024.5 },
      ],
      limitText: " with awsvpc ENI limits",
      leftOut: { burstableExcluded: 1, burstableUnpriced: ["t4g.nano"] },
    }),
    `No x86_64 instance type among the C, M and R types of generation 5 or newer (EKS Auto Mode's built-in general-purpose NodePool) with a on-demand price can hold a task of "api" (200 vCPU / 2 GiB), "big" (1 vCPU / 1024.5 GiB) with awsvpc ENI limits (1 burstable type left out: ec2.allowBurstable is false) (t4g.nano left out: no documented CPU baseline or surplus-credit rate)`,
  ],
  [
    bare("managed-instances-bridge"),
    "ECS Managed Instances runs tasks in the awsvpc or host network mode, not bridge (ECS API reference, managed instances network configuration): set ec2.networkMode to awsvpc or host to price it",
  ],
  [message("managed-instances-fee-unavailable", { region: "us-east-1", catalogReason: "older snapshot" }), "No ECS Managed Instances management fee in the us-east-1 catalog: older snapshot"],
  [
    message("eks-auto-mode-fee-missing", { catalogId: "2026-11-26", region: "us-east-1" }),
    "Price catalog 2026-11-26 has no EKS Auto Mode fee for us-east-1 (snapshots from 2026-12-01 on have it)",
  ],
  [message("eks-auto-mode-fee-unavailable", { region: "us-east-1", catalogReason: "no rule" }), "No EKS Auto Mode management fee in the us-east-1 catalog: no rule"],
  [
    message("eks-fargate-govcloud", { partition: "AWS GovCloud (US-West)", region: "us-gov-west-1" }),
    `EKS pods on Fargate are not available in AWS GovCloud (US-West) (us-gov-west-1): AWS Fargate with Amazon EKS is not offered in the GovCloud (US) regions (EKS user guide, "AWS Fargate considerations"); a managed node group can run the pods there`,
  ],
  [message("eks-fargate-windows", { service: api }), `services[0] "api" is a Windows service: EKS pods on Fargate run Linux on x86_64 only`],
  [message("eks-fargate-arm64", { service: api }), `services[0] "api" is arm64: EKS pods on Fargate run Linux on x86_64 only (arm64 pods need an EC2 node group)`],
  [
    message("eks-pod-too-large", { service: api, needed: { vcpu: 16, memoryGiB: 120.25 }, podOverheadGiB: 0.25, largest: { vcpu: 16, memoryGiB: 120 } }),
    `services[0] "api" needs 16 vCPU / 120.25 GiB as a pod on Fargate (requests + 0.25 GiB for the Kubernetes components); the largest Fargate pod is 16 vCPU / 120 GiB`,
  ],
  [
    message("eks-pod-storage-too-large", { service: api, requestedGiB: 190, fromContainers: true, maxGiB: 175 }),
    `services[0] "api" requests 190 GiB of ephemeral storage (its containers' requests): an EKS pod on Fargate can have at most 175 GiB (ECS tasks on Fargate up to 200 GiB)`,
  ],
  [
    message("eks-pod-storage-too-large", { service: api, requestedGiB: 190, fromContainers: false, maxGiB: 175 }),
    `services[0] "api" requests 190 GiB of ephemeral storage: an EKS pod on Fargate can have at most 175 GiB (ECS tasks on Fargate up to 200 GiB)`,
  ],
  [bare("eks-no-fargate-spot"), "EKS pods on Fargate cannot use Fargate Spot: FARGATE_SPOT is an ECS capacity provider only"],
  [
    message("eks-cluster-fee-missing", { clusters: 1, support: "standard", catalogId: "2026-11-26" }),
    "The EKS cluster fee (1 cluster, standard support) cannot be priced: price catalog 2026-11-26 has no EKS rates (snapshots from 2026-12-01 on have them); set eks.clusters to 0 to leave the fee out",
  ],
  [
    message("eks-cluster-fee-unavailable", { clusters: 2, support: "extended", region: "us-east-1", catalogReason: "no rate" }),
    "The EKS cluster fee (2 clusters, extended support) cannot be priced in us-east-1: no rate",
  ],
  [
    message("eks-node-figures-missing", { catalogId: "2026-11-26", region: "us-east-1" }),
    "Price catalog 2026-11-26 has no EKS node figures (allocatable CPU/memory, max pods) for us-east-1; snapshots from 2026-12-01 on have them",
  ],
  [message("fargate-windows-arch", { service: api }), `services[0] "api": Windows containers on Fargate run on x86_64 only`],
  [message("fargate-rate-unavailable", { service: devApi, platform: "arm64", catalogReason: "no Graviton rate" }), `services[1] "api" in environment "dev" (arm64): no Graviton rate`],
  [message("fargate-spot-windows", { service: api }), `Fargate Spot does not run Windows tasks (services[0] "api")`],
  [
    message("fargate-size-too-large", { service: api, vcpu: 20, memoryGiB: 8, windowsLimit: false, largest: { vcpu: 16, memoryGiB: 120 } }),
    `services[0] "api" needs 20 vCPU / 8 GiB; the largest Fargate task is 16 vCPU / 120 GiB`,
  ],
  [
    message("fargate-size-too-large", { service: api, vcpu: 8, memoryGiB: 100, windowsLimit: true, largest: { vcpu: 4, memoryGiB: 30 } }),
    `services[0] "api" needs 8 vCPU / 100 GiB; Windows tasks on Fargate are at most 4 vCPU / 30 GiB`,
  ],
  [
    message("fargate-storage-unavailable", { service: api, storageGiB: 60, catalogReason: "no storage rate" }),
    `services[0] "api" needs 60 GiB of ephemeral storage: no storage rate`,
  ],
  [
    message("network-rate-unavailable", { what: "Application Load Balancer", region: "us-east-1", catalogId: "2026-12-01", catalogReason: "no LCU rate", at: "network.loadBalancers[0]" }),
    "Application Load Balancer cannot be priced in us-east-1 with price catalog 2026-12-01: no LCU rate (network.loadBalancers[0])",
  ],
  [
    message("network-rate-unavailable", { what: "Data transfer out", region: "us-east-1", catalogId: "2026-12-01", catalogReason: "no tiers", at: null }),
    "Data transfer out cannot be priced in us-east-1 with price catalog 2026-12-01: no tiers",
  ],
];

describe("message codes render to the sentences they replaced", () => {
  it.each(GOLDEN.map(([m, sentence], i) => ({ i, code: m.code, m, sentence })))("$i: $code", ({ m, sentence }) => {
    expect(renderMessage(m)).toBe(sentence);
  });

  it("every code has a golden sentence and a renderer, and the codes are the warnings' and the reasons'", () => {
    const covered = new Set(GOLDEN.map(([m]) => m.code));
    expect(MESSAGE_CODES.filter((c) => !covered.has(c))).toEqual([]);
    expect(Object.keys(MESSAGE_RENDERERS).sort()).toEqual([...MESSAGE_CODES].sort());
    expect([...WARNING_CODES, ...REASON_CODES].sort()).toEqual([...MESSAGE_CODES].sort());
  });

  it("a service of an environment is named with its environment", () => {
    expect(serviceRefText(api)).toBe(`services[0] "api"`);
    expect(serviceRefText(devApi)).toBe(`services[1] "api" in environment "dev"`);
  });

  it("a code without a renderer fails the type check", () => {
    // @ts-expect-error "not-a-code" is no MessageCode: the renderer table is `satisfies Record<MessageCode, ...>`.
    const unknown: MessageCode = "not-a-code";
    void unknown;
    // @ts-expect-error a renderer table missing a code does not satisfy the type of MESSAGE_RENDERERS.
    const partial: typeof MESSAGE_RENDERERS = { "no-option-available": () => "x" };
    void partial;
    // @ts-expect-error a code's params are checked: hosts is "instances" | "nodes".
    message("ec2-spot-interruption", { hosts: "tasks" });
  });
});

/**
 * The MCP server's warning groups were chosen by patterns over these sentences before the codes existed; each
 * group must be the one the old patterns gave (first match wins, copied from lib/mcp/warnings.ts at db6a6c4). The
 * one difference: a scheduled-fleet warning for one option fell to "ec2-scheduled-work" through the words
 * "scale-in" in it; it is now "weekly-schedule-fleet" like the two-option one.
 */
const OLD_PATTERNS: Array<[string, RegExp]> = [
  ["no-option-available", /^No option can run the whole workload/],
  ["capacity-mix-spot", /capacity provider mix puts tasks on FARGATE_SPOT/],
  ["fargate-spot-interruption", /^Fargate Spot tasks can be stopped/],
  ["ec2-spot-interruption", /^EC2 Spot (instances|nodes) can be reclaimed/],
  ["eks-node-operations", /^EKS managed node groups:/],
  ["ec2-operations", /^ECS on EC2 means managing the instances/],
  ["savings-plan-commitment", /^A Savings Plan is a commitment/],
  ["derived-rate", /^Derived rates? /],
  ["old-price", /^Old price:/],
  ["burstable-surplus-credits", /burstable \(T\) type/],
  ["eni-trunking-not-listed", /trunking table|cannot use awsvpc trunking|trunking/],
  ["rounding-loss", /pays for capacity above|lost to rounding|above the (task's|pod's) (request|need)/],
  ["windows-storage", /Windows tasks on Fargate are assumed/],
  ["fargate-minimum-charge", /run is billed as \d+ s|minimum (charge )?per run/],
  ["weekly-schedule-fleet", /with environments: each runs one fleet/],
  ["ec2-scheduled-work", /scale-in|launch and register|never scales in|instances never leave/i],
  ["weekly-schedule", /environment|weekly schedule/i],
  ["eks-public-ipv4-ignored", /publicIpv4\.fargateTasks is ignored on EKS/],
  ["eks", /\bEKS\b|\bpods?\b/],
  ["managed-instances", /Managed Instances/],
];

describe("MCP warning groups from the codes", () => {
  it("are the groups the sentence patterns gave", () => {
    for (const [m, sentence] of GOLDEN) {
      if (!(WARNING_CODES as ReadonlyArray<string>).includes(m.code)) continue;
      const old = OLD_PATTERNS.find(([, re]) => re.test(sentence))?.[0];
      const expected = m.code === "scheduled-fleet" ? "weekly-schedule-fleet" : old;
      const [group] = warningsByCode([sentence], [m.code]);
      expect(group?.code, sentence).toBe(expected);
      expect(group?.anchor).toBe(WARNING_KINDS[m.code as keyof typeof WARNING_KINDS].anchor);
    }
  });

  it("keep a warning without a known code, as other", () => {
    expect(warningsByCode(["Something new."], ["not-a-code"])).toEqual([{ code: "other", anchor: "rate-warnings", messages: ["Something new."] }]);
  });
});

describe("docs/messages.md", () => {
  it("names every message code and every field error code", () => {
    const doc = readFileSync("docs/messages.md", "utf8");
    expect(MESSAGE_CODES.filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
    expect(FIELD_ERROR_CODES.filter((c) => !doc.includes(`\`${c}\``))).toEqual([]);
  });
});
