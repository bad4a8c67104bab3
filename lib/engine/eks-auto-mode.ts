/**
 * EKS Auto Mode (docs/billing-rules.md#eks-auto-mode): AWS runs the nodes (Karpenter, the AMI, patching, the core
 * add-ons) and bills the EC2 instances plus a management fee per instance-hour that depends on the type. A third
 * way to run EKS pods beside Fargate and managed node groups, on the same fleet search as the node group
 * (ec2.ts ecsInstanceOption), priced at instance rate + fee.
 */
import { oncePerCatalog } from "./per-catalog";
import { isUnavailable, type InstanceType, type RegionCatalog } from "../catalog/schema";
import { OPTION, type Ec2Options, type EstimateInput, type EstimateOption } from "../schemas/estimate";
import { formatRate } from "../money";
import { ec2PurchaseLabel, ecsInstanceOption, instancePriceSource, type InstanceFee } from "./ec2";
import { eksNodeHost } from "./eks";
import { num } from "./lines";
import { managementFeeUSD } from "./rules";
import { type MessageSet, unavailableOption, type Failure } from "./messages";
import { message, type ReasonMessage } from "../schemas/messages";

export const EKS_AUTO_MODE_OPTION_ID = OPTION["eks-auto-mode"];

/**
 * ASSUMPTION (said on the volume line): the gp3 volume of an Auto Mode node when eks.nodeVolumeGiB is absent, the
 * NodeClass's ephemeralStorage size (80 GiB in AWS's NodeClass reference). Set eks.nodeVolumeGiB to your own.
 */
export const EKS_AUTO_MODE_NODE_VOLUME_GIB = 80;

/**
 * The built-in general-purpose NodePool launches C, M and R types of generation 5 or newer, On-Demand ("Instance
 * families restricted to C, M, and R", "Generation 5 or newer", "On-demand capacity only": EKS user guide, "Cost
 * optimization in EKS Auto Mode"). Without ec2.instanceTypes the search keeps to those types.
 */
export function builtInNodePoolType(t: Pick<InstanceType, "type" | "currentGeneration">): boolean {
  const m = /^([cmr])(\d+)[a-z-]*\./.exec(t.type);
  return t.currentGeneration && m !== null && Number(m[2]) >= 5;
}

/** Names the built-in NodePool's type list for the fleet search's instance index (FleetSearchSpec.scopeKey). */
const NODEPOOL_SCOPE_KEY = "eks-auto-mode-nodepool";

/** The built-in NodePool's type names per catalog object, in catalog order (the same array every time). */
const builtInNodePoolTypes = oncePerCatalog((catalog): string[] => catalog.ec2.instanceTypes.filter(builtInNodePoolType).map((t) => t.type));

/** The Auto Mode fee per instance-hour of a type, with its provenance, or why the catalog has none (the same object for the same catalog). */
const autoModeFee = oncePerCatalog(makeAutoModeFee);

function makeAutoModeFee(catalog: RegionCatalog): InstanceFee | Failure {
  const rule = catalog.eks?.autoMode;
  if (rule === undefined) return { reason: message("eks-auto-mode-fee-missing", { catalogId: catalog.catalogId, region: catalog.region }) };
  if (isUnavailable(rule)) return { reason: message("eks-auto-mode-fee-unavailable", { region: catalog.region, catalogReason: rule.reason }) };
  return {
    key: EKS_AUTO_MODE_OPTION_ID,
    charge: "eks-auto-mode-fee",
    hourly: (t) => managementFeeUSD(t.autoModeFeeUSD, t.onDemandUSD, rule.feeFractionOfOnDemand),
    label: (t) => `EKS Auto Mode management fee (${t.type})`,
    rate: (t, usd) => {
      const published = t.autoModeFeeUSD !== undefined;
      return {
        usd,
        unit: "hour",
        source: rule.source,
        asOf: rule.asOf,
        usageType: rule.usageTypePattern.replace("<instanceType>", t.type),
        derived: published ? false : rule.derived,
        note: published ? `The EKS Auto Mode fee the Price List lists for ${t.type} (read by npm run prices:refresh).` : rule.note,
      };
    },
    formula: (t) =>
      t.autoModeFeeUSD !== undefined || t.onDemandUSD === null
        ? "Billed on top of the instance whatever its purchase option (Savings Plans and Reserved Instances discount the instance, not the fee)."
        : `${num(rule.feeFractionOfOnDemand * 100)}% x On-Demand ${formatRate(t.onDemandUSD)} = ${formatRate(rule.feeFractionOfOnDemand * t.onDemandUSD)} per instance-hour, whatever the instance's purchase option (Savings Plans and Reserved Instances discount the instance, not the fee).`,
  };
}

