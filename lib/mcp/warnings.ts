/**
 * The estimate's warnings grouped by a stable code a model can act on (the result carries them as sentences for
 * people). Each code names the billing rule behind it. A warning no pattern knows keeps the code "other" with its
 * full text, so nothing is ever dropped.
 */
export interface WarningKind {
  code: string;
  anchor: string;
  test: RegExp;
}

/** First match wins: the more specific patterns come first. */
export const WARNING_KINDS: ReadonlyArray<WarningKind> = [
  { code: "no-option-available", anchor: "recommendation", test: /^No option can run the whole workload/ },
  { code: "capacity-mix-spot", anchor: "capacity-provider-mix", test: /capacity provider mix puts tasks on FARGATE_SPOT/ },
  { code: "fargate-spot-interruption", anchor: "fargate-spot", test: /^Fargate Spot tasks can be stopped/ },
  { code: "ec2-spot-interruption", anchor: "ec2-purchase-options", test: /^EC2 Spot (instances|nodes) can be reclaimed/ },
  { code: "eks-node-operations", anchor: "eks-node-groups", test: /^EKS managed node groups:/ },
  { code: "ec2-operations", anchor: "ec2-purchase-options", test: /^ECS on EC2 means managing the instances/ },
  { code: "savings-plan-commitment", anchor: "savings-plans", test: /^A Savings Plan is a commitment/ },
  { code: "derived-rate", anchor: "rate-warnings", test: /^Derived rates? / },
  { code: "old-price", anchor: "rate-warnings", test: /^Old price:/ },
  { code: "burstable-surplus-credits", anchor: "burstable-instances", test: /burstable \(T\) type/ },
  { code: "eni-trunking-not-listed", anchor: "eni-trunking", test: /trunking table|cannot use awsvpc trunking|trunking/ },
  { code: "rounding-loss", anchor: "rounding-loss", test: /pays for capacity above|lost to rounding|above the (task's|pod's) (request|need)/ },
  { code: "windows-storage", anchor: "windows-on-fargate", test: /Windows tasks on Fargate are assumed/ },
  { code: "fargate-minimum-charge", anchor: "fargate-billing-duration", test: /run is billed as \d+ s|minimum (charge )?per run/ },
  { code: "weekly-schedule-fleet", anchor: "weekly-schedules", test: /with environments: each runs one fleet/ },
  { code: "ec2-scheduled-work", anchor: "ec2-scheduled-work", test: /scale-in|launch and register|never scales in|instances never leave/i },
  { code: "weekly-schedule", anchor: "weekly-schedules", test: /environment|weekly schedule/i },
  { code: "eks-public-ipv4-ignored", anchor: "public-ipv4", test: /publicIpv4\.fargateTasks is ignored on EKS/ },
  { code: "eks", anchor: "eks", test: /\bEKS\b|\bpods?\b/ },
  { code: "managed-instances", anchor: "ecs-managed-instances", test: /Managed Instances/ },
];

export interface CodedWarnings {
  code: string;
  anchor: string;
  messages: string[];
}

/** Warnings grouped by code, in the order their first warning appears. */
export function warningsByCode(warnings: ReadonlyArray<string>): CodedWarnings[] {
  const groups = new Map<string, CodedWarnings>();
  for (const message of warnings) {
    const kind = WARNING_KINDS.find((k) => k.test.test(message));
    const code = kind?.code ?? "other";
    const group = groups.get(code) ?? { code, anchor: kind?.anchor ?? "rate-warnings", messages: [] };
    group.messages.push(message);
    groups.set(code, group);
  }
  return [...groups.values()];
}
