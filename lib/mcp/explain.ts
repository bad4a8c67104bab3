/**
 * `explain`: an option and a cost line of an estimate -> the rules of docs/billing-rules.md behind them (text,
 * formula, AWS source) and the dated catalog price the line used (rate, usage type, source, as-of date).
 * Which section explains what follows the citations in lib/engine (each rule cites its anchor there); a test
 * checks that every option and line of every example maps to anchors the document has.
 */
import { sourceById } from "../catalog/describe";
import type { RegionCatalog } from "../catalog/schema";
import { findCharge } from "../charges";
import { grownForTaskStorage } from "../engine/ec2";
import { rateOf } from "../engine/lines";
import { EKS_AUTO_MODE_OPTION_ID } from "../engine/eks-auto-mode";
import { MANAGED_INSTANCES_OPTION_ID } from "../engine/managed-instances";
import type { FieldError } from "../field-errors";
import { OPTION, type CostLine, type EstimateOption, type EstimateResult } from "../schemas/estimate";
import type { RuleSection, RulesDocument } from "./rules-doc";

/** The sections that explain an option as a whole, most specific first. */
export function optionAnchors(option: Pick<EstimateOption, "id">, result: Pick<EstimateResult, "input">): string[] {
  const eks = result.input.orchestrator === "eks";
  switch (option.id) {
    case "fargate":
      return eks ? ["eks-fargate-pods", "fargate-billing-duration", "eks-cluster-fee"] : ["fargate-task-sizes", "fargate-billing-duration", "rounding-loss"];
    case "fargate-spot":
      return eks ? ["eks-fargate-pods", "fargate-spot"] : ["fargate-spot", "fargate-task-sizes", "fargate-billing-duration"];
    case "fargate-savings-plan":
      return eks ? ["eks-fargate-pods", "savings-plans"] : ["savings-plans", "fargate-task-sizes", "fargate-billing-duration"];
    case "fargate-mix":
      return ["capacity-provider-mix", "fargate-spot", "fargate-billing-duration"];
    case "fargate-spot-interruptible":
      return ["recommendation", "capacity-provider-mix", "fargate-spot"];
    case OPTION.ec2:
      return eks
        ? ["eks-node-groups", "ec2-packing", "cluster-auto-scaling", "ec2-purchase-options", "gp3-root-volume"]
        : ["ec2-packing", "ec2-registered-capacity", "eni-trunking", "cluster-auto-scaling", "ec2-purchase-options", "gp3-root-volume", "ec2-service-share"];
    case MANAGED_INSTANCES_OPTION_ID:
      return ["ecs-managed-instances", "ec2-packing", "cluster-auto-scaling", "ec2-purchase-options", "gp3-root-volume"];
    case EKS_AUTO_MODE_OPTION_ID:
      return ["eks-auto-mode", "eks-node-groups", "ec2-packing", "cluster-auto-scaling", "ec2-purchase-options"];
  }
  // (Every id of the option enum has its case: an id added to it fails the type check here.)
}

/** The sections that explain one cost line, most specific first. */
export function lineAnchors(line: CostLine, option: Pick<EstimateOption, "id">, result: Pick<EstimateResult, "input">): string[] {
  const eks = result.input.orchestrator === "eks";
  const charge = line.charge;
  const service = result.input.services.find((s) => s.name === line.service);
  const out: string[] = [];
  switch (line.category) {
    case "load-balancer":
      // The capacity-unit lines (LCU-hours, NLCU-hours) beside the load balancer hours.
      return line.unit === "load-balancer-hours" ? ["load-balancers"] : ["load-balancers", "lb-from-requests"];
    case "nat-gateway":
    case "vpc-endpoint":
      return ["network-lines"];
    case "public-ipv4":
      return ["public-ipv4"];
    case "data-transfer":
      return ["data-transfer"];
    case "logs":
      return ["logs"];
    case "control-plane":
      return ["eks-cluster-fee"];
    default:
      break;
  }
  switch (line.component) {
    case "vcpu":
    case "memory":
      if (eks) out.push("eks-fargate-pods");
      out.push("fargate-billing-duration");
      if (charge === "fargate-spot-vcpu" || charge === "fargate-spot-memory") out.push("fargate-spot");
      if (charge === "fargate-savings-plan-vcpu" || charge === "fargate-savings-plan-memory") out.push("savings-plans");
      if (service?.architecture === "arm64" && service.os !== "windows") out.push("arm-graviton");
      if (service?.os === "windows") out.push("windows-on-fargate");
      out.push("fargate-task-sizes");
      break;
    case "os-license":
      out.push("windows-on-fargate", "fargate-billing-duration");
      break;
    case "storage":
      if (eks) out.push("eks-fargate-storage");
      out.push("ephemeral-storage");
      break;
    case "instance":
      out.push("ec2-purchase-options", "ec2-packing", "cluster-auto-scaling");
      if (charge === "ec2-savings-plan-instance") out.push("savings-plans");
      if (option.id === MANAGED_INSTANCES_OPTION_ID) out.push("ecs-managed-instances");
      if (option.id === EKS_AUTO_MODE_OPTION_ID) out.push("eks-auto-mode");
      if (eks) out.push("eks-node-groups");
      if (result.input.ec2?.purchase?.startsWith("reserved")) out.push("reserved-running-hours");
      break;
    case "ebs":
      // The volume grows for the tasks' declared storage (docs/billing-rules.md#ec2-task-storage).
      if (charge === "ebs-volume" && grownForTaskStorage(line)) out.push("ec2-task-storage");
      out.push(findCharge(charge)?.docs ?? "gp3-root-volume");
      break;
    case "other": {
      const docs = charge === "ecs-managed-instances-fee" || charge === "eks-auto-mode-fee" || charge === "ec2-cpu-credits" ? findCharge(charge)?.docs : undefined;
      out.push(...(docs ? [docs] : line.shared ? ["network-lines"] : optionAnchors(option, result)));
      break;
    }
  }
  return out;
}

