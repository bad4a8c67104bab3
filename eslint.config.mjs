import { readdirSync } from "node:fs";
// ESLint (flat config): Next.js's own rules (core web vitals + TypeScript) and the import boundaries that keep
// the layers one-directional. `npm run lint`; npm test runs it as its own stage. tests/unit/lint proves each
// boundary rule fires.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Packages `lib/` must not import: it is pure domain code, also run by the CLIs and the API. */
const FRAMEWORK_PACKAGES = ["react", "react-dom", "next"];
const FRAMEWORK_PATTERNS = ["react/*", "react-dom/*", "next/*"];

/**
 * zod is imported only by lib/security/zod.ts, which sets its browser switch before any parser can run (see that
 * file); everything else imports `z` from there, so no chunk of first-load code can parse before the switch.
 */
const ZOD_ONLY_THROUGH_SECURITY = {
  name: "zod",
  message: "Import z from lib/security/zod.ts (it configures zod for the browser's CSP before anything parses).",
};

const FRAMEWORK_MESSAGE = "lib/ is framework-free domain code: no react or next here.";

/** The packages a lib/ file may not import; `zod` and `mcp` say which of the two exceptions this file is. */
function libImportBans({ zod, mcp }) {
  return [
    "error",
    {
      paths: [...FRAMEWORK_PACKAGES.map((name) => ({ name, message: FRAMEWORK_MESSAGE })), ...(zod ? [] : [ZOD_ONLY_THROUGH_SECURITY])],
      patterns: [
        { group: FRAMEWORK_PATTERNS, message: FRAMEWORK_MESSAGE },
        ...(mcp ? [] : [{ group: ["@modelcontextprotocol/*"], message: "The MCP SDK is used only in lib/mcp (and the transports in bin/ and app/api/mcp)." }]),
      ],
    },
  ];
}

/**
 * The layers inside lib/, bottom up: the contract (schemas) and the price data (catalog) -> the engine -> everything
 * that reads or presents an estimate (pipeline, form, share, present, export, compare, regions, commitment,
 * rightsize, import, ...). A folder never imports from a layer above it; tests/unit/lint proves each zone fires and
 * that lib/ has no folder-level import cycle. The form model (lib/form) sits on the contract alone: the pipeline
 * and the pages use it, and it uses neither the engine nor the link codec (lib/share), which does not use it either.
 */
const ABOVE_THE_ENGINE = ["pipeline", "form", "share", "present", "export", "compare", "regions", "commitment", "rightsize", "import", "mcp", "actual"].map((f) => `./lib/${f}`);
const LIB_LAYER_ZONES = [
  {
    // The charge definitions are data every layer reads (the contract, the catalog, the engine, exports, the bill).
    target: "./lib/charges",
    from: readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true }).filter((d) => d.name !== "charges").map((d) => `./lib/${d.name}`),
    message: "lib/charges (each AWS charge defined once) is the bottom of lib/: it imports nothing from the rest of lib.",
  },
  { target: "./lib/engine", from: ABOVE_THE_ENGINE, message: "The engine imports nothing from the layers that read or present an estimate (pipeline, form, share, present, export, ...)." },
  {
    target: ["./lib/schemas", "./lib/catalog", "./lib/messages"],
    from: ["./lib/engine", ...ABOVE_THE_ENGINE],
    message: "The contract (lib/schemas), the price catalog (lib/catalog) and the messages' English (lib/messages) are the bottom layer: they import nothing from the engine or above.",
  },
  {
    target: "./lib/share",
    from: ["./lib/form", "./lib/pipeline", "./lib/present", "./lib/export", "./lib/compare", "./lib/regions", "./lib/rightsize", "./lib/commitment"],
    message: "lib/share is the link codec: it imports nothing from the form model (a link carries the input, not the draft) or the layers that use it (pipeline, present, export, compare, regions, rightsize).",
  },
  {
    target: "./lib/form",
    from: ["./lib/engine", "./lib/catalog", ...ABOVE_THE_ENGINE.filter((f) => f !== "./lib/form"), "./lib/presets", "./lib/pricebook", "./lib/schedule", "./lib/examples"],
    message: "lib/form is the estimator form's model (draft <-> input, one field table): it reads the contract (lib/schemas) and nothing that prices, estimates, links or presents (engine, catalog, pipeline, share, present, ...).",
  },
];

/** Pages (the route files in app/) and each page's own folder of client components. */
const PAGE_FOLDERS = ["./app", "./components/estimator", "./components/rightsize", "./components/catalog"];
/** A page's internals: its route files, its container component and its lazily loaded kit (globs only). */
const PAGE_INTERNALS = ["./app/**", "./components/*/kit.ts", "./components/{estimator/Estimator,rightsize/Rightsize}.tsx"];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([".next/**", "node_modules/**", "out/**", "build/**", "next-env.d.ts", "test-results/**", "playwright-report/**", ".ci-out/**", "bench/**", "data/**", "coverage/**"]),
  {
    // CommonJS (the package is not "type": "module"): require() is this file's import syntax.
    files: ["next.config.js"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["lib/**/*.{ts,tsx,js,mjs}"],
    rules: {
      "no-restricted-imports": libImportBans({ zod: false, mcp: false }),
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports from app/: the dependency goes app -> components -> lib." },
            { target: "./lib", from: "./components", message: "lib/ never imports from components/: the dependency goes app -> components -> lib." },
            ...LIB_LAYER_ZONES,
          ],
        },
      ],
    },
  },
  {
    // The one module that imports zod itself.
    files: ["lib/security/zod.ts"],
    rules: { "no-restricted-imports": libImportBans({ zod: true, mcp: false }) },
  },
  {
    // The Model Context Protocol stays at the edge: lib/mcp puts the domain code behind the SDK, nothing else in
    // lib/ speaks the protocol.
    files: ["lib/mcp/**/*.{ts,tsx,js,mjs}"],
    rules: { "no-restricted-imports": libImportBans({ zod: false, mcp: true }) },
  },
  {
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { paths: [ZOD_ONLY_THROUGH_SECURITY] }] },
  },
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./components", from: "./app", message: "components/ never imports from app/: pages compose components, not the other way round." },
            {
              target: "./components/charts",
              from: PAGE_FOLDERS,
              message: "Charts are shared and take their data as props: no imports from a page or a page's folder.",
            },
            {
              target: "./components/**/*Chart*.tsx",
              from: PAGE_INTERNALS,
              message: "A chart takes its data as props: it never imports a page's container or kit.",
            },
          ],
        },
      ],
    },
  },
]);
