/**
 * Issue 20's new charge on the page: gp3 IOPS and throughput in the EC2 settings price as their own lines, a value gp3
 * does not allow is named under its field, and the link carries it. The numbers are tests/unit/engine/gp3-provisioned's:
 * 4 tasks of 1 vCPU / 2 GiB on m6i.large, us-east-1, snapshot 2026-12-01: $140.16 + $4.80 = $144.96 without, + $30.00
 * (6,000 IOPS-months x $0.005) + $10.00 (250 MiBps-months x $0.04) = $184.96 with 6,000 IOPS and 250 MiB/s.
 */
import { expect, test } from "@playwright/test";
import { guard, openPanel, shareToken, total, waitLive } from "../support/e2e";

const INPUT = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  ec2: { instanceTypes: ["m6i.large"] },
};

for (const width of [1366, 375]) {
  test(`gp3 IOPS and throughput are priced from the EC2 settings at ${width} px`, async ({ page }) => {
    const problems = guard(page, { csp: true });
    await page.setViewportSize({ width, height: width === 375 ? 812 : 900 });
    await page.goto(`/?s=${shareToken(INPUT)}`);
    await waitLive(page);
    expect(await total(page, "ec2")).toBeCloseTo(144.96, 2); // 140.16 + 4.80
    await openPanel(page, "ec2");
    await expect(page.locator("#ec2-gp3-iops")).toHaveValue("");
    await page.locator("#ec2-gp3-iops").fill("6000");
    await page.locator("#ec2-gp3-throughput").fill("250");
    await expect.poll(() => total(page, "ec2")).toBeCloseTo(184.96, 2);

    // A value gp3 does not allow: named under the field, the last good answer kept.
    await page.locator("#ec2-gp3-iops").fill("16000");
    await expect(page.getByText("500 per GiB of rootVolumeGiB (30 GiB allows 15000)")).toBeVisible();
    await page.locator("#ec2-gp3-iops").fill("6000");
    await expect.poll(() => total(page, "ec2")).toBeCloseTo(184.96, 2);

    // The link carries the setting: reopening it gives the same total.
    // Centred, so neither the pinned answer bar (desktop) nor the bottom bar (phone) covers the fields.
    await page.locator("#ec2-gp3-iops").evaluate((el) => el.scrollIntoView({ block: "center" }));
    await page.screenshot({ path: `test-results/screenshots/gp3-ec2-settings-${width}.png` });
    await page.getByTestId("copy-link").click();
    const url = await page.getByTestId("share-link").inputValue();
    expect(url).toMatch(/\?s=v1\./);
    await page.goto(url);
    await waitLive(page);
    expect(await total(page, "ec2")).toBeCloseTo(184.96, 2);
    expect(problems).toEqual([]);
  });
}
