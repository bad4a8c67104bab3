/**
 * Orchestrator EKS on /: the EKS settings, a pod's containers, the pod's billed size next to its requests, the
 * cluster fee in every option, a share link that keeps all of it, axe, 375 px, and screenshots.
 */
import { expect, test } from "@playwright/test";
import { openFormerDefault, seriousViolations, waitLive } from "../support/e2e";

test.describe("orchestrator EKS", () => {
  test("pods with an init container and sidecars, the cluster fee, a share link; axe clean; fits 375 px", async ({ page, browser }) => {
    // Many edits, axe and a second browser context: minutes on a busy 2-core machine (a hang guard, not a target).
    test.setTimeout(300_000);
    // The former two-service start page (its worker is arm64), with the breakdown opened by the link.
    await openFormerDefault(page, "&open=breakdown");
    await page.getByTestId("orchestrator").selectOption("eks");
    await expect(page.getByTestId("eks-panel")).toBeVisible();
    await expect(page.getByTestId("card-fargate")).toContainText("EKS on Fargate (pods)");
    // The default workload's worker is arm64: EKS Fargate runs x86_64 pods only, so the option says why.
    await expect(page.getByTestId("card-fargate")).toContainText("EKS pods on Fargate run Linux on x86_64 only");
    await page.locator('[data-testid="service-1"]').getByLabel("Architecture").selectOption("x86_64");
    await expect(page.getByTestId("total-fargate")).toHaveAttribute("data-usd", /^\d/);
    await expect(page.getByTestId("total-fargate-spot")).toHaveText("Not available");
    await expect(page.getByTestId("card-fargate-spot")).toContainText("cannot use Fargate Spot");
    await expect(page.getByTestId("card-ec2")).toContainText("EKS managed node group");

    // AWS's example pod: 0.25 vCPU / 768 MiB is billed as 0.25 vCPU / 1 GiB.
    await page.getByTestId("service-0-vcpu").fill("0.25");
    await page.getByTestId("service-0-memory").fill("0.75");
    await expect(page.getByTestId("service-0-billed")).toHaveText("Pod billed as 0.25 vCPU / 1 GiB on Fargate (requests 0.25 vCPU / 0.75 GiB + 0.25 GiB for the Kubernetes components)");

    // Containers: app 0.5 / 1.5, sidecar 0.25 / 0.25, init 1 / 0.5 -> vCPU max(init 1, 0.5 + 0.25) = 1; memory max(init 0.5, 1.5 + 0.25 = 1.75) = 1.75 + 0.25 = 2 GiB -> 1 vCPU / 2 GiB, a valid size.
    await page.getByTestId("service-0-add-container").click();
    await page.getByTestId("service-0-container-0-vcpu").fill("0.5");
    await page.getByTestId("service-0-container-0-memory").fill("1.5");
    await page.getByTestId("service-0-add-container").click();
    await page.getByTestId("service-0-container-1-vcpu").fill("0.25");
    await page.getByTestId("service-0-container-1-memory").fill("0.25");
    await page.getByTestId("service-0-add-container").click();
    await page.getByTestId("service-0-container-2-vcpu").fill("1");
    await page.getByTestId("service-0-container-2-memory").fill("0.5");
    await page.getByTestId("service-0-container-2").getByLabel("Init container").check();
    await expect(page.getByTestId("service-0-billed")).toContainText("Pod billed as 1 vCPU / 2 GiB on Fargate (requests 1 vCPU / 1.75 GiB + 0.25 GiB");

    // The cluster fee: 1 cluster x 730 h x $0.10 = $73.00, the same line in every option.
    await expect(page.getByTestId("breakdown-fargate")).toContainText("EKS control plane (standard support)");
    await expect(page.getByTestId("breakdown-ec2")).toContainText("EKS control plane (standard support)");
    await expect(page.getByTestId("breakdown-fargate")).toContainText("$73.00");
    const withOne = Number(await page.getByTestId("total-fargate").getAttribute("data-usd"));
    await page.getByTestId("eks-clusters").fill("2");
    await expect.poll(async () => Number(await page.getByTestId("total-fargate").getAttribute("data-usd"))).toBeCloseTo(withOne + 73, 6);

    expect(await seriousViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: "test-results/eks-desktop.png", fullPage: false });
    await page.getByTestId("service-0").screenshot({ path: "test-results/eks-service-containers.png" });
    await page.getByTestId("breakdown-fargate").screenshot({ path: "test-results/eks-breakdown.png" });

    // Share link in a fresh context: EKS, clusters and containers come back, same total.
    await page.getByTestId("copy-link").click();
    const link = await page.getByTestId("share-link").inputValue();
    const total = await page.getByTestId("total-fargate").getAttribute("data-usd");
    const ctx = await browser.newContext({ viewport: { width: 375, height: 800 } });
    const other = await ctx.newPage();
    await other.goto(link);
    await waitLive(other);
    await expect(other.getByTestId("orchestrator")).toHaveValue("eks");
    await expect(other.getByTestId("eks-clusters")).toHaveValue("2");
    await expect(other.getByTestId("service-0-container-2-vcpu")).toHaveValue("1");
    await expect(other.getByTestId("total-fargate")).toHaveAttribute("data-usd", total ?? "");
    // 375 px: nothing wider than the viewport.
    const overflow = await other.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await other.getByTestId("eks-panel").scrollIntoViewIfNeeded();
    await other.screenshot({ path: "test-results/eks-375.png", fullPage: false });
    await ctx.close();
  });
});
