import { test, expect } from "@playwright/test";
import path from "node:path";
import { guard, openPanel, waitLive } from "../support/e2e";

const SHOTS = "test-results/screenshots";
const root = path.resolve(__dirname, "../..");

test("a Terraform plan fills the form: two services with their sources, eu-west-1, the hand-computed totals", async ({ page }) => {
  const problems = guard(page);
  await page.goto("/");
  await waitLive(page, { region: "us-east-1" });
  await openPanel(page, "import");
  await page.getByTestId("import-iac").setInputFiles(path.join(root, "examples/terraform/plan.json"));
  await expect(page.getByTestId("iac-services")).toContainText("api from aws_ecs_service.api");
  await expect(page.getByTestId("iac-services")).toContainText("worker from aws_ecs_service.worker");
  await waitLive(page, { region: "eu-west-1" });
  // tests/unit/iac/iac.test.ts: Fargate On-Demand $195.82
  await expect(page.getByTestId("total-fargate")).toContainText("$195.82");
  await page.screenshot({ path: `${SHOTS}/iac-terraform.png`, fullPage: false });
  expect(problems).toEqual([]);
});

test("a CloudFormation YAML template is priced in the form's region; a broken file changes nothing", async ({ page }) => {
  const problems = guard(page);
  await page.goto("/");
  await waitLive(page, { region: "us-east-1" });
  await openPanel(page, "import");
  const before = await page.getByTestId("total-fargate").textContent();
  await page.getByTestId("import-iac").setInputFiles({ name: "bad.yaml", mimeType: "text/yaml", buffer: Buffer.from("Resources: !!js/function 'x'\n") });
  await expect(page.getByTestId("iac-errors")).toContainText("Unresolved tag");
  await expect(page.getByTestId("total-fargate")).toHaveText(before ?? "");
  await page.getByTestId("import-iac").setInputFiles(path.join(root, "examples/cloudformation/shop.yaml"));
  await expect(page.getByTestId("iac-services")).toContainText("api from ApiService");
  await expect(page.getByTestId("iac-notes")).toContainText("Parameter ApiDesiredCount");
  await waitLive(page, { region: "us-east-1" });
  await page.screenshot({ path: `${SHOTS}/iac-cloudformation.png`, fullPage: false });
  expect(problems).toEqual([]);
});
