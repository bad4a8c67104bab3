/**
 * ECS Managed Instances (docs/billing-rules.md#ecs-managed-instances): AWS launches, patches and scales the EC2
 * instances and packs the tasks on them; you pay the instance (On-Demand or Spot, or under a Reserved Instance or
 * Savings Plan like any EC2 instance) plus a management fee per instance-hour. The fleet is the same search as ECS
 * on EC2 (same demands, capacity, settings: ec2.ts ecsInstanceOption), priced at instance rate + fee.
 */
import { isUnavailable, type InstanceType, type RegionCatalog } from "../catalog/schema";
import type { EstimateInput, EstimateOption } from "../schemas/estimate";
import { formatRate } from "../money";
import { ec2PurchaseLabel, ecsInstanceOption, instancePriceSource, type InstanceFee } from "./ec2";
import { CLUSTER_SCALE_IN_WAIT_SECONDS, EC2_LAUNCH_SECONDS, managedInstancesFeeUSD } from "./rules";
import { num } from "./lines";

export const MANAGED_INSTANCES_OPTION_ID = "ecs-managed-instances";

/** Per catalog object: its management fee (pure functions of the catalog, made once). */
const fees = new WeakMap<RegionCatalog, InstanceFee | { reason: string }>();

/** The management fee per instance-hour of a type, with its provenance, or why the catalog has none (the same object for the same catalog). */
function managementFee(catalog: RegionCatalog): InstanceFee | { reason: string } {
  let fee = fees.get(catalog);
  if (!fee) {
    fee = makeManagementFee(catalog);
    fees.set(catalog, fee);
  }
  return fee;
}

function makeManagementFee(catalog: RegionCatalog): InstanceFee | { reason: string } {
  const mi = catalog.ec2.managedInstances;
  if (isUnavailable(mi)) return { reason: `No ECS Managed Instances management fee in the ${catalog.region} catalog: ${mi.reason}` };
  const hourly = (t: InstanceType) => managedInstancesFeeUSD(t, mi.feeFractionOfOnDemand);
  return {
    key: MANAGED_INSTANCES_OPTION_ID,
    charge: "ecs-managed-instances-fee",
    hourly,
    label: (t) => `ECS Managed Instances management fee (${t.type})`,
    rate: (t, usd) => {
      const published = t.managedFeeUSD !== undefined;
      const own = published && t.managedFeeSource ? catalog.sources.find((src) => src.id === t.managedFeeSource) : undefined;
      return {
        usd,
        unit: "hour",
        source: own ? own.id : mi.source,
        asOf: own ? own.asOf : mi.asOf,
        usageType: mi.usageTypePattern.replace("<instanceType>", t.type),
        derived: published ? false : mi.derived,
        note: published
          ? own
            ? `AWS's own management fee for ${t.type}: ${own.name}.`
            : `The management fee the Price List lists for ${t.type} (read by npm run prices:refresh).`
          : mi.note,
      };
    },
    formula: (t) =>
      t.managedFeeUSD !== undefined || t.onDemandUSD === null
        ? ""
        : `${num(mi.feeFractionOfOnDemand * 100)}% x On-Demand ${formatRate(t.onDemandUSD)} = ${formatRate(mi.feeFractionOfOnDemand * t.onDemandUSD)} per instance-hour, whatever the purchase option (the fee is not discounted by Spot, Reserved Instances or Savings Plans).`,
  };
}

/**
 * The "ecs-managed-instances" option for an ECS workload (orchestrator absent or "ecs"). The instance price
 * follows ec2.purchase; the fee is added to every instance-hour the fleet runs.
 */
export function managedInstancesOption(input: EstimateInput, catalog: RegionCatalog, warnings: Set<string>): EstimateOption {
  const purchase = input.ec2.purchase;
  const id = MANAGED_INSTANCES_OPTION_ID;
  const label = `ECS Managed Instances (${ec2PurchaseLabel(purchase)})`;
  if (input.ec2.networkMode === "bridge") {
    return {
      id,
      label,
      available: false,
      reason:
        "ECS Managed Instances runs tasks in the awsvpc or host network mode, not bridge (ECS API reference, managed instances network configuration): set ec2.networkMode to awsvpc or host to price it",
      monthlyUSD: null,
      lines: [],
      services: [],
      plan: null,
    };
  }
  const fee = managementFee(catalog);
  const price = "reason" in fee ? fee : instancePriceSource(catalog, purchase);
  return ecsInstanceOption(input, catalog, warnings, {
    id,
    label,
    windowsReason: (index, name) =>
      `services[${index}] "${name}" is a Windows task: ECS Managed Instances runs Linux containers only (ECS developer guide, "Architect for Amazon ECS Managed Instances")`,
    price,
    fee: "reason" in fee ? null : fee,
    paidAllMonth: purchase === "reserved-1y" || purchase === "reserved-3y",
    whyNote:
      "AWS chooses the instance types itself (by default the most cost-optimized general-purpose types for the tasks), so it may launch other types than this plan; list them in the capacity provider's allowed instance types to hold it to this plan.",
    serviceNote:
      "ECS Managed Instances reserves the task size as requested; the service's cost is its share of the fleet (instances, management fee, volumes) by reserved CPU or memory (whichever is larger).",
    scheduledWarning: (notes) =>
      `ECS Managed Instances and scheduled work: AWS launches instances for each run and removes idle ones after its scale-in delay (scaleInAfter, 0 to 3,600 s; AWS publishes no default), so the estimate assumes the same ${num(EC2_LAUNCH_SECONDS / 60)}-minute launch and ${num(CLUSTER_SCALE_IN_WAIT_SECONDS / 60)}-minute wait as ECS on EC2 cluster auto scaling. ${notes}.`,
  });
}
