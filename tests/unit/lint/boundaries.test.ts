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
    expect(await boundaryErrors("lib/engine/lint-probe.ts", `import { z } from "zod";\nimport { formatUSD } from "@/lib/format";\nexport const x = [z, formatUSD];\n`)).toEqual([]);
    expect(await boundaryErrors("components/ui/lint-probe.tsx", `import { useState } from "react";\nimport { formatUSD } from "@/lib/format";\nexport const x = [useState, formatUSD];\n`)).toEqual([]);
    expect(await boundaryErrors("components/charts/LintProbeChart.tsx", `import { SERIES } from "./data";\nexport const x = SERIES;\n`)).toEqual([]);
    expect(await boundaryErrors("app/lint-probe.tsx", `import Estimator from "@/components/estimator/Estimator";\nexport const x = Estimator;\n`)).toEqual([]);
  });
});
