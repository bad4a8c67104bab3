/** POST /api/import/k8s: manifests in, { input, notes } out; 400 / 413 / 415 with field errors, never a 5xx. */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/import/k8s/route";
import { POST as estimate } from "@/app/api/estimate/route";
import { MAX_MANIFEST_BYTES } from "@/lib/import/yaml-documents";
import { EstimateInputSchema, EstimateResultSchema } from "@/lib/schemas/estimate";
import { hostileManifests } from "@/tests/support/hostile-manifests";

const root = path.resolve(import.meta.dirname, "../../..");
const manifests = readFileSync(path.join(root, "examples/k8s/web-and-report.yaml"), "utf8");

const post = (body: BodyInit | null, headers: Record<string, string> = { "content-type": "application/yaml" }, query = "") =>
  POST(new Request(`http://127.0.0.1/api/import/k8s${query}`, { method: "POST", body, headers }));

async function errorsOf(res: Response): Promise<{ path: string; message: string }[]> {
  const body = (await res.json()) as { errors: { path: string; message: string }[] };
  return body.errors;
}

describe("POST /api/import/k8s", () => {
  it("200: the example's Deployment and CronJob -> an EKS input with two services and the notes; the input prices through POST /api/estimate", async () => {
    const res = await post(manifests);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { input: unknown; notes: string[] };
    const input = EstimateInputSchema.parse(body.input);
    expect(input.orchestrator).toBe("eks");
    expect(input.services.map((s) => [s.name, s.tasks, s.source])).toEqual([
      ["web", 3, "Deployment/web (namespace shop)"],
      ["report", 1, "CronJob/report (namespace shop)"],
    ]);
    expect(body.notes.some((n) => n.includes("(Service/web): skipped"))).toBe(true);
    const priced = await estimate(new Request("http://127.0.0.1/api/estimate", { method: "POST", body: JSON.stringify(body.input), headers: { "content-type": "application/json" } }));
    expect(priced.status).toBe(200);
    expect(EstimateResultSchema.parse(await priced.json()).input.services).toHaveLength(2);
  });

  it.each(["text/yaml", "application/x-yaml", "text/plain; charset=utf-8", "application/json"])("accepts Content-Type %s", async (type) => {
    expect((await post(manifests, { "content-type": type })).status).toBe(200);
  });

  it("query options: region, catalog, daemonSetNodes, jobRunSeconds; bad ones are 400 naming the parameter", async () => {
    const res = await post(manifests, undefined, "?region=eu-west-1&catalog=2026-12-01&daemonSetNodes=5&jobRunSeconds=60");
    expect(((await res.json()) as { input: { region: string; catalog: string } }).input).toMatchObject({ region: "eu-west-1", catalog: "2026-12-01" });
    const bad = await post(manifests, undefined, "?region=mars&daemonSetNodes=-1");
    expect(bad.status).toBe(400);
    expect((await errorsOf(bad)).map((e) => e.path)).toEqual(["(query).region", "(query).daemonSetNodes"]);
  });

  it("400: bad YAML names the document, the field and the line", async () => {
    const res = await post(manifests.replace("cpu: 500m", "cpu: 500 millicores"));
    expect(res.status).toBe(400);
    const errors = await errorsOf(res);
    expect(errors).toEqual([{ path: "documents[0] (Deployment/web).spec.template.spec.containers[0].resources.requests.cpu", code: "invalid", message: expect.stringMatching(/got "500 millicores" \(line 25\)$/) }]);
  });

  it("400 for an empty body and for bytes that are not UTF-8", async () => {
    expect((await errorsOf(await post(""))).at(0)?.message).toMatch(/is empty/);
    const notUtf8 = await post(new Uint8Array([0x6b, 0x69, 0xff, 0xfe, 0x3a]));
    expect(notUtf8.status).toBe(400);
    expect((await errorsOf(notUtf8))[0]?.message).toMatch(/not valid UTF-8/);
  });

  it("413 above 1 MiB (declared or read); 415 for another content type", async () => {
    const big = "# padding\n".repeat(MAX_MANIFEST_BYTES / 10 + 1);
    expect((await post(big)).status).toBe(413);
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(big));
        c.close();
      },
    });
    const streamed = await POST(new Request("http://127.0.0.1/api/import/k8s", { method: "POST", body: stream, headers: { "content-type": "text/yaml" }, duplex: "half" } as RequestInit));
    expect(streamed.status).toBe(413);
    const wrongType = await post(manifests, { "content-type": "application/x-www-form-urlencoded" });
    expect(wrongType.status).toBe(415);
    expect((await errorsOf(wrongType))[0]?.path).toBe("(headers).content-type");
  });

  it("every hostile manifest under 1 MiB is a 400 with errors, never a 5xx (the larger ones are 413)", async () => {
    for (const { label, text } of hostileManifests()) {
      const res = await post(text);
      expect([400, 413], label).toContain(res.status);
      expect((await errorsOf(res)).length, label).toBeGreaterThan(0);
    }
  }, 60_000);
});
