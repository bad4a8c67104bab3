/**
 * Orchestrator, EKS settings and pod containers in the form draft: absent unless set (so existing share links stay
 * byte-identical), they survive input -> draft -> input and a share link, and each text field reports problems
 * under the schema's own path.
 */
import { describe, expect, it } from "vitest";
import { blankContainerDraft, blankServiceDraft, defaultEksDraft, type EstimateDraft } from "@/lib/form/draft";
import { draftToRaw } from "@/lib/form/to-raw";
import { inputToDraft } from "@/lib/form/from-input";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { inputFromDraft } from "@/lib/pipeline/estimate";
import type { EstimateInputRaw } from "@/lib/schemas/estimate";
import { blankDraft, parseValidInput as parse } from "../../support/inputs";

const ecsDraft = () => blankDraft("2026-12-01");

const eksRaw: EstimateInputRaw = {
  version: 1,
  region: "us-east-1",
  catalog: "2026-12-01",
  orchestrator: "eks",
  eks: { clusters: 2, support: "extended", daemonSetReserve: { vcpu: 0.2, memoryGiB: 0.5 }, prefixDelegation: true, nodeVolumeGiB: 50 },
  services: [
    {
      name: "web",
      vcpu: 1,
      memoryGiB: 2,
      tasks: 3,
      containers: [
        { name: "migrate", vcpu: 1, memoryGiB: 0.5, init: true },
        { name: "app", vcpu: 0.5, memoryGiB: 1.5, init: false },
      ],
    },
    { name: "worker", vcpu: 0.5, memoryGiB: 1, tasks: 1 },
  ],
};

describe("EKS in the form draft", () => {
  it("a draft that never touched EKS writes no orchestrator, eks or containers", () => {
    const { raw, errors } = draftToRaw(ecsDraft());
    expect(errors).toEqual([]);
    expect(raw).not.toHaveProperty("orchestrator");
    expect(raw).not.toHaveProperty("eks");
    expect((raw.services as Record<string, unknown>[])[0]).not.toHaveProperty("containers");
    // An ECS input round-trips to a draft without them too.
    const draft = inputToDraft(parse({ version: 1, region: "us-east-1", services: [{ name: "a", vcpu: 1, memoryGiB: 2, tasks: 1 }] }));
    expect(draft).not.toHaveProperty("orchestrator");
    expect(draft).not.toHaveProperty("eks");
    expect(draft.services[0]).not.toHaveProperty("containers");
  });

  it("input -> draft -> input keeps every EKS field, and so does a share link", () => {
    const input = parse(eksRaw);
    const back = inputFromDraft(inputToDraft(input));
    expect(back).toEqual({ ok: true, input });
    const decoded = decodeShareToken(encodeShareToken(input));
    expect(decoded.ok && inputFromDraft(inputToDraft(decoded.input))).toEqual({ ok: true, input });
  });

  it("issue 22: containers' ephemeral storage and network.logsFreeTier false survive input -> draft -> input and a share link", () => {
    const storage: EstimateInputRaw = {
      ...eksRaw,
      services: [{ name: "cache", vcpu: 1, memoryGiB: 2, tasks: 1, containers: [{ name: "a", vcpu: 0.5, memoryGiB: 1, ephemeralStorageGiB: 50 }, { name: "b", vcpu: 0.5, memoryGiB: 0.75, ephemeralStorageGiB: 46.5661287307739 }] }],
    };
    for (const raw of [storage, { ...storage, network: { logsFreeTier: false } }] as EstimateInputRaw[]) {
      const input = parse(raw);
      expect(inputFromDraft(inputToDraft(input))).toEqual({ ok: true, input });
      const decoded = decodeShareToken(encodeShareToken(input));
      expect(decoded.ok && inputFromDraft(inputToDraft(decoded.input))).toEqual({ ok: true, input });
    }
    // With network lines, the switch stays beside them.
    const withNat = inputFromDraft(inputToDraft(parse({ ...storage, network: { natGateways: { count: 1 }, logsFreeTier: false } })));
    expect(withNat.ok && withNat.input.network).toMatchObject({ natGateways: { count: 1 }, logsFreeTier: false });
    // Only the switch: the network lines stay off in the form.
    expect(inputToDraft(parse({ ...storage, network: { logsFreeTier: false } })).network).toMatchObject({ enabled: false, logsFreeTier: false });
  });

  it("picking EKS in the form: defaults of the contract; containers from the editor", () => {
    const draft: EstimateDraft = {
      ...ecsDraft(),
      orchestrator: "eks",
      eks: defaultEksDraft(),
      services: [{ ...blankServiceDraft(1, "k1"), containers: [blankContainerDraft(1, "c1"), { ...blankContainerDraft(2, "c2"), init: true, vcpu: "1" }] }],
    };
    const out = inputFromDraft(draft);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.input.orchestrator).toBe("eks");
    expect(out.input.eks).toEqual({ clusters: 1, support: "standard", daemonSetReserve: { vcpu: 0, memoryGiB: 0 } });
    expect(out.input.services[0]?.containers).toEqual([
      { name: "app", vcpu: 0.25, memoryGiB: 0.5, init: false },
      { name: "container-2", vcpu: 1, memoryGiB: 0.5, init: true },
    ]);
  });

  it("bad text in the EKS fields is reported under the schema's paths", () => {
    const draft: EstimateDraft = {
      ...ecsDraft(),
      orchestrator: "eks",
      eks: { ...defaultEksDraft(), clusters: "two", reserveVcpu: "0,1", reserveMemoryGiB: "", nodeVolumeGiB: "0" },
      services: [{ ...blankServiceDraft(1, "k1"), containers: [{ ...blankContainerDraft(1, "c1"), vcpu: "abc", memoryGiB: "-1", name: " " }] }],
    };
    const out = inputFromDraft(draft);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    const paths = out.errors.map((e) => e.path);
    for (const p of ["eks.clusters", "eks.daemonSetReserve.vcpu", "eks.daemonSetReserve.memoryGiB", "services[0].containers[0].vcpu"]) expect(paths, p).toContain(p);
  });
});

describe("EKS in a JSON export", () => {
  it("importing an exported EKS result restores orchestrator, eks and containers in the form", async () => {
    const { parseImportedEstimate } = await import("@/lib/export/import");
    const { loadRegionCatalog } = await import("@/lib/catalog/fs-loader");
    const { estimate } = await import("@/lib/engine/estimate");
    const input = parse(eksRaw);
    const exported = JSON.stringify(estimate(input, loadRegionCatalog("us-east-1", "2026-12-01")));
    const imported = parseImportedEstimate(exported);
    expect(imported.ok && imported.kind).toBe("result");
    if (!imported.ok) return;
    const draft = inputToDraft(imported.input);
    expect(draft.orchestrator).toBe("eks");
    expect(draft.eks).toMatchObject({ clusters: "2", support: "extended", reserveVcpu: "0.2", prefixDelegation: true, nodeVolumeGiB: "50" });
    expect(draft.services[0]?.containers?.map((c) => [c.name, c.vcpu, c.memoryGiB, c.init])).toEqual([
      ["migrate", "1", "0.5", true],
      ["app", "0.5", "1.5", false],
    ]);
    expect(inputFromDraft(draft)).toEqual({ ok: true, input });
  });
});
