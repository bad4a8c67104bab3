/**
 * explain's lookup is only as good as its map from options and lines to docs/billing-rules.md: every option and
 * every cost line of every example estimate must map to anchors the document has, the sections must carry their
 * AWS source, warnings must get a code, and the MCP size limits must be the routes' own.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "@/app/api/http";
import { MAX_IAC_BODY_BYTES } from "@/app/api/import/iac/handler";
import { MAX_IMPORT_BYTES } from "@/lib/export/import";
import { MAX_MANIFEST_BYTES } from "@/lib/import/limits";
import { loadRegionCatalog } from "@/lib/catalog/fs-loader";
import { lineAnchors, optionAnchors } from "@/lib/mcp/explain";
import { MAX_COMPARE_SIDE_CHARS, MAX_IAC_CHARS, MAX_INPUT_JSON_CHARS, MAX_MANIFEST_CHARS, MAX_MCP_MESSAGE_BYTES } from "@/lib/mcp/limits";
import { findSections, headingSlug, parseRulesDocument } from "@/lib/mcp/rules-doc";
import { WARNING_KINDS, warningsByCode } from "@/lib/mcp/warnings";
import { estimateFromRaw } from "@/lib/pipeline/estimate";
import { ROOT } from "./harness";

const doc = parseRulesDocument(readFileSync(path.join(ROOT, "docs", "billing-rules.md"), "utf8"));
const examples = readdirSync(path.join(ROOT, "examples"))
  .filter((f) => f.endsWith(".json"))
  .map((f) => ({ file: f, raw: JSON.parse(readFileSync(path.join(ROOT, "examples", f), "utf8")) as unknown }));
const results = examples.map(({ file, raw }) => {
  const outcome = estimateFromRaw(raw, (region, id) => loadRegionCatalog(region, id));
  if (!outcome.ok) throw new Error(`${file}: ${JSON.stringify(outcome.errors)}`);
  return { file, result: outcome.result };
});

describe("docs/billing-rules.md as sections", () => {
  it("has every anchor the code cites, each with its text", () => {
    const cited = new Set<string>();
    for (const dir of ["lib", "bin", "app"]) {
      const walk = (d: string): void => {
        for (const e of readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name);
          if (e.isDirectory()) walk(p);
          else if (/\.(ts|tsx)$/.test(e.name)) for (const m of readFileSync(p, "utf8").matchAll(/billing-rules\.md#([a-z0-9-]+)/g)) cited.add(m[1]!);
        }
      };
      walk(path.join(ROOT, dir));
    }
    expect(cited.size).toBeGreaterThan(20);
    for (const anchor of cited) {
      expect(doc.byAnchor.has(anchor), anchor).toBe(true);
      expect(doc.byAnchor.get(anchor)!.text.length, anchor).toBeGreaterThan(20);
    }
  });

  it("reads a section's formula, AWS source and code, and anchors written above a heading or inside a bullet", () => {
    const duration = doc.byAnchor.get("fargate-billing-duration")!;
    expect(duration.heading).toBe("Fargate billing duration");
    expect(duration.formulas).toContain("task-hours = tasks x runsPerDay x daysPerMonth x max(ceil(secondsPerRun), minimum) / 3600");
    expect(duration.source).toMatch(/^https:\/\/aws\.amazon\.com\/fargate\/pricing\/ \("rounded up to the nearest second"/);
    expect(duration.code).toContain("fargateTaskHours");
    expect(duration.text).not.toContain("- Source:");
    // <a id="comparing-estimates"></a> stands above "## Comparing estimates".
    expect(doc.byAnchor.get("comparing-estimates")!.heading).toBe("Comparing estimates");
    // <a id="logs"></a> opens a bullet of "Network and shared lines".
    const logs = doc.byAnchor.get("logs")!;
    expect(logs.parent).toBe("network-lines");
    expect(logs.text).toMatch(/^\*\*CloudWatch Logs\*\*/);
    expect(logs.urls).toEqual(["https://aws.amazon.com/cloudwatch/pricing/"]);
    expect(headingSlug("Rounding loss")).toBe("rounding-loss");
    expect(findSections(doc, "docs/billing-rules.md#ec2-packing").map((s) => s.anchor)).toEqual(["ec2-packing"]);
    expect(findSections(doc, "Fargate Spot").map((s) => s.anchor)).toContain("fargate-spot");
  });
});

