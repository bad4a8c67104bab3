/**
 * Kubernetes manifests -> estimate input (lib/import/k8s.ts). Expected values are worked out by hand from the
 * manifests: requests in millicores / 1000 = vCPU, bytes / 2^30 = GiB; the pod's requests are, per resource,
 * the larger of its largest init container and the sum of its other containers.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_DAEMONSET_NODES, DEFAULT_JOB_RUN_SECONDS, importKubernetesManifests, type K8sImportOptions } from "@/lib/import/k8s";
import { parseEstimateInput } from "@/lib/schemas/estimate";

const root = path.resolve(import.meta.dirname, "../../..");

function ok(text: string, options?: K8sImportOptions) {
  const out = importKubernetesManifests(text, options);
  if (!out.ok) throw new Error(JSON.stringify(out.errors, null, 2));
  expect(parseEstimateInput(out.input).ok).toBe(true);
  return out;
}
function errors(text: string, options?: K8sImportOptions) {
  const out = importKubernetesManifests(text, options);
  if (out.ok) throw new Error(`expected errors, got ${JSON.stringify(out.input)}`);
  return out.errors;
}

const pod = (containers: string, extra = "") => `kind: Pod\nmetadata: {name: p}\nspec:\n${extra}  containers:\n${containers}`;

describe("examples/k8s/web-and-report.yaml (a Deployment, a Service and a CronJob)", () => {
  const out = ok(readFileSync(path.join(root, "examples/k8s/web-and-report.yaml"), "utf8"));

  it("gives two EKS services in us-east-1 and skips the Service with a note", () => {
    expect(out.input).toMatchObject({ version: 1, region: "us-east-1", orchestrator: "eks" });
    expect(out.input.services.map((s) => s.name)).toEqual(["web", "report"]);
    expect(out.notes.some((n) => n.startsWith("documents[1] (Service/web): skipped"))).toBe(true);
  });

  it("web: 3 replicas running all month; init migrate 1 vCPU/1 GiB vs app 0.5+0.25 vCPU, 0.75+0.25 GiB -> 1 vCPU / 1 GiB", () => {
    const web = out.input.services[0]!;
    expect(web).toMatchObject({ tasks: 3, vcpu: 1, memoryGiB: 1, usage: { kind: "continuous", hoursPerMonth: 730 }, source: "Deployment/web (namespace shop)" });
    expect(web.containers).toEqual([
      { name: "migrate", vcpu: 1, memoryGiB: 1, init: true },
      { name: "app", vcpu: 0.5, memoryGiB: 0.75, init: false },
      // Only limits set: Kubernetes uses them as the requests.
      { name: "log-router", vcpu: 0.25, memoryGiB: 0.25, init: false },
    ]);
  });

  it("report: 30 2 * * 1-5 -> 1 run a day, 5/7 x 730/24 = 21.7262 days; 1800 s per run from activeDeadlineSeconds", () => {
    expect(out.input.services[1]).toMatchObject({
      tasks: 1,
      vcpu: 2,
      memoryGiB: 4,
      usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun: 1800, daysPerMonth: 21.7262 },
      source: "CronJob/report (namespace shop)",
    });
  });
});

describe("workload kinds", () => {
  it("Deployment without replicas runs 1 (the Kubernetes default), said in a note", () => {
    const out = ok(`kind: Deployment\nmetadata: {name: api}\nspec:\n  template:\n    spec:\n      containers: [{name: a, resources: {requests: {cpu: 250m, memory: 512Mi}}}]\n`);
    expect(out.input.services[0]).toMatchObject({ name: "api", tasks: 1, vcpu: 0.25, memoryGiB: 0.5 });
    expect(out.notes.join("\n")).toMatch(/replicas is not set: Kubernetes runs 1/);
  });

  it("StatefulSet, ReplicaSet and ReplicationController read like a Deployment", () => {
    const text = ["StatefulSet", "ReplicaSet", "ReplicationController"]
      .map((k, i) => `kind: ${k}\nmetadata: {name: w${i}}\nspec: {replicas: ${i + 2}, template: {spec: {containers: [{name: a, resources: {requests: {cpu: "1", memory: 2Gi}}}]}}}\n`)
      .join("---\n");
    const out = ok(text);
    expect(out.input.services.map((s) => [s.name, s.tasks, s.source])).toEqual([
      ["w0", 2, "StatefulSet/w0"],
      ["w1", 3, "ReplicaSet/w1"],
      ["w2", 4, "ReplicationController/w2"],
    ]);
  });

  it(`DaemonSet: one pod per node, ${DEFAULT_DAEMONSET_NODES} nodes unless told, with a note; the option sets the count`, () => {
    const text = `kind: DaemonSet\nmetadata: {name: agent}\nspec: {template: {spec: {containers: [{name: a, resources: {requests: {cpu: 100m, memory: 200Mi}}}]}}}\n`;
    const out = ok(text);
    expect(out.input.services[0]!.tasks).toBe(DEFAULT_DAEMONSET_NODES);
    expect(out.notes.join("\n")).toMatch(/one pod per node/);
    expect(ok(text, { daemonSetNodes: 12 }).input.services[0]!.tasks).toBe(12);
  });

  it(`Job: completions 10, parallelism 3 -> 3 pods at a time, ceil(10/3) = 4 waves x ${DEFAULT_JOB_RUN_SECONDS} s = 2400 s, once a month`, () => {
    const out = ok(`kind: Job\nmetadata: {name: backfill}\nspec:\n  completions: 10\n  parallelism: 3\n  template: {spec: {containers: [{name: a, resources: {requests: {cpu: "1", memory: 1Gi}}}]}}\n`);
    expect(out.input.services[0]).toMatchObject({ tasks: 3, usage: { kind: "scheduled", runsPerDay: 1, secondsPerRun: 2400, daysPerMonth: 1 } });
    expect(out.notes.join("\n")).toMatch(/assumed 600 s per pod, 4 waves of 3 pods/);
    expect(out.notes.join("\n")).toMatch(/a Job runs once/);
  });

  it("Job with activeDeadlineSeconds: priced at the deadline; jobRunSeconds option changes the assumption", () => {
    const base = `kind: Job\nmetadata: {name: j}\nspec:\n  template: {spec: {containers: [{name: a}]}}\n`;
    expect(ok(base.replace("spec:\n", "spec:\n  activeDeadlineSeconds: 900\n")).input.services[0]!.usage).toMatchObject({ secondsPerRun: 900 });
    expect(ok(base, { jobRunSeconds: 120 }).input.services[0]!.usage).toMatchObject({ secondsPerRun: 120 });
  });

  it("CronJob suspended: 0 tasks with a note", () => {
    const out = ok(`kind: CronJob\nmetadata: {name: c}\nspec:\n  suspend: true\n  schedule: "@hourly"\n  jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}\n`);
    expect(out.input.services[0]).toMatchObject({ tasks: 0, usage: { runsPerDay: 24 } });
    expect(out.notes.join("\n")).toMatch(/suspended/);
  });

  it("a bare Pod: 1 pod all month", () => {
    expect(ok(pod("    - name: a\n")).input.services[0]).toMatchObject({ tasks: 1, usage: { kind: "continuous", hoursPerMonth: 730 } });
  });

  it("List items (kubectl get -o yaml) are imported, with their paths", () => {
    const out = ok(`apiVersion: v1\nkind: List\nitems:\n  - kind: Deployment\n    metadata: {name: a}\n    spec: {replicas: 2, template: {spec: {containers: [{name: c}]}}}\n  - kind: Service\n    metadata: {name: a}\n`);
    expect(out.input.services.map((s) => s.name)).toEqual(["a"]);
    expect(out.notes.some((n) => n.startsWith("documents[0] (List).items[1] (Service/a): skipped"))).toBe(true);
  });

  it("JSON manifests (kubectl get -o json) are YAML too", () => {
    const json = JSON.stringify({ apiVersion: "apps/v1", kind: "Deployment", metadata: { name: "j" }, spec: { replicas: 5, template: { spec: { containers: [{ name: "a", resources: { requests: { cpu: "2", memory: "4Gi" } } }] } } } });
    expect(ok(json).input.services[0]).toMatchObject({ name: "j", tasks: 5, vcpu: 2, memoryGiB: 4 });
  });

  it("a HorizontalPodAutoscaler sets its target's tasks to minReplicas, with a note about maxReplicas", () => {
    const out = ok(
      `kind: Deployment\nmetadata: {name: web, namespace: prod}\nspec: {replicas: 10, template: {spec: {containers: [{name: a}]}}}\n---\nkind: HorizontalPodAutoscaler\nmetadata: {name: web, namespace: prod}\nspec: {scaleTargetRef: {kind: Deployment, name: web}, minReplicas: 2, maxReplicas: 8}\n`,
    );
    expect(out.input.services[0]!.tasks).toBe(2);
    expect(out.notes.join("\n")).toMatch(/minReplicas \(2 instead of 10 replicas\); at maxReplicas \(8\) it would cost 4 times/);
  });

  it("Service, ConfigMap and friends are skipped with a note; a file with nothing else is an error", () => {
    const e = errors("kind: Service\nmetadata: {name: s}\n---\nkind: ConfigMap\nmetadata: {name: c}\n");
    expect(e).toEqual([{ path: "(file)", message: expect.stringMatching(/no workload to price.*2 other objects were skipped/) }]);
  });
});

describe("requests", () => {
  it("limits stand in for missing requests; containers with neither count as 0", () => {
    const out = ok(pod("    - name: a\n      resources: {limits: {cpu: 500m, memory: 1Gi}}\n    - name: b\n"));
    expect(out.input.services[0]!.containers).toEqual([
      { name: "a", vcpu: 0.5, memoryGiB: 1, init: false },
      { name: "b", vcpu: 0, memoryGiB: 0, init: false },
    ]);
    expect(out.notes.join("\n")).toMatch(/"b" requests no CPU or memory/);
  });

  it("a pod with no requests at all is clamped to the estimator's smallest task (0.125 vCPU / 0.125 GiB), with a note", () => {
    const out = ok(pod("    - name: a\n"));
    expect(out.input.services[0]).toMatchObject({ vcpu: 0.125, memoryGiB: 0.125 });
    expect(out.notes.join("\n")).toMatch(/at least 0.125 vCPU \/ 0.125 GiB/);
  });

  it("a native sidecar (init container with restartPolicy Always) adds to the app containers: 0.5 + 0.25 = 0.75 vCPU", () => {
    const out = ok(pod("    - name: app\n      resources: {requests: {cpu: 500m, memory: 512Mi}}\n", "  initContainers:\n    - name: proxy\n      restartPolicy: Always\n      resources: {requests: {cpu: 250m, memory: 256Mi}}\n"));
    expect(out.input.services[0]).toMatchObject({ vcpu: 0.75, memoryGiB: 0.75 });
    expect(out.input.services[0]!.containers?.[0]).toEqual({ name: "proxy", vcpu: 0.25, memoryGiB: 0.25, init: false });
  });

  it("init containers: per resource the larger of the largest init and the sum of the others (2 vCPU from init, 3 GiB from the sum)", () => {
    const out = ok(
      pod(
        "    - name: a\n      resources: {requests: {cpu: 500m, memory: 2Gi}}\n    - name: b\n      resources: {requests: {cpu: 500m, memory: 1Gi}}\n",
        "  initContainers:\n    - name: i1\n      resources: {requests: {cpu: 2, memory: 512Mi}}\n    - name: i2\n      resources: {requests: {cpu: 1, memory: 1Gi}}\n",
      ),
    );
    expect(out.input.services[0]).toMatchObject({ vcpu: 2, memoryGiB: 3 });
  });

  it("ephemeral-storage above the 20 GiB Fargate includes sets ephemeralStorageGiB; nodeSelector arm64 sets the architecture", () => {
    const out = ok(pod("    - name: a\n      resources: {requests: {cpu: 1, memory: 1Gi, ephemeral-storage: 30Gi}}\n", "  nodeSelector: {kubernetes.io/arch: arm64}\n"));
    expect(out.input.services[0]).toMatchObject({ ephemeralStorageGiB: 30, architecture: "arm64" });
  });

  it("names the document and the field of a bad quantity, with its line", () => {
    const text = readFileSync(path.join(root, "examples/k8s/web-and-report.yaml"), "utf8").replace('requests: { cpu: "2", memory: 4Gi }', 'requests: { cpu: "abc", memory: 4Gi }');
    const e = errors(text);
    expect(e).toHaveLength(1);
    expect(e[0]!.path).toBe("documents[2] (CronJob/report).spec.jobTemplate.spec.template.spec.containers[0].resources.requests.cpu");
    expect(e[0]!.message).toMatch(/^must be a quantity such as 250m.*got "abc" \(line 58\)$/);
  });

  it("a container above the estimator's limit is an error with a hint for a missing m", () => {
    const e = errors(pod('    - name: a\n      resources: {requests: {cpu: "500"}}\n'));
    expect(e[0]).toMatchObject({ path: "documents[0] (Pod/p).spec.containers[0].resources.requests.cpu", message: expect.stringMatching(/limit is 192 \(did you mean 500m\?\)/) });
  });
});

describe("names", () => {
  it("repeated names get the namespace, then the kind; the source keeps the original", () => {
    const d = (ns: string) => `kind: Deployment\nmetadata: {name: web, namespace: ${ns}}\nspec: {template: {spec: {containers: [{name: a}]}}}\n`;
    const out = ok([d("a"), d("b"), `kind: CronJob\nmetadata: {name: web, namespace: b}\nspec: {schedule: "@daily", jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}}\n`].join("---\n"));
    expect(out.input.services.map((s) => s.name)).toEqual(["web", "b/web", "web-cronjob"]);
    expect(out.input.services[2]!.source).toBe("CronJob/web (namespace b)");
  });

  it("a name longer than 64 characters is cut, with a note", () => {
    const out = ok(`kind: Pod\nmetadata: {name: ${"x".repeat(80)}}\nspec: {containers: [{name: a}]}\n`);
    expect(out.input.services[0]!.name).toBe("x".repeat(64));
    expect(out.notes.join("\n")).toMatch(/at most 64 characters/);
  });

  it("generateName stands in for a missing name", () => {
    expect(ok(`kind: Job\nmetadata: {generateName: migrate-}\nspec: {template: {spec: {containers: [{name: a}]}}}\n`).input.services[0]!.name).toBe("migrate");
  });
});

describe("options", () => {
  it("region and catalog go into the input", () => {
    expect(ok(pod("    - name: a\n"), { region: "eu-west-1", catalog: "2026-12-01" }).input).toMatchObject({ region: "eu-west-1", catalog: "2026-12-01" });
  });

  it("bad options are errors naming the option", () => {
    expect(errors(pod("    - name: a\n"), { daemonSetNodes: -1 })[0]!.path).toBe("(options).daemonSetNodes");
    expect(errors(pod("    - name: a\n"), { jobRunSeconds: 0 })[0]!.path).toBe("(options).jobRunSeconds");
  });

  it("a region that is not a region code fails the contract's check, naming region", () => {
    expect(errors(pod("    - name: a\n"), { region: "mars" })[0]!.path).toBe("region");
  });
});
