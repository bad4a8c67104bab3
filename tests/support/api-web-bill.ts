/**
 * The hand-computed month of examples/api-web.json (issue 24, "must show" 1): November 2026 (30 days, 720 h) in
 * us-east-1, at daily granularity. The bill is the estimate's recommended option (Fargate on-demand) as it stands,
 * plus one extra task-week of api and a NAT gateway the estimate does not have, plus rows the estimate cannot hold
 * (RDS, another region, tax). Rates: price catalog 2026-11-26, us-east-1 (Fargate $0.04048 per vCPU-hour,
 * $0.004445 per GB-hour; NAT gateway $0.045 per hour and per GB, catalog 2026-12-01).
 */
import { daily, type BillLine } from "./bill";

export const MONTH = "2026-11";
const DAYS = 30;
const ECS = { serviceCode: "AmazonECS", serviceName: "Amazon Elastic Container Service", operation: "FargateTask", region: "us-east-1" };
const tags = (service: string) => ({ "aws:ecs:serviceName": service, "aws:ecs:clusterName": "prod" });

export function apiWebBillLines(): BillLine[] {
  const lines: BillLine[] = [];
  // The estimate as it stands: api 4 tasks x 1 vCPU / 2 GB, web 3 tasks x 0.5 vCPU / 1 GB, 730 h each.
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-vCPU-Hours:perCPU", unit: "Hours", quantity: 2920, billedUSD: 118.2016, tags: tags("api") }, DAYS)); // 2920 x 0.04048
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-GB-Hours", unit: "Hours", quantity: 5840, billedUSD: 25.9588, tags: tags("api") }, DAYS)); // 5840 x 0.004445
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-vCPU-Hours:perCPU", unit: "Hours", quantity: 1095, billedUSD: 44.3256, tags: tags("web") }, DAYS)); // 1095 x 0.04048
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-GB-Hours", unit: "Hours", quantity: 2190, billedUSD: 9.73455, tags: tags("web") }, DAYS)); // 2190 x 0.004445
  // One extra task-week of api: 7 days x 24 h = 168 task-hours = 168 vCPU-hours ($6.80064) and 336 GB-hours ($1.49352).
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-vCPU-Hours:perCPU", unit: "Hours", quantity: 168, billedUSD: 6.80064, tags: tags("api") }, 7));
  lines.push(...daily({ ...ECS, usageType: "USE1-Fargate-GB-Hours", unit: "Hours", quantity: 336, billedUSD: 1.49352, tags: tags("api") }, 7));
  // A NAT gateway the estimate lacks: 720 h x $0.045 = $32.40, and 3,140 GB x $0.045 = $141.30.
  const nat = { serviceCode: "AmazonEC2", serviceName: "Amazon Elastic Compute Cloud", region: "us-east-1", resourceId: "arn:aws:ec2:us-east-1:111122223333:natgateway/nat-0abc" };
  lines.push(...daily({ ...nat, usageType: "NatGateway-Hours", operation: "NatGateway", unit: "Hours", quantity: 720, billedUSD: 32.4 }, DAYS));
  lines.push(...daily({ ...nat, usageType: "NatGateway-Bytes", operation: "NatGateway", unit: "GB", quantity: 3140, billedUSD: 141.3 }, DAYS));
  // Not modelled: an RDS instance ($50.00) in the region; a Fargate task in eu-west-1 ($10.00); tax ($12.00).
  lines.push({ serviceCode: "AmazonRDS", serviceName: "Amazon Relational Database Service", usageType: "InstanceUsage:db.t4g.medium", operation: "CreateDBInstance:0016", region: "us-east-1", unit: "Hours", quantity: 720, billedUSD: 50 });
  lines.push({ ...ECS, region: "eu-west-1", usageType: "EU-Fargate-vCPU-Hours:perCPU", unit: "Hours", quantity: 200, billedUSD: 10, tags: tags("api") });
  lines.push({ serviceCode: "AmazonECS", serviceName: "Amazon Elastic Container Service", usageType: "", operation: "", region: "", unit: "", quantity: 0, billedUSD: 12, category: "Tax" });
  return lines;
}