describe("explain's map from options and lines to rules", () => {
  it(`covers every option and line of the ${examples.length} examples with anchors the document has`, () => {
    let lines = 0;
    for (const { file, result } of results) {
      for (const option of result.options) {
        const anchors = optionAnchors(option, result);
        expect(anchors.length, `${file} ${option.id}`).toBeGreaterThan(0);
        for (const a of anchors) expect(doc.byAnchor.has(a), `${file} ${option.id} -> #${a}`).toBe(true);
        for (const line of option.lines) {
          const la = lineAnchors(line, option, result);
          expect(la.length, `${file} ${option.id} ${line.label}`).toBeGreaterThan(0);
          for (const a of la) expect(doc.byAnchor.has(a), `${file} ${option.id} ${line.label} -> #${a}`).toBe(true);
          lines++;
        }
      }
    }
    expect(lines).toBeGreaterThan(200);
  });

  it("points each kind of line at its own rule", () => {
    const byLabel = new Map<string, string>();
    for (const { result } of results) for (const o of result.options) for (const l of o.lines) byLabel.set(`${o.id}|${l.label}`, lineAnchors(l, o, result)[0]!);
    const first = (prefix: string) => [...byLabel.entries()].find(([k]) => k.includes(prefix))?.[1];
    expect(first("Fargate Windows OS licence")).toBe("windows-on-fargate");
    expect(first("Fargate ephemeral storage")).toBe("ephemeral-storage");
    expect(first("ec2|EC2 instance")).toBe("ec2-purchase-options");
    expect(first("EBS gp3 root volume")).toBe("gp3-root-volume");
    expect(first("root volume grown for task storage")).toBe("ec2-task-storage");
    expect(first("management fee")).toBe("ecs-managed-instances");
    expect(first("surplus credits")).toBe("burstable-instances");
    // Load balancer hours cite the load balancer rule; capacity units (LCU-hours) also the rule that derives them.
    const all = new Map<string, string[]>();
    for (const { result } of results) for (const o of result.options) for (const l of o.lines) all.set(`${l.label}|${l.unit}`, lineAnchors(l, o, result));
    const lbLines = [...all.entries()].filter(([, a]) => a[0] === "load-balancers");
    expect(lbLines.filter(([k]) => k.endsWith("|load-balancer-hours")).every(([, a]) => a.length === 1)).toBe(true);
    expect(lbLines.some(([k, a]) => /\|N?LCU-hours$/.test(k) && a.includes("lb-from-requests"))).toBe(true);
    expect(first("EKS control plane")).toBe("eks-cluster-fee");
    expect(first("NAT gateway")).toBe("network-lines");
    expect(first("Application Load Balancer")).toBe("load-balancers");
    expect(first("Data transfer out")).toBe("data-transfer");
  });
});

describe("warnings by code", () => {
  it("gives every warning of the examples a known code and an anchor the document has", () => {
    const seen = new Set<string>();
    for (const { file, result } of results) {
      for (const group of warningsByCode(result.warnings, result.warningCodes)) {
        expect(group.code, `${file}: ${group.messages[0]}`).not.toBe("other");
        expect(doc.byAnchor.has(group.anchor), group.anchor).toBe(true);
        seen.add(group.code);
      }
    }
    expect(seen.size).toBeGreaterThan(6);
    expect(warningsByCode(["Something new the engine says."])).toEqual([{ code: "other", anchor: "rate-warnings", messages: ["Something new the engine says."] }]);
    // Every engine warning code's group points at a section the document has.
    for (const kind of Object.values(WARNING_KINDS)) expect(doc.byAnchor.has(kind.anchor), kind.anchor).toBe(true);
  });
});

describe("size limits", () => {
  it("are the routes' own", () => {
    expect(MAX_INPUT_JSON_CHARS).toBe(MAX_BODY_BYTES);
    expect(MAX_IAC_CHARS).toBe(MAX_IAC_BODY_BYTES);
    expect(MAX_MANIFEST_CHARS).toBe(MAX_MANIFEST_BYTES);
    expect(MAX_COMPARE_SIDE_CHARS).toBe(MAX_IMPORT_BYTES);
    // One HTTP message carries the largest payload (5 MB of IaC text) with room for JSON escaping and the envelope.
    expect(MAX_MCP_MESSAGE_BYTES).toBeGreaterThan(MAX_IAC_BODY_BYTES);
  });
});