/** Where the line's price came from: the catalog rate and its source, with dates. */
export interface LinePrice {
  rateUSD: number;
  unit: string;
  usageType: string | null;
  asOf: string;
  derived: boolean;
  note: string | null;
  /** The catalog source the rate was read from (name, date, origin), when the catalog names it. */
  source: { id: string; name: string; asOf: string; origin: string } | null;
}

export function linePrice(line: CostLine, catalog: RegionCatalog | null): LinePrice {
  const rate = rateOf(line);
  const source = rate && catalog ? sourceById(catalog, rate.source) : undefined;
  return {
    rateUSD: line.rateUSD,
    unit: line.unit,
    usageType: line.usageType,
    asOf: line.asOf,
    derived: line.derived,
    note: line.note ?? null,
    source: source ? { id: source.id, name: source.name, asOf: source.asOf, origin: source.origin } : null,
  };
}

/** A rule as `explain` returns it: the section's own fields, and the enclosing section's source when it has none. */
export interface ExplainedRule {
  anchor: string;
  heading: string;
  reference: string;
  text: string;
  formulas: string[];
  source: string | null;
  urls: string[];
  code: string | null;
}

/** Longest rule text `explain` returns (the whole document is a resource). */
export const MAX_RULE_TEXT_CHARS = 3_000;

export function explainedRule(doc: RulesDocument, anchor: string): ExplainedRule | null {
  const s: RuleSection | undefined = doc.byAnchor.get(anchor);
  if (!s) return null;
  const parent = s.parent ? doc.byAnchor.get(s.parent) : undefined;
  const text = s.text.length > MAX_RULE_TEXT_CHARS ? `${s.text.slice(0, MAX_RULE_TEXT_CHARS)}… (the whole section: resource ecs-estimator://docs/billing-rules.md, #${s.anchor})` : s.text;
  return {
    anchor: s.anchor,
    heading: s.heading,
    reference: `docs/billing-rules.md#${s.anchor}`,
    text,
    formulas: s.formulas,
    source: s.source ?? (s.urls.length > 0 ? s.urls.join("; ") : (parent?.source ?? null)),
    urls: s.urls.length > 0 ? s.urls : (parent?.urls ?? []),
    code: s.code ?? parent?.code ?? null,
  };
}

export interface LineSelection {
  index: number;
  line: CostLine;
}

/**
 * The line a caller means: a 0-based index into the option's lines, or words of its label ("EC2 instance",
 * "memory"), matched case-insensitively; the first line that matches wins.
 */
export function selectLine(option: EstimateOption, wanted: number | string): { ok: true; selection: LineSelection } | { ok: false; errors: FieldError[] } {
  const list = option.lines.map((l, i) => `${i}: ${l.label ?? l.component} (${l.service})`);
  const listed = list.length > 12 ? `${list.slice(0, 12).join("; ")}; … (${list.length} lines)` : list.join("; ");
  if (typeof wanted === "number") {
    const line = option.lines[wanted];
    if (!Number.isInteger(wanted) || !line) return { ok: false, errors: [{ path: "line", message: `option ${option.id} has no line ${wanted}; its lines are ${listed || "none"}` }] };
    return { ok: true, selection: { index: wanted, line } };
  }
  const words = wanted.toLowerCase().split(/\s+/).filter(Boolean);
  const index = option.lines.findIndex((l) => {
    const hay = `${l.label ?? ""} ${l.component} ${l.category ?? ""} ${l.service}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  if (index < 0) return { ok: false, errors: [{ path: "line", message: `no line of option ${option.id} matches ${JSON.stringify(wanted.slice(0, 80))}; its lines are ${listed || "none"}` }] };
  return { ok: true, selection: { index, line: option.lines[index] as CostLine } };
}
