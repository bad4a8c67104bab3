/**
 * The public JSON contract, version 1 (../shared/docs/estimate-format.md).
 * One schema feeds the form, share links, JSON import/export, POST /api/estimate and the CLI.
 * Field names are fixed by that document; optional fields may be added, never renamed.
 */
import * as z from "zod";

/** AWS convention for a month of continuous running (AWS Pricing Calculator, infracost). */
export const HOURS_PER_MONTH = 730;
/** Default days a month for scheduled work: 730 h / 24 h, the AWS Pricing Calculator's convention. */
export const DEFAULT_DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

export const MAX_SERVICES = 100;

const finite = () => z.number().refine(Number.isFinite, "must be a finite number");

export const ArchitectureSchema = z.enum(["x86_64", "arm64"]);
export type Architecture = z.infer<typeof ArchitectureSchema>;
export const OperatingSystemSchema = z.enum(["linux", "windows"]);
export type OperatingSystem = z.infer<typeof OperatingSystemSchema>;

export const ContinuousUsageSchema = z.strictObject({
  kind: z.literal("continuous"),
  hoursPerMonth: finite().min(0, "must be >= 0").max(744, "must be <= 744 (31 days x 24 h)").default(HOURS_PER_MONTH),
});

export const ScheduledUsageSchema = z.strictObject({
  kind: z.literal("scheduled"),
  runsPerDay: finite().min(0, "must be >= 0").max(86_400, "must be <= 86400"),
  secondsPerRun: finite().min(0, "must be >= 0").max(31 * 86_400, "must be <= 2678400 (31 days)"),
  daysPerMonth: finite().min(0, "must be >= 0").max(31, "must be <= 31").default(DEFAULT_DAYS_PER_MONTH),
});

export const UsageSchema = z.discriminatedUnion("kind", [ContinuousUsageSchema, ScheduledUsageSchema]);

/** ECS capacity provider strategy across FARGATE and FARGATE_SPOT (base on FARGATE, rest by weight). */
export const FargateCapacityProvidersSchema = z
  .strictObject({
    base: z.number().int("must be a whole number").min(0, "must be >= 0").max(100_000).default(0),
    fargateWeight: z.number().int("must be a whole number").min(0, "must be >= 0").max(1000).default(1),
    spotWeight: z.number().int("must be a whole number").min(0, "must be >= 0").max(1000).default(0),
  })
  .refine((s) => s.fargateWeight + s.spotWeight > 0, {
    message: "fargateWeight + spotWeight must be > 0",
    path: ["fargateWeight"],
  });

export const ServiceSchema = z.strictObject({
  name: z.string().trim().min(1, "must not be empty").max(64, "must be at most 64 characters"),
  vcpu: finite().min(0.125, "must be >= 0.125").max(192, "must be <= 192 (largest EC2 task size)"),
  memoryGiB: finite().min(0.125, "must be >= 0.125 GiB").max(24_576, "must be <= 24576 GiB"),
  architecture: ArchitectureSchema.default("x86_64"),
  os: OperatingSystemSchema.default("linux"),
  ephemeralStorageGiB: finite().min(20, "must be >= 20 (Fargate includes 20 GiB)").max(200, "must be <= 200 (Fargate maximum)").default(20),
  tasks: finite().min(0, "must be >= 0").max(100_000, "must be <= 100000"),
  usage: UsageSchema.default({ kind: "continuous", hoursPerMonth: HOURS_PER_MONTH }),
  fargateCapacityProviders: FargateCapacityProvidersSchema.optional(),
});

export const FargateSavingsPlanSchema = z.enum(["none", "compute-1y", "compute-3y"]);
export const Ec2PurchaseSchema = z.enum(["on-demand", "spot", "savings-plan-1y", "savings-plan-3y"]);
export const NetworkModeSchema = z.enum(["awsvpc", "bridge", "host"]);

export const FargateOptionsSchema = z.strictObject({
  savingsPlan: FargateSavingsPlanSchema.default("none"),
});

export const Ec2OptionsSchema = z.strictObject({
  purchase: Ec2PurchaseSchema.default("on-demand"),
  instanceTypes: z
    .array(z.string().regex(/^[a-z0-9][a-z0-9-]*\.[a-z0-9-]+$/, "must be an instance type such as m7g.large"))
    .max(2000, "must list at most 2000 types")
    .default([]),
  targetUtilizationPct: finite().min(10, "must be >= 10").max(100, "must be <= 100").default(100),
  minInstances: z.number().int("must be a whole number").min(0, "must be >= 0").max(10_000).default(0),
  networkMode: NetworkModeSchema.default("awsvpc"),
  eniTrunking: z.boolean().default(false),
  rootVolumeGiB: finite().min(0, "must be >= 0").max(16_384, "must be <= 16384 (gp3 maximum)").default(30),
});

export const CatalogIdSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}(?:\.\d+)?$/, "must be a catalog id such as 2026-11-26");
export const RegionCodeSchema = z.string().regex(/^[a-z]{2}(?:-[a-z]+)+-\d$/, "must be an AWS region code such as us-east-1");

