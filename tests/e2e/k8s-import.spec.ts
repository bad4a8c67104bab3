import { test, expect, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import path from "node:path";
import { guard, openMore, openPanel as openDisclosure, seriousViolations, totals, waitLive } from "../support/e2e";

/**
 * Kubernetes manifest import on / (issue 12): pasted or uploaded multi-document YAML becomes the form's services;
 * bad YAML lists its problems with document, field and line and leaves the form alone.
 */
const SHOTS = "test-results/screenshots";
// Every guard also collects CSP refusals: the YAML parser must run under the page's Content-Security-Policy (no eval).
const manifests = readFileSync(path.join("examples", "k8s", "web-and-report.yaml"), "utf8");

async function openPanel(page: Page) {
  // Under the collapsed "Import" panel of the form (issue 21).
  await openDisclosure(page, "import");
  if ((await page.getByTestId("k8s-panel").locator("details").getAttribute("open")) === null) await page.getByTestId("k8s-panel").locator("summary").click();
  await expect(page.getByTestId("k8s-text")).toBeVisible();
}

test.describe("Kubernetes manifest import", () => {
  test("pasting a Deployment, a Service and a CronJob gives two services, the notes, and a new estimate", async ({ page }) => {
    const problems = guard(page, { csp: true });
    await page.goto("/");
    await waitLive(page);
    const before = await totals(page);
    await openPanel(page);
    await page.getByTestId("k8s-text").fill(manifests);
    await page.getByTestId("k8s-import").click();

    const status = page.getByTestId("k8s-status");
    await expect(status).toContainText("Imported 2 services from the pasted manifests: web, report");
    await expect(page.getByTestId("k8s-notes")).toContainText("documents[1] (Service/web): skipped");
    await expect(page.getByTestId("k8s-notes")).toContainText('schedule "30 2 * * 1-5": 1 run a day');

    // web: 3 replicas; the init container (1 vCPU / 1 GiB) outweighs app + sidecar (0.75 vCPU / 1 GiB).
    await expect(page.getByTestId("service-0-name")).toHaveValue("web");
    await expect(page.getByTestId("service-0-tasks")).toHaveValue("3");
    await expect(page.getByTestId("service-0-vcpu")).toHaveValue("1");
    await expect(page.getByTestId("service-0-memory")).toHaveValue("1");
    // report: weekdays at 02:30 -> 1 run a day, 5/7 x 730/24 = 21.7262 days, 1800 s (activeDeadlineSeconds).
    const report = page.getByTestId("service-1");
    await expect(page.getByTestId("service-1-name")).toHaveValue("report");
    await openMore(page, 1);
    await expect(report.getByLabel("Scheduled runs")).toBeChecked();
    await expect(report.getByLabel("Runs per day")).toHaveValue("1");
    await expect(report.getByLabel("Seconds per run")).toHaveValue("1800");
    await expect(report.getByLabel("Days per month")).toHaveValue("21.7262");
    await expect(page.getByTestId("service-2")).toHaveCount(0);

    await waitLive(page);
    await expect.poll(() => totals(page)).not.toEqual(before);
    await page.getByTestId("k8s-panel").screenshot({ path: `${SHOTS}/k8s-import-panel.png` });
    await page.screenshot({ path: `${SHOTS}/k8s-import.png`, fullPage: true });
    // The opened panel with its notes: no serious or critical axe violation (WCAG 2.x A/AA).
    expect(await seriousViolations(page, { include: '[data-testid="k8s-panel"]' })).toEqual([]);
    expect(problems).toEqual([]);
  });

  test("bad YAML shows every problem with its document, field and line; the form keeps what was typed", async ({ page }) => {
    const problems = guard(page, { csp: true });
    await page.goto("/");
    await waitLive(page);
    await page.getByTestId("service-0-name").fill("keep-me");
    await waitLive(page);
    const before = await totals(page);
    await openPanel(page);

    await page.getByTestId("k8s-text").fill(manifests.replace('cpu: "2", memory: 4Gi', 'cpu: "two", memory: 4Gi').replace("replicas: 3", "replicas: -3"));
    await page.getByTestId("k8s-import").click();
    const errors = page.getByTestId("k8s-errors");
    await expect(errors).toHaveAttribute("role", "alert");
    await expect(errors).toContainText("Could not import the pasted manifests; the form was left as it was");
    await expect(errors).toContainText("documents[0] (Deployment/web).spec.replicas");
    await expect(errors).toContainText("must be >= 0, got -3 (line 9)");
    await expect(errors).toContainText("documents[2] (CronJob/report).spec.jobTemplate.spec.template.spec.containers[0].resources.requests.cpu");
    await expect(errors).toContainText('got "two" (line 58)');

    // An anchor bomb is refused at once, with the reason.
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ...Array.from({ length: 8 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(",")}]`)].join("\n");
    await page.getByTestId("k8s-text").fill(bomb);
    await page.getByTestId("k8s-import").click();
    await expect(errors).toContainText("billion laughs");

    await expect(page.getByTestId("service-0-name")).toHaveValue("keep-me");
    expect(await totals(page)).toEqual(before);
    await page.getByTestId("k8s-panel").screenshot({ path: `${SHOTS}/k8s-import-errors.png` });
    expect(problems).toEqual([]);
  });

  test("a .yaml file through the toolbar's import, and through the panel's upload", async ({ page }) => {
    const problems = guard(page, { csp: true });
    await page.goto("/");
    await waitLive(page);
    await page.getByTestId("import-json").setInputFiles({ name: "manifests.yaml", mimeType: "application/yaml", buffer: Buffer.from(manifests) });
    await expect(page.getByTestId("banner-import-ok")).toContainText("Kubernetes manifests in manifests.yaml (2 services");
    await expect(page.getByTestId("service-1-name")).toHaveValue("report");
    await openDisclosure(page, "import");
    await expect(page.getByTestId("k8s-status")).toContainText("Imported 2 services from manifests.yaml");

    const daemon = "kind: DaemonSet\nmetadata: {name: agent}\nspec:\n  template:\n    spec:\n      containers: [{name: a, resources: {requests: {cpu: 100m, memory: 128Mi}}}]\n";
    await openPanel(page);
    await page.getByTestId("k8s-daemonset-nodes").fill("7");
    await page.getByTestId("k8s-file").setInputFiles({ name: "agent.yml", mimeType: "application/yaml", buffer: Buffer.from(daemon) });
    await expect(page.getByTestId("k8s-status")).toContainText("Imported 1 service from agent.yml: agent");
    await expect(page.getByTestId("service-0-tasks")).toHaveValue("7");
    await expect(page.getByTestId("k8s-notes")).toContainText("priced as 7 pods");

    await page.getByTestId("k8s-file").setInputFiles({ name: "junk.yaml", mimeType: "application/yaml", buffer: Buffer.from("\u0000\u0001\u0002binary") });
    await expect(page.getByTestId("k8s-errors")).toContainText("Could not import junk.yaml; the form was left as it was");
    await expect(page.getByTestId("k8s-errors")).toContainText("control character U+0000");
    await expect(page.getByTestId("service-0-name")).toHaveValue("agent");
    expect(problems).toEqual([]);
  });
});
