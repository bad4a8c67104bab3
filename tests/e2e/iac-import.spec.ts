import { test, expect, type Page } from "@playwright/test";
import path from "node:path";

const SHOTS = "test-results/screenshots";
const root = path.resolve(__dirname, "../..");

function guard(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (e) => problems.push(`pageerror: ${e.message}`));
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  return problems;
}

async function waitLive(page: Page, region: string) {
  await expect(page.getByTestId("status")).toContainText(`Live: updated as you type. Region ${region}`, { timeout: 30_000 });
}

test("a Terraform plan fills the form: two services with their sources, eu-west-1, the hand-computed totals", async ({ page }) => {
  const problems = guard(page);
  await page.goto("/");
  await waitLive(page, "us-east-1");
  await page.getByTestId("import-iac").setInputFiles(path.join(root, "examples/terraform/plan.json"));
  await expect(page.getByTestId("iac-services")).toContainText("api from aws_ecs_service.api");
  await expect(page.getByTestId("iac-services")).toContainText("worker from aws_ecs_service.worker");
  await waitLive(page, "eu-west-1");
  // tests/unit/iac/iac.test.ts: Fargate On-Demand $195.82
  await expect(page.getByTestId("total-fargate")).toContainText("$195.82");
  await page.screenshot({ path: `${SHOTS}/iac-terraform.png`, fullPage: false });
  expect(problems).toEqual([]);
});

test("a CloudFormation YAML template is priced in the form's region; a broken file changes nothing", async ({ page }) => {
  const problems = guard(page);
  await page.goto("/");
  await waitLive(page, "us-east-1");
  const before = await page.getByTestId("total-fargate").textContent();
  await page.getByTestId("import-iac").setInputFiles({ name: "bad.yaml", mimeType: "text/yaml", buffer: Buffer.from("Resources: !!js/function 'x'\n") });
  await expect(page.getByTestId("iac-errors")).toContainText("Unresolved tag");
  await expect(page.getByTestId("total-fargate")).toHaveText(before ?? "");
  await page.getByTestId("import-iac").setInputFiles(path.join(root, "examples/cloudformation/shop.yaml"));
  await expect(page.getByTestId("iac-services")).toContainText("api from ApiService");
  await expect(page.getByTestId("iac-notes")).toContainText("Parameter ApiDesiredCount");
  await waitLive(page, "us-east-1");
  await page.screenshot({ path: `${SHOTS}/iac-cloudformation.png`, fullPage: false });
  expect(problems).toEqual([]);
});
