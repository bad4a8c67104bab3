/**
 * The ids of the AWS charges the estimator bills (lib/charges/definitions.ts holds each one's definition), and the
 * line components and categories of the result contract. Its own small module: the contract (lib/schemas) and the
 * page's first-load JavaScript need the ids, not the definitions.
 */
export const CHARGE_IDS = [
  "fargate-spot-vcpu",
  "fargate-spot-memory",
  "fargate-vcpu",
  "fargate-memory",
  "fargate-savings-plan-vcpu",
  "fargate-savings-plan-memory",
  "fargate-storage",
  "fargate-windows-license",
  "ecs-managed-instances-fee",
  "eks-auto-mode-fee",
  "eks-cluster",
  "ec2-spot-instance",
  "ec2-instance",
  "ec2-reserved-instance",
  "ec2-savings-plan-instance",
  "ec2-cpu-credits",
  "ebs-volume",
  "ebs-gp3-iops",
  "ebs-gp3-throughput",
  "alb-hours",
  "alb-lcu",
  "nlb-hours",
  "nlb-lcu",
  "nat-hours",
  "nat-gb",
  "public-ipv4",
  "vpce-hours",
  "vpce-gb",
  "logs-ingest",
  "logs-ingest-ia",
  "logs-storage",
  "egress",
  "inter-az",
  "discount",
] as const;
export type ChargeId = (typeof CHARGE_IDS)[number];

/** The line components of the result contract (CostLine.component). */
export const LINE_COMPONENTS = ["vcpu", "memory", "storage", "os-license", "instance", "ebs", "other"] as const;
export type LineComponent = (typeof LINE_COMPONENTS)[number];

/** What a line of the rest of the bill is for (CostLine.category). */
export const LINE_CATEGORIES = ["load-balancer", "nat-gateway", "public-ipv4", "vpc-endpoint", "data-transfer", "logs", "control-plane", "discount"] as const;
export type LineCategory = (typeof LINE_CATEGORIES)[number];
