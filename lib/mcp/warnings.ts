/**
 * The estimate's warnings grouped by a stable code a model can act on (the result carries them as sentences for
 * people, with each one's code in `warningCodes`). Each group names the billing rule behind it. The groups are
 * coarser than the engine's codes (docs/messages.md): both burstable warnings are "burstable-surplus-credits", for
 * instance. A warning without a known code keeps the group "other" with its full text, so nothing is ever dropped.
 */
import type { WarningCode } from "../schemas/messages";

export interface WarningKind {
  code: string;
  anchor: string;
}

/** The group and the docs/billing-rules.md section of each engine warning code. */
export const WARNING_KINDS = {
  "no-option-available": { code: "no-option-available", anchor: "recommendation" },
  "capacity-mix-spot": { code: "capacity-mix-spot", anchor: "capacity-provider-mix" },
  "fargate-spot-interruption": { code: "fargate-spot-interruption", anchor: "fargate-spot" },
  "ec2-spot-interruption": { code: "ec2-spot-interruption", anchor: "ec2-purchase-options" },
  "eks-node-operations": { code: "eks-node-operations", anchor: "eks-node-groups" },
  "ec2-operations": { code: "ec2-operations", anchor: "ec2-purchase-options" },
  "savings-plan-commitment": { code: "savings-plan-commitment", anchor: "savings-plans" },
  "derived-rates": { code: "derived-rate", anchor: "rate-warnings" },
  "old-price": { code: "old-price", anchor: "rate-warnings" },
  "burstable-surplus-credits": { code: "burstable-surplus-credits", anchor: "burstable-instances" },
  "burstable-within-baseline": { code: "burstable-surplus-credits", anchor: "burstable-instances" },
  "eni-trunking-not-listed": { code: "eni-trunking-not-listed", anchor: "eni-trunking" },
  "eni-trunking-unsupported": { code: "eni-trunking-not-listed", anchor: "eni-trunking" },
  "rounding-loss": { code: "rounding-loss", anchor: "rounding-loss" },
  "eks-pod-rounding-loss": { code: "rounding-loss", anchor: "rounding-loss" },
  "windows-storage-fixed": { code: "windows-storage", anchor: "windows-on-fargate" },
  "windows-minimum-charge": { code: "fargate-minimum-charge", anchor: "fargate-billing-duration" },
  "scheduled-fleet": { code: "weekly-schedule-fleet", anchor: "weekly-schedules" },
  "ec2-scheduled-work": { code: "ec2-scheduled-work", anchor: "ec2-scheduled-work" },
  "schedule-replaces-hours": { code: "weekly-schedule", anchor: "weekly-schedules" },
  "eks-public-ipv4-ignored": { code: "eks-public-ipv4-ignored", anchor: "public-ipv4" },
} as const satisfies Record<WarningCode, WarningKind>;

export interface CodedWarnings {
  code: string;
  anchor: string;
  messages: string[];
}

const kindOf = (code: string | undefined): WarningKind | undefined =>
  code !== undefined && Object.hasOwn(WARNING_KINDS, code) ? WARNING_KINDS[code as WarningCode] : undefined;

/** Warnings grouped by code, in the order their first warning appears (`codes[i]` is the code of `warnings[i]`). */
export function warningsByCode(warnings: ReadonlyArray<string>, codes: ReadonlyArray<string> = []): CodedWarnings[] {
  const groups = new Map<string, CodedWarnings>();
  warnings.forEach((message, i) => {
    const kind = kindOf(codes[i]);
    const code = kind?.code ?? "other";
    const group = groups.get(code) ?? { code, anchor: kind?.anchor ?? "rate-warnings", messages: [] };
    group.messages.push(message);
    groups.set(code, group);
  });
  return [...groups.values()];
}
