/**
 * The "Network and logs" inputs in the form draft: share links of existing inputs stay byte-identical, the new
 * inputs (network, logs, interruptible, Reserved Instances) survive input -> draft -> input and a share link, and
 * every new text field reports problems under the schema's own path.
 */
import { describe, expect, it } from "vitest";
import { presetNetworkDraft } from "@/lib/form/network";
import { draftToRaw } from "@/lib/form/to-raw";
import { inputToDraft } from "@/lib/form/from-input";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { inputFromDraft } from "@/lib/pipeline/estimate";
import type { EstimateInputRaw } from "@/lib/schemas/estimate";
import { blankDraft, parseValidInput as parse } from "../../support/inputs";

const oldDraft = () => blankDraft("2026-11-26");

const fullRaw: EstimateInputRaw = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-11-26",
  services: [
    { name: "api", vcpu: 1, memoryGiB: 2, tasks: 4, interruptible: true, logs: { ingestedGBPerMonth: 12.5, class: "infrequent-access", retentionMonths: 3 } },
    { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 2, logs: { ingestedGBPerMonth: 1, class: "standard", retentionMonths: 0 } },
  ],
  fargate: { savingsPlan: "none" },
  ec2: { purchase: "reserved-3y" },
  network: {
    loadBalancers: [
      { name: "public", type: "alb", count: 2, newConnectionsPerSecond: 5, activeConnectionsPerMinute: 300, processedGBPerHour: 0.1, ruleEvaluationsPerSecond: 2 },
      { name: "grpc", type: "nlb", count: 1, newConnectionsPerSecond: 10, activeConnectionsPerMinute: 0, processedGBPerHour: 1.5 },
    ],
    natGateways: { count: 2, processedGBPerMonth: 50 },
    publicIpv4: { fargateTasks: true, ec2Instances: false, extraAddresses: 1 },
    vpcInterfaceEndpoints: { count: 3, azs: 2, processedGBPerMonth: 10 },
    dataTransferOutGBPerMonth: 1234.5,
    interAzGBPerMonth: 20,
  },
};

describe("network and logs in the form draft", () => {
  it("a draft with none of the new inputs gives exactly today's raw input (share links unchanged)", () => {
    const { raw, errors } = draftToRaw(oldDraft());
    expect(errors).toEqual([]);
    // Written out by hand: the raw input the form produced before network/logs/interruptible existed.
    expect(JSON.stringify(raw)).toBe(
      JSON.stringify({
        version: 1,
        region: "us-east-1",
        catalog: "2026-11-26",
        services: [{ name: "service-1", vcpu: 1, memoryGiB: 2, architecture: "x86_64", os: "linux", ephemeralStorageGiB: 20, tasks: 1, usage: { kind: "continuous", hoursPerMonth: 730 } }],
        fargate: { savingsPlan: "none" },
        ec2: { purchase: "on-demand", instanceTypes: [], targetUtilizationPct: 100, minInstances: 0, networkMode: "awsvpc", eniTrunking: false, rootVolumeGiB: 30 },
      }),
    );
  });

  it("an input without the new fields reads back without them", () => {
    const input = parse({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] });
    const d = inputToDraft(input);
    expect(d.network.enabled).toBe(false);
    expect(d.services[0]).toMatchObject({ interruptible: false, logs: false });
    const { raw } = draftToRaw(d);
    expect(raw).not.toHaveProperty("network");
    expect((raw.services as Record<string, unknown>[])[0]).not.toHaveProperty("logs");
    expect((raw.services as Record<string, unknown>[])[0]).not.toHaveProperty("interruptible");
    expect(parse(raw)).toEqual(input);
  });

  it("input -> draft -> input keeps network, logs, interruptible and Reserved Instances exactly", () => {
    const input = parse(fullRaw);
    const { raw, errors } = draftToRaw(inputToDraft(input));
    expect(errors).toEqual([]);
    expect(parse(raw)).toEqual(input);
  });

  it("a share link of the form carries the new inputs (encode -> decode -> draft -> same input)", () => {
    const input = parse(fullRaw);
    const token = encodeShareToken(draftToRaw(inputToDraft(input)).raw as EstimateInputRaw);
    const decoded = decodeShareToken(token);
    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.input).toEqual(input);
    expect(parse(draftToRaw(inputToDraft(decoded.input)).raw)).toEqual(input);
  });

  it("the presets: an ALB with modest traffic and 100 GB out; one NAT gateway; None removes the network", () => {
    const withPreset = (preset: Parameters<typeof presetNetworkDraft>[0]) => draftToRaw({ ...oldDraft(), network: presetNetworkDraft(preset) }).raw;
    expect(withPreset("public-alb").network).toEqual({
      loadBalancers: [{ name: "alb", type: "alb", count: 1, newConnectionsPerSecond: 5, activeConnectionsPerMinute: 300, processedGBPerHour: 0.1, ruleEvaluationsPerSecond: 2 }],
      natGateways: { count: 0, processedGBPerMonth: 0 },
      publicIpv4: { fargateTasks: false, ec2Instances: false, extraAddresses: 0 },
      vpcInterfaceEndpoints: { count: 0, azs: 2, processedGBPerMonth: 0 },
      dataTransferOutGBPerMonth: 100,
      interAzGBPerMonth: 0,
    });
    expect(withPreset("private-nat").network).toMatchObject({ loadBalancers: [], natGateways: { count: 1, processedGBPerMonth: 50 }, publicIpv4: { fargateTasks: false, ec2Instances: false } });
    expect(withPreset("none")).not.toHaveProperty("network");
  });

  it("names the field of every unreadable or out-of-range new value", () => {
    const d = inputToDraft(parse(fullRaw));
    d.network.natCount = "two";
    d.network.loadBalancers[1]!.processedGBPerHour = "";
    d.network.endpointAzs = "1.5";
    d.network.interAzGB = "-3";
    d.network.loadBalancers[0]!.name = " ";
    d.services[0]!.logsRetentionMonths = "121";
    d.services[1]!.logsIngestedGB = "1,5";
    const out = inputFromDraft(d);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const byPath = Object.fromEntries(out.errors.map((e) => [e.path, e.message]));
    expect(byPath).toMatchObject({
      "network.natGateways.count": 'must be a number (got "two")',
      "network.loadBalancers[1].processedGBPerHour": "is required",
      "network.vpcInterfaceEndpoints.azs": "must be a whole number",
      "network.interAzGBPerMonth": "must be >= 0",
      "network.loadBalancers[0].name": "must not be empty",
      "services[0].logs.retentionMonths": "must be <= 120 (10 years)",
      "services[1].logs.ingestedGBPerMonth": 'must be a number (got "1,5")',
    });
  });
});

describe("ec2.allowBurstable through the form and a share link", () => {
  it("off survives input -> form -> input and a share token; on (the default) is not written", () => {
    const input = parse({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }], ec2: { allowBurstable: false } });
    const draft = inputToDraft(input);
    expect(draft.ec2.allowBurstable).toBe(false);
    const { raw } = draftToRaw(draft);
    expect((raw.ec2 as Record<string, unknown>).allowBurstable).toBe(false);
    const decoded = decodeShareToken(encodeShareToken(raw as EstimateInputRaw));
    expect(decoded.ok && decoded.input.ec2.allowBurstable).toBe(false);
    const on = draftToRaw(inputToDraft(parse({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }))).raw;
    expect(on.ec2 as Record<string, unknown>).not.toHaveProperty("allowBurstable");
  });
});