const PURCHASE_NOTE: Partial<Record<Ec2Options["purchase"], string>> = {
  spot: " Spot needs a custom NodePool (karpenter.sh/capacity-type spot): the built-in pools launch On-Demand only.",
  "reserved-1y": " A Reserved Instance only helps if Auto Mode launches the reserved type: pin it in a custom NodePool.",
  "reserved-3y": " A Reserved Instance only helps if Auto Mode launches the reserved type: pin it in a custom NodePool.",
};

/** The "eks-auto-mode" option of an EKS estimate. */
export function eksAutoModeOption(input: EstimateInput, catalog: RegionCatalog, warnings: MessageSet): EstimateOption {
  const purchase = input.ec2.purchase;
  const id = EKS_AUTO_MODE_OPTION_ID;
  const label = `EKS Auto Mode (${ec2PurchaseLabel(purchase)})`;
  const unavailable = (reason: ReasonMessage): EstimateOption => unavailableOption(id, label, reason);
  const fee = autoModeFee(catalog);
  if ("reason" in fee) return unavailable(fee.reason);
  // Auto Mode nodes use VPC CNI prefix delegation by default (EKS user guide, "Create a Node Class").
  const host = eksNodeHost(input, catalog, true, input.eks?.nodeVolumeGiB ?? EKS_AUTO_MODE_NODE_VOLUME_GIB);
  if ("reason" in host) return unavailable(host.reason);
  const own = input.ec2.instanceTypes.length > 0;
  // The built-in NodePool's list is a function of the catalog: the search keeps an instance index of it (scopeKey).
  const types = own ? input.ec2.instanceTypes : builtInNodePoolTypes(catalog);
  return ecsInstanceOption({ ...input, ec2: { ...input.ec2, instanceTypes: types } }, catalog, warnings, {
    id,
    label,
    variant: "eks-auto-mode",
    price: instancePriceSource(catalog, purchase),
    fee,
    paidAllMonth: purchase === "reserved-1y" || purchase === "reserved-3y",
    typesKey: own ? undefined : NODEPOOL_SCOPE_KEY,
    typesScope: own ? undefined : { kind: "auto-mode-node-pool" },
    whyNote:
      `AWS chooses the instance types (Karpenter inside EKS Auto Mode${own ? "" : "; the built-in general-purpose NodePool launches C, M and R types of generation 5 or newer, On-Demand"}), so it may launch other types and pack pods differently than this plan; a custom NodePool's requirements hold it to listed types.${PURCHASE_NOTE[purchase] ?? ""}${input.eks?.nodeVolumeGiB === undefined ? ` Node volume: ${EKS_AUTO_MODE_NODE_VOLUME_GIB} GiB gp3 assumed (the NodeClass's ephemeralStorage size); set eks.nodeVolumeGiB to yours.` : ""}`,
    serviceNote:
      "Pods reserve their requests on the nodes (no +256 MiB, no Fargate size); the service's cost is its share of the fleet (instances, management fee, volumes) by reserved CPU or memory (whichever is larger). Nodes offer Kubernetes allocatable CPU and memory with prefix delegation, Auto Mode's default.",
    host,
  });
}
