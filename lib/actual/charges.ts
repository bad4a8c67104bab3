/**
 * Which AWS bill rows are charges the estimator models, and which estimate cost lines are the same charge: both from
 * the charge definitions (lib/charges/definitions.ts), so a bill row and an estimate line meet under the same id.
 *
 * A bill row is recognised by service code + usage type (without its billing-code prefix, "USE1-", "EU-"; see
 * lib/catalog/billing-codes.ts) + operation where the usage type alone is ambiguous (ALB and NLB share
 * LoadBalancerUsage / LCUUsage and tell themselves apart by the operation LoadBalancing:Application /
 * LoadBalancing:Network): each definition's `bill`.
 *
 * An estimate line is the charge it names; a Savings Plan or Reserved Instance line counts against the usage it
 * covers (its definition's `measuredAs`).
 */
import { CHARGES as ALL_CHARGES, findCharge, type BillRecognition, type ChargeId as AnyChargeId } from "../charges";
import type { CostLine } from "../schemas/estimate";

/** The charges a bill row can be (those with a bill recognition). */
export type ChargeId = Extract<(typeof ALL_CHARGES)[number], { bill: BillRecognition }>["id"];

/** Whose the charge is: one service's (its tasks, its logs) or the whole estimate's (network, the EC2 fleet). */
export type ChargeScope = BillRecognition["scope"];

export interface ChargeDefinition extends BillRecognition {
  id: ChargeId;
  /** Short human name: "NAT gateway data processed". */
  label: string;
}

/** Every charge a bill row can be, in definition order. */
export const CHARGES: ReadonlyArray<ChargeDefinition> = ALL_CHARGES.flatMap((c) =>
  "bill" in c ? [{ id: c.id as ChargeId, label: c.name, ...(c.bill as BillRecognition) }] : [],
);

const BY_ID = new Map<AnyChargeId, ChargeDefinition>(CHARGES.map((c) => [c.id, c]));

export function chargeById(id: ChargeId): ChargeDefinition {
  return BY_ID.get(id) as ChargeDefinition;
}

/**
 * "USE1-Fargate-GB-Hours" -> "Fargate-GB-Hours"; "EU-NatGateway-Bytes" -> "NatGateway-Bytes"; us-east-1's unprefixed
 * EC2-family types ("BoxUsage:m5.large") stay. A billing-code prefix is capitals and digits then "-"; usage types
 * that begin with a capitalised word and a dash ("SpotUsage-Fargate-...") are not prefixes because the table's
 * patterns are tried on both forms.
 */
export function withoutBillingPrefix(usageType: string): string {
  const m = /^[A-Z]{2,4}[0-9]?-(?=[A-Za-z])/.exec(usageType);
  return m ? usageType.slice(m[0].length) : usageType;
}

/** usage type -> service code -> operation -> charge: bills repeat a few hundred combinations over millions of rows. */
const cache = new Map<string, Map<string, Map<string, ChargeDefinition | null>>>();
let cached = 0;

/** The charge a bill row is, or null when the estimator does not model it. Memoised (no string is built per row). */
export function recognizeCharge(serviceCode: string, usageType: string, operation: string): ChargeDefinition | null {
  let bySc = cache.get(usageType);
  let byOp = bySc?.get(serviceCode);
  const known = byOp?.get(operation);
  if (known !== undefined) return known;
  const found = recognizeUncached(serviceCode, usageType, operation);
  if (cached < 10_000) {
    if (!bySc) cache.set(usageType, (bySc = new Map()));
    if (!byOp) bySc.set(serviceCode, (byOp = new Map()));
    byOp.set(operation, found);
    cached++;
  }
  return found;
}

function recognizeUncached(serviceCode: string, usageType: string, operation: string): ChargeDefinition | null {
  const bare = withoutBillingPrefix(usageType);
  let found: ChargeDefinition | null = null;
  for (const c of CHARGES) {
    if (serviceCode !== "" && !c.serviceCodes.includes(serviceCode)) continue;
    if (!(c.usage.test(bare) || c.usage.test(usageType))) continue;
    if (c.operation && !c.operation.test(operation)) continue;
    found = c;
    break;
  }
  return found;
}

/** The bill charge an estimate line is: the charge it names, or the usage a Savings Plan / Reserved line covers. */
export function chargeOfLine(line: CostLine): ChargeDefinition | null {
  const charge = findCharge(line.charge);
  if (!charge) return null;
  return BY_ID.get(charge.measuredAs ?? charge.id) ?? null;
}
