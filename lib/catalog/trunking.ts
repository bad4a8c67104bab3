/**
 * ECS awsvpc ENI trunking per instance type, from ECS's own table ("Supported Amazon EC2 instance types" in the
 * ECS developer guide, vendored as data/sources/ecs-trunking-task-limits.json.gz). Rules in
 * docs/price-catalog.md#ecs-trunking:
 * - a type or family the page names as not supported cannot trunk, even where its table lists a row;
 * - a listed type trunks only with a positive "tasks with trunking" figure (the page has a -2 for i4i.large);
 * - a type absent from the table (newer than the 2023 page) is planned without trunking: never understate cost.
 * Karpenter's branchENIs is an EKS pod limit and is not used.
 */
export type EcsTrunkingTable = {
  _meta: { notSupportedTypes: string[]; notSupportedFamilies: string[] };
  types: Record<string, { tasksWithoutTrunking: number | null; tasksWithTrunking: number | null }>;
};

export type TrunkingDecision = { trunking: "supported" | "unsupported" | "not-listed"; ecsTrunkTasks: number | null };

export function decideTrunking(table: EcsTrunkingTable, instanceType: string): TrunkingDecision {
  const family = instanceType.split(".")[0] ?? instanceType;
  if (table._meta.notSupportedTypes.includes(instanceType) || table._meta.notSupportedFamilies.includes(family)) {
    return { trunking: "unsupported", ecsTrunkTasks: null };
  }
  const row = Object.prototype.hasOwnProperty.call(table.types, instanceType) ? table.types[instanceType] : undefined;
  if (!row) return { trunking: "not-listed", ecsTrunkTasks: null };
  const tasks = row.tasksWithTrunking;
  return tasks !== null && Number.isInteger(tasks) && tasks > 0 ? { trunking: "supported", ecsTrunkTasks: tasks } : { trunking: "unsupported", ecsTrunkTasks: null };
}
