/**
 * The "Network and logs" panel's blank rows and presets, made from the field table's NETWORK_FIELDS and
 * LOAD_BALANCER_FIELDS (./fields.ts). Used by the lazily loaded network and Express Mode panels, so the table stays
 * out of the page's first-load JavaScript.
 */
import { newServiceKey, type LoadBalancerDraft, type NetworkDraft } from "./draft";
import { LOAD_BALANCER_FIELDS, NETWORK_FIELDS } from "./fields";
import { defaultsOf } from "./table";

/** One ALB with no traffic yet: the user fills in the LCU dimensions. */
export function blankLoadBalancerDraft(n: number, key: string = newServiceKey()): LoadBalancerDraft {
  return { key, ...defaultsOf(LOAD_BALANCER_FIELDS), name: n === 1 ? "alb" : `lb-${n}` };
}

/** "None": the panel is off and every field is back to zero (the input has no `network`). */
export function emptyNetworkDraft(): NetworkDraft {
  return defaultsOf(NETWORK_FIELDS);
}

export type NetworkPreset = "public-alb" | "private-nat" | "none";

/**
 * The panel's presets. "Public service behind an ALB": one ALB at modest traffic (5 new connections/s,
 * 300 active connections/min, 0.1 GB/h processed, 2 rule evaluations/s), tasks without public IPs, 100 GB out.
 * "Private service with NAT": one NAT gateway processing 50 GB/month, no public addresses.
 */
export function presetNetworkDraft(preset: NetworkPreset): NetworkDraft {
  const none = emptyNetworkDraft();
  if (preset === "none") return none;
  if (preset === "public-alb") {
    return {
      ...none,
      enabled: true,
      loadBalancers: [{ ...blankLoadBalancerDraft(1), newConnectionsPerSecond: "5", activeConnectionsPerMinute: "300", processedGBPerHour: "0.1", ruleEvaluationsPerSecond: "2" }],
      dataTransferOutGB: "100",
    };
  }
  return { ...none, enabled: true, natCount: "1", natProcessedGB: "50" };
}
