/**
 * The import boundaries of eslint.config.mjs fire: snippets linted in memory through ESLint's Node API, each
 * placed at a path under the folder it claims to be in (nothing is written to disk). Each forbidden import
 * gives an error of the boundary rule; the allowed imports next to them give none, so a rule that matched
 * everything would fail here too.
 */
import path from "node:path";
import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary errors (rule id + message) ESLint reports for `code` as if it were the file at `file`. */
async function boundaryErrors(file: string, code: string): Promise<Array<{ rule: string | null; message: string }>> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.severity === 2 && (m.ruleId === "no-restricted-imports" || m.ruleId === "import/no-restricted-paths" || m.fatal))
    .map((m) => ({ rule: m.ruleId, message: m.message }));
}

describe("import boundaries (eslint.config.mjs)", () => {
  it("lib/ imports no react, react-dom, next or next/*", async () => {
    for (const spec of ["react", "react-dom/client", "next", "next/server", "next/navigation"]) {
      const errors = await boundaryErrors("lib/engine/lint-probe.ts", `import * as m from "${spec}";\nexport const x = m;\n`);
      expect(errors, spec).toEqual([{ rule: "no-restricted-imports", message: expect.stringContaining("lib/ is framework-free") }]);
    }
  });

  it("only lib/mcp imports the MCP SDK", async () => {
    const line = `import { Server } from "@modelcontextprotocol/sdk/server/index.js";\nexport const x = Server;\n`;
    expect(await boundaryErrors("lib/engine/lint-probe.ts", line)).toEqual([{ rule: "no-restricted-imports", message: expect.stringContaining("only in lib/mcp") }]);
    expect(await boundaryErrors("lib/mcp/lint-probe.ts", line)).toEqual([]);
    // The framework rule still holds in lib/mcp.
    expect(await boundaryErrors("lib/mcp/lint-probe.ts", `import * as m from "next/server";\nexport const x = m;\n`)).toEqual([
      { rule: "no-restricted-imports", message: expect.stringContaining("lib/ is framework-free") },
    ]);
  });

  it("lib/ imports nothing from app/ or components/, by alias or by relative path", async () => {
    const cases = [
      `import { formatUSD } from "@/components/ui/fields";`,
      `import type { Kit } from "../../components/estimator/types";`,
      `import { GET } from "@/app/api/health/route";`,
      `import { GET } from "../../app/api/health/route";`,
    ];
    for (const line of cases) {
      const errors = await boundaryErrors("lib/engine/lint-probe.ts", `${line}\nexport const x = 1;\n`);
      expect(errors, line).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("lib/ never imports from") }]);
    }
  });

  it("lib/charges is the bottom of lib/: it imports nothing from the rest of lib, which all may import it", async () => {
    for (const line of [`import { z } from "../security/zod";`, `import type { RegionCatalog } from "../catalog/schema";`, `import { formatUSD } from "../money";`]) {
      const errors = await boundaryErrors("lib/charges/lint-probe.ts", `${line}\nexport const x = 1;\n`);
      expect(errors, line).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("lib/charges (each AWS charge defined once) is the bottom") }]);
    }
    expect(await boundaryErrors("lib/charges/lint-probe.ts", `import { CHARGE_IDS } from "./ids";\nexport const x = CHARGE_IDS;\n`)).toEqual([]);
    for (const folder of ["schemas", "catalog", "engine", "export", "actual"]) {
      expect(await boundaryErrors(`lib/${folder}/lint-probe.ts`, `import { CHARGES } from "../charges";\nexport const x = CHARGES;\n`), folder).toEqual([]);
    }
  });

  it("components/ imports nothing from app/", async () => {
    const errors = await boundaryErrors("components/ui/lint-probe.tsx", `import { GET } from "@/app/api/health/route";\nexport const x = GET;\n`);
    expect(errors).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("components/ never imports from app/") }]);
  });

  it("a shared chart imports nothing from a page's folder", async () => {
    const errors = await boundaryErrors("components/charts/LintProbeChart.tsx", `import type { Kit } from "@/components/estimator/types";\nexport type X = Kit;\n`);
    expect(errors).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("Charts are shared") }]);
  });

  it("a *Chart*.tsx inside a page's folder does not import that page's container or kit", async () => {
    for (const line of [`import Rightsize from "./Rightsize";`, `import { buildCurve } from "../estimator/kit";`]) {
      const errors = await boundaryErrors("components/rightsize/LintProbeChart.tsx", `${line}\nexport const x = 1;\n`);
      expect(errors, line).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("never imports a page's container or kit") }]);
    }
  });

  it("the allowed directions give no boundary error", async () => {
    expect(await boundaryErrors("lib/engine/lint-probe.ts", `import { z } from "../security/zod";\nimport { formatUSD } from "@/lib/format";\nimport type { RegionCatalog } from "../catalog/schema";\nexport const x = [z, formatUSD];\nexport type R = RegionCatalog;\n`)).toEqual([]);
    expect(await boundaryErrors("lib/security/zod.ts", `import * as z from "zod";\nexport { z };\n`)).toEqual([]);
    expect(await boundaryErrors("lib/pipeline/lint-probe.ts", `import { estimate } from "../engine/estimate";\nimport { encodeShareToken } from "../share/codec";\nexport const x = [estimate, encodeShareToken];\n`)).toEqual([]);
    expect(await boundaryErrors("lib/pipeline/lint-probe.ts", `import { draftToRaw } from "../form/to-raw";\nexport const x = draftToRaw;\n`)).toEqual([]);
    expect(await boundaryErrors("lib/form/lint-probe.ts", `import type { EstimateInput } from "../schemas/estimate";\nimport { hourText } from "../schemas/weekdays";\nimport { parseNumberText } from "../number-text";\nexport const x = [hourText, parseNumberText];\nexport type I = EstimateInput;\n`)).toEqual([]);
    expect(await boundaryErrors("components/ui/lint-probe.tsx", `import { useState } from "react";\nimport { formatUSD } from "@/lib/format";\nexport const x = [useState, formatUSD];\n`)).toEqual([]);
    expect(await boundaryErrors("components/charts/LintProbeChart.tsx", `import { SERIES } from "./data";\nexport const x = SERIES;\n`)).toEqual([]);
    expect(await boundaryErrors("app/lint-probe.tsx", `import Estimator from "@/components/estimator/Estimator";\nexport const x = Estimator;\n`)).toEqual([]);
  });

  it("the engine imports nothing from the layers that read or present an estimate", async () => {
    // The rule resolves the import, so each probe names a module that exists.
    for (const target of ["pipeline/estimate", "form/draft", "form/to-raw", "share/codec", "present/estimate", "export/csv", "compare/compare", "regions/compare", "commitment/index", "rightsize/apply", "import/k8s"]) {
      for (const spec of [`../${target}`, `@/lib/${target}`]) {
        const errors = await boundaryErrors("lib/engine/lint-probe.ts", `import { x as y } from "${spec}";\nexport const x = y;\n`);
        expect(errors, spec).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("The engine imports nothing from") }]);
      }
    }
  });

  it("the contract and the catalog import nothing from the engine or above", async () => {
    for (const [file, spec] of [
      ["lib/schemas/lint-probe.ts", "../engine/estimate"],
      ["lib/schemas/lint-probe.ts", "../share/codec"],
      ["lib/catalog/lint-probe.ts", "@/lib/engine/rules"],
      ["lib/catalog/lint-probe.ts", "../pipeline/region-catalog"],
    ] as const) {
      const errors = await boundaryErrors(file, `import { x as y } from "${spec}";\nexport const x = y;\n`);
      expect(errors, `${file} <- ${spec}`).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("are the bottom layer") }]);
    }
  });

  it("the share-link codec imports nothing from the layers that use it", async () => {
    for (const spec of ["../pipeline/region-catalog", "../rightsize/apply", "../present/estimate", "../export/csv"]) {
      const errors = await boundaryErrors("lib/share/lint-probe.ts", `import { x as y } from "${spec}";\nexport const x = y;\n`);
      expect(errors, spec).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("lib/share is the link codec") }]);
    }
  });

  it("the share-link codec imports nothing from the form model", async () => {
    for (const spec of ["../form/draft", "@/lib/form/from-input"]) {
      const errors = await boundaryErrors("lib/share/lint-probe.ts", `import { x as y } from "${spec}";\nexport const x = y;\n`);
      expect(errors, spec).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("lib/share is the link codec") }]);
    }
  });

  it("the form model reads the contract only: nothing from the engine, the catalog, the link codec or the layers that present", async () => {
    for (const spec of ["../engine/estimate", "../catalog/parse", "../share/codec", "@/lib/share/codec-url", "../pipeline/estimate", "../present/estimate", "../rightsize/form", "../examples/gallery"]) {
      const errors = await boundaryErrors("lib/form/lint-probe.ts", `import { x as y } from "${spec}";\nexport const x = y;\n`);
      expect(errors, spec).toEqual([{ rule: "import/no-restricted-paths", message: expect.stringContaining("lib/form is the estimator form's model") }]);
    }
  });

  it("zod is imported only through lib/security/zod.ts, in lib/, components/ and app/", async () => {
    for (const file of ["lib/schemas/lint-probe.ts", "components/estimator/lint-probe.tsx", "app/api/lint-probe/route.ts"]) {
      const errors = await boundaryErrors(file, `import { z } from "zod";\nexport const x = z;\n`);
      expect(errors, file).toEqual([{ rule: "no-restricted-imports", message: expect.stringContaining("lib/security/zod.ts") }]);
    }
  });
});
