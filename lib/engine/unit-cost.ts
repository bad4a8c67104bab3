/**
 * Unit economics (docs/billing-rules.md#cost-per-requests): how many requests the workload serves in a month,
 * and each option's cost per 1M requests. A post-step of the estimate: it reads the input and the options'
 * totals and changes nothing else, so an input without requestsPerSecond gives a byte-identical result.
 */
import type { EstimateInput, EstimateOption, Service } from "../schemas/estimate";
import { HOURS_PER_MONTH } from "../units";

const SECONDS_PER_HOUR = 3600;
const HOURS_PER_DAY = 24;

/**
 * The hours in the month a service has tasks running, so can serve requests: continuous = hoursPerMonth;
 * scheduled = runsPerDay x secondsPerRun (at most the whole day) x daysPerMonth. No tasks = no hours.
 * The running time, not the billed time: Fargate's one-minute minimum bills time in which nothing is served.
 */
export function servingHoursPerMonth(service: Pick<Service, "tasks" | "usage">): number {
  if (!(service.tasks > 0)) return 0;
  const usage = service.usage;
  if (usage.kind === "continuous") return usage.hoursPerMonth;
  const hoursPerDay = Math.min(HOURS_PER_DAY, (usage.runsPerDay * usage.secondsPerRun) / SECONDS_PER_HOUR);
  return hoursPerDay * usage.daysPerMonth;
}

export interface MonthlyRequests {
  /** Requests per month of every service that gives requestsPerSecond. */
  total: number;
  /** Per service that gives requestsPerSecond (in input order). */
  services: Array<{ name: string; requestsPerSecond: number; servingHours: number; requests: number }>;
}

/**
 * Requests served in the month: sum over the services that give requestsPerSecond of
 * requestsPerSecond x 3600 x servingHoursPerMonth. null when no service gives requestsPerSecond.
 */
export function monthlyRequests(input: Pick<EstimateInput, "services">): MonthlyRequests | null {
  let total = 0;
  const services: MonthlyRequests["services"] = [];
  for (const s of input.services) {
    if (s.requestsPerSecond === undefined) continue;
    const servingHours = servingHoursPerMonth(s);
    const requests = s.requestsPerSecond * SECONDS_PER_HOUR * servingHours;
    total += requests;
    services.push({ name: s.name, requestsPerSecond: s.requestsPerSecond, servingHours, requests });
  }
  return services.length === 0 ? null : { total, services };
}

/**
 * Average requests per second over the 730-hour month of the named services (all that give requests when
 * `names` is undefined): what a load balancer in front of them sees on average (docs/billing-rules.md#lb-from-requests).
 */
export function averageRequestsPerSecond(input: Pick<EstimateInput, "services">, names?: ReadonlyArray<string>): number {
  const requests = monthlyRequests({ services: names ? input.services.filter((s) => names.includes(s.name)) : input.services });
  return requests === null ? 0 : requests.total / (HOURS_PER_MONTH * SECONDS_PER_HOUR);
}

/** An option's monthly total per 1M requests; null when it is unavailable or nothing is served. */
export function costPer1MRequests(option: Pick<EstimateOption, "available" | "monthlyUSD">, requests: MonthlyRequests): number | null {
  if (!option.available || option.monthlyUSD === null || !(requests.total > 0)) return null;
  return option.monthlyUSD / (requests.total / 1e6);
}

/**
 * Set costPer1MRequests on every option when some service gives requestsPerSecond (the whole option total,
 * network and shared lines included, over all the requests given). Absent otherwise.
 */
export function addCostPer1MRequests(input: Pick<EstimateInput, "services">, options: EstimateOption[]): void {
  const requests = monthlyRequests(input);
  if (requests === null) return;
  for (const o of options) o.costPer1MRequests = costPer1MRequests(o, requests);
}