export const EstimateInputSchema = z.strictObject({
  version: z.literal(1, "must be 1 (the only version this app reads)"),
  region: RegionCodeSchema,
  catalog: CatalogIdSchema.optional(),
  services: z
    .array(ServiceSchema)
    .min(1, "must list at least one service")
    .max(MAX_SERVICES, `must list at most ${MAX_SERVICES} services`)
    // Names key the per-service lines and the EC2 plan's tasksPerInstance, so they must be unique.
    .superRefine((services, ctx) => {
      const seen = new Map<string, number>();
      services.forEach((s, i) => {
        const first = seen.get(s.name);
        if (first === undefined) seen.set(s.name, i);
        else ctx.addIssue({ code: "custom", path: [i, "name"], message: `must be unique: "${s.name}" is also the name of services[${first}]` });
      });
    }),
  fargate: FargateOptionsSchema.default({ savingsPlan: "none" }),
  ec2: Ec2OptionsSchema.default({
    purchase: "on-demand",
    instanceTypes: [],
    targetUtilizationPct: 100,
    minInstances: 0,
    networkMode: "awsvpc",
    eniTrunking: false,
    rootVolumeGiB: 30,
  }),
});

/** What a user, a file or a request may send (defaults optional). */
export type EstimateInputRaw = z.input<typeof EstimateInputSchema>;
/** The normalized input lib/ works with (defaults filled in). */
export type EstimateInput = z.output<typeof EstimateInputSchema>;
export type Service = EstimateInput["services"][number];
export type Usage = Service["usage"];
export type Ec2Options = EstimateInput["ec2"];

// ---------------------------------------------------------------- result

export const LineComponentSchema = z.enum(["vcpu", "memory", "storage", "os-license", "instance", "ebs", "other"]);
export type LineComponent = z.infer<typeof LineComponentSchema>;

export const CostLineSchema = z.object({
  service: z.string(),
  component: LineComponentSchema,
  /** Human label, stable as parameters change: "Fargate vCPU (spot, arm64)". */
  label: z.string().optional(),
  quantity: z.number(),
  unit: z.string(),
  rateUSD: z.number(),
  usd: z.number(),
  usageType: z.string().nullable(),
  asOf: z.string(),
  derived: z.boolean(),
  note: z.string().optional(),
});
export type CostLine = z.infer<typeof CostLineSchema>;

export const BilledServiceSchema = z.object({
  name: z.string(),
  vcpu: z.number(),
  memoryGiB: z.number(),
  requested: z.object({ vcpu: z.number(), memoryGiB: z.number() }),
  monthlyUSD: z.number(),
  /** Monthly dollars paid for capacity above the request because of snapping to a valid size. */
  roundingLossUSD: z.number().optional(),
  note: z.string().optional(),
});

export const Ec2PlanInstanceSchema = z.object({
  type: z.string(),
  count: z.number(),
  tasksPerInstance: z.record(z.string(), z.number()),
  cpuUtilPct: z.number(),
  memUtilPct: z.number(),
  hourlyUSD: z.number().optional(),
  boundBy: z.string().optional(),
});

export const Ec2PlanSchema = z.object({
  instances: z.array(Ec2PlanInstanceSchema),
  why: z.string().optional(),
});

export const OptionSchema = z.object({
  id: z.string(),
  label: z.string(),
  available: z.boolean(),
  reason: z.string().nullable(),
  monthlyUSD: z.number().nullable(),
  hourlyUSD: z.number().nullable().optional(),
  lines: z.array(CostLineSchema),
  services: z.array(BilledServiceSchema),
  plan: Ec2PlanSchema.nullable(),
});
export type EstimateOption = z.infer<typeof OptionSchema>;

export const EstimateResultSchema = z.object({
  version: z.literal(1),
  input: EstimateInputSchema,
  catalog: z.object({
    id: z.string(),
    region: z.string(),
    currency: z.literal("USD"),
    sources: z.array(z.object({ name: z.string(), asOf: z.string() }).loose()),
  }),
  hoursPerMonth: z.number(),
  options: z.array(OptionSchema),
  recommendation: z
    .object({ optionId: z.string(), monthlyUSD: z.number(), savingsUSD: z.number(), why: z.string() })
    .nullable(),
  warnings: z.array(z.string()),
});
export type EstimateResult = z.infer<typeof EstimateResultSchema>;

export interface FieldError {
  path: string;
  message: string;
}

/** "services[0].vcpu" style paths, the same in the form, the API, the CLI and share links. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(root)";
}

export function toFieldErrors(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

export type ParseOutcome<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Validate untrusted input; never throws, lists every problem with its path. */
export function parseEstimateInput(raw: unknown): ParseOutcome<EstimateInput> {
  const parsed = EstimateInputSchema.safeParse(raw);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: toFieldErrors(parsed.error) };
}
