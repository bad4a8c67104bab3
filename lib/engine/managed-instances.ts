/**
 * ECS Managed Instances (docs/billing-rules.md#ecs-managed-instances): AWS launches, patches and scales the EC2
 * instances and packs the tasks on them; you pay the instance (On-Demand or Spot, or under a Reserved Instance or
 * Savings Plan like any EC2 instance) plus a management fee per instance-hour. The fleet is the same search as ECS
 * on EC2 (same demands, capacity, settings: ec2.ts ecsInstanceOption), priced at instance rate + fee.
 */
import { oncePerCatalog } from "./per-catalog";
import { isUnavailable, type InstanceType, type RegionCatalog } from "../catalog/schema";
import { OPTION, type EstimateInput, type EstimateOption } from "../schemas/estimate";
import { formatRate } from "../money";
import { ec2PurchaseLabel, ecsInstanceOption, instancePriceSource, type InstanceFee } from "./ec2";
import { managedInstancesFeeUSD } from "./rules";
import { num } from "./lines";
import { type MessageSet, unavailableOption, type Failure } from "./messages";
import { bare, message } from "../schemas/messages";

export const MANAGED_INSTANCES_OPTION_ID = OPTION["ecs-managed-instances"];

/** The management fee per instance-hour of a type, with its provenance, or why the catalog has none (the same object for the same catalog). */
const managementFee = oncePerCatalog(makeManagementFee);

function makeManagementFee(catalog: RegionCatalog): InstanceFee | Failure {
  const mi = catalog.ec2.managedInstances;
  if (isUnavailable(mi)) return { reason: message("managed-instances-fee-unavailable", { region: catalog.region, catalogReason: mi.reason }) };
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
export function managedInstancesOption(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet): EstimateOption {
  const purchase = input.ec2.purchase;
  const id = MANAGED_INSTANCES_OPTION_ID;
  const label = `ECS Managed Instances (${ec2PurchaseLabel(purchase)})`;
  if (input.ec2.networkMode === "bridge") return unavailableOption(id, label, bare("managed-instances-bridge"));
  const fee = managementFee(catalog);
  const price = "reason" in fee ? fee : instancePriceSource(catalog, purchase);
  return ecsInstanceOption(input, catalog, warnings, {
    id,
    label,
    variant: "ecs-managed-instances",
    price,
    fee: "reason" in fee ? null : fee,
    paidAllMonth: purchase === "reserved-1y" || purchase === "reserved-3y",
    whyNote:
      "AWS chooses the instance types itself (by default the most cost-optimized general-purpose types for the tasks), so it may launch other types than this plan; list them in the capacity provider's allowed instance types to hold it to this plan.",
    serviceNote:
      "ECS Managed Instances reserves the task size as requested; the service's cost is its share of the fleet (instances, management fee, volumes) by reserved CPU or memory (whichever is larger).",
  });
}
