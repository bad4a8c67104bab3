/**
 * The estimator's "Load an example" list: ids and titles only (a few hundred bytes in the page's first-load
 * JavaScript). The inputs themselves are lib/examples/gallery.ts, loaded on the first click.
 */
export const EXAMPLE_TITLES = [
  { id: "api-and-worker", title: "An API and a Graviton worker (the former start page)" },
  { id: "api-web", title: "Two always-on web services (examples/api-web.json)" },
  { id: "public-api-whole-bill", title: "The whole bill: ALB, NAT, logs, data transfer" },
  { id: "batch-scheduled", title: "Scheduled batch jobs" },
  { id: "environments", title: "prod, staging and dev on weekly schedules" },
  { id: "eks-pods-with-sidecars", title: "Kubernetes pods with sidecars on EKS" },
  { id: "graviton-arm", title: "Graviton (arm64) services" },
] as const;

export type ExampleId = (typeof EXAMPLE_TITLES)[number]["id"];
