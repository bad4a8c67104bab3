/**
 * Environments through the form draft, share links, JSON import, CSV and the CLI table
 * (docs/billing-rules.md#weekly-schedules). Inputs without environments keep their exact draft and links.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "@/bin/estimate";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { estimate } from "@/lib/engine";
import { estimateToCsv } from "@/lib/export/csv";
import { readEstimateFile } from "@/lib/pipeline/estimate";
import { inputFromDraft } from "@/lib/pipeline/estimate";
import { environmentCents } from "@/lib/present/environments";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { draftToRaw } from "@/lib/form/to-raw";
import { blankEnvironmentDraft, parseHourText, prodEnvironmentDraft } from "@/lib/form/environments";
import { inputToDraft } from "@/lib/form/from-input";
import type { EstimateInputRaw } from "@/lib/schemas/estimate";
import { parseValidInput as parse } from "../../support/inputs";
import { runCli } from "../../support/cli";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");

const withEnvs: EstimateInputRaw = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  services: [{ name: "api", vcpu: 1, memoryGiB: 2, tasks: 4 }],
  network: { loadBalancers: [{ name: "public", type: "alb" }] },
  environments: [
    { name: "prod", taskProfile: [{ days: ["sat", "sun"], fromHour: 0, toHour: 24, tasksFactor: 0.5 }] },
    { name: "dev", multiplier: 0.25, schedule: { kind: "business-hours", timeZone: "America/New_York", days: ["mon", "wed"], startHour: 8.5, endHour: 17.75 }, interruptible: true },
    { name: "qa", schedule: { kind: "weekly", timeZone: "Asia/Kolkata", hours: { tue: [[9, 12], [13, 18]], sat: [[0, 24]] } }, interruptible: false },
  ],
};

describe("the form draft", () => {
  it("input -> draft -> input gives back the same environments", () => {
    const input = parse(withEnvs);
    const draft = inputToDraft(input);
    expect(draft.environments?.map((e) => e.name)).toEqual(["prod", "dev", "qa"]);
    expect(draft.environments?.[1]?.startHour).toBe("08:30");
    expect(draft.environments?.[2]?.weeklyHours.tue).toBe("09:00-12:00, 13:00-18:00");
    const back = inputFromDraft(draft);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.input.environments).toEqual(input.environments);
    // And a share link of it opens to the same input.
    const decoded = decodeShareToken(encodeShareToken(back.input));
    expect(decoded.ok && decoded.input.environments).toEqual(input.environments);
  });

  it("a draft without environments writes none (existing links stay byte-identical)", () => {
    const input = parse({ ...withEnvs, environments: undefined });
    const draft = inputToDraft(input);
    expect("environments" in draft).toBe(false);
    expect("environments" in draftToRaw(draft).raw).toBe(false);
  });

  it("the panel's new environments are valid as they come", () => {
    const draft = { ...inputToDraft(parse({ ...withEnvs, environments: undefined })), environments: [prodEnvironmentDraft("a"), blankEnvironmentDraft(2, "Europe/Berlin", "b")] };
    const back = inputFromDraft(draft);
    if (!back.ok) throw new Error(JSON.stringify(back.errors));
    expect(back.input.environments?.[1]).toEqual({
      name: "dev",
      multiplier: 0.5,
      schedule: { kind: "business-hours", timeZone: "Europe/Berlin", days: ["mon", "tue", "wed", "thu", "fri"], startHour: 8, endHour: 20 },
      taskProfile: null,
      interruptible: true,
    });
  });

  it("bad text names its field with the schema's path", () => {
    const draft = inputToDraft(parse(withEnvs));
    const envs = draft.environments!;
    envs[0] = { ...envs[0]!, multiplier: "lots", profile: [{ ...envs[0]!.profile[0]!, fromHour: "noon" }] };
    envs[1] = { ...envs[1]!, timeZone: "Mars/Olympus", endHour: "25:00" };
    envs[2] = { ...envs[2]!, weeklyHours: { ...envs[2]!.weeklyHours, tue: "9-12, 13" } };
    const out = inputFromDraft({ ...draft, environments: envs });
    expect(out.ok).toBe(false);
    const paths = out.ok ? [] : out.errors.map((e) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        "environments[0].multiplier",
        "environments[0].taskProfile[0].fromHour",
        "environments[1].schedule.timeZone",
        "environments[1].schedule.endHour",
        "environments[2].schedule.hours.tue[1]",
      ]),
    );
  });

  it("reads hours as 08:30, 8.5 or 8", () => {
    expect(parseHourText("08:30")).toEqual({ ok: true, value: 8.5 });
    expect(parseHourText("8.25")).toEqual({ ok: true, value: 8.25 });
    expect(parseHourText("24:00")).toEqual({ ok: true, value: 24 });
    expect(parseHourText("8am").ok).toBe(false);
  });
});

describe("share links and imports", () => {
  it("a link with a bad environment is refused with each field named", () => {
    const bad = { ...withEnvs, environments: [{ name: "dev", multiplier: "2", schedule: { kind: "business-hours", timeZone: "Nowhere/City" }, taskProfile: [{ days: ["funday"], fromHour: 0, toHour: 8, tasksFactor: 1 }] }] };
    const out = decodeShareToken(encodeShareToken(bad as never));
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.kind).toBe("invalid");
    const paths = out.errors.map((e) => e.path);
    expect(paths).toEqual(expect.arrayContaining(["environments[0].multiplier", "environments[0].schedule.timeZone", "environments[0].taskProfile[0].days[0]"]));
  });

  it("an exported result with environments imports back to its input", () => {
    const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(ROOT, "data") });
    const result = estimate(parse(withEnvs), catalog);
    const read = readEstimateFile(JSON.stringify(result));
    expect(read.ok && read.input.environments).toEqual(parse(withEnvs).environments);
  });
});

describe("CSV and the CLI table", () => {
  const catalog = loadRegionCatalog("us-east-1", "2026-12-01", { dataDir: path.join(ROOT, "data") });
  const result = estimate(parse(withEnvs), catalog);

  it("the CSV has an environment column, empty for shared lines", () => {
    const lines = estimateToCsv(result).trim().split("\r\n");
    expect(lines[0]!.endsWith(",shared,label,environment")).toBe(true);
    const dev = lines.filter((l) => l.startsWith("fargate,api (dev),"));
    expect(dev.length).toBe(2); // vCPU and memory
    expect(dev.every((l) => l.endsWith(",dev"))).toBe(true);
    const shared = lines.filter((l) => l.startsWith("fargate,Network and shared,"));
    expect(shared.length).toBe(1);
    expect(shared.every((l) => l.endsWith(","))).toBe(true);
  });

  it("per-environment cents add up to each option's total", () => {
    for (const row of environmentCents(result)) {
      expect(row.environments.reduce((a, b) => a + b, 0) + row.shared).toBe(row.total);
    }
    // ALB 730 h x $0.0225 = $16.425 -> 1643 cents (half up), whatever the tasks do.
    expect(environmentCents(result).find((r) => r.optionId === "fargate")!.atZero).toBe(1643);
  });

  it("the CLI table lists each environment's subtotal", async () => {
    const { code, stdout } = await runCli(main, ["-", "--format", "table"], JSON.stringify(withEnvs));
    expect(code).toBe(0);
    expect(stdout).toContain("Environments (monthly");
    const header = stdout.split("\n").find((l) => l.trim().startsWith("Option") && l.includes("at zero tasks"))!;
    for (const name of ["prod", "dev", "qa", "shared", "total"]) expect(header).toContain(name);
    expect(stdout).toMatch(/dev: 18\.5 h a week on, tasks x 0\.25/);
  });
});
