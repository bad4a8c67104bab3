// ESLint (flat config): Next.js's own rules (core web vitals + TypeScript) and the import boundaries that keep
// the layers one-directional. `npm run lint`; npm test runs it as its own stage. tests/unit/lint proves each
// boundary rule fires.
import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/** Packages `lib/` must not import: it is pure domain code, also run by the CLIs and the API. */
const FRAMEWORK_PACKAGES = ["react", "react-dom", "next"];
const FRAMEWORK_PATTERNS = ["react/*", "react-dom/*", "next/*"];

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
      "no-restricted-imports": [
        "error",
        {
          paths: FRAMEWORK_PACKAGES.map((name) => ({ name, message: "lib/ is framework-free domain code: no react or next here." })),
          patterns: [{ group: FRAMEWORK_PATTERNS, message: "lib/ is framework-free domain code: no react or next here." }],
        },
      ],
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./lib", from: "./app", message: "lib/ never imports from app/: the dependency goes app -> components -> lib." },
            { target: "./lib", from: "./components", message: "lib/ never imports from components/: the dependency goes app -> components -> lib." },
          ],
        },
      ],
    },
  },
  {
    // The Model Context Protocol stays at the edge: lib/mcp puts the domain code behind the SDK, nothing else in
    // lib/ speaks the protocol (the framework rule above is restated: a later block replaces the rule's options).
    files: ["lib/**/*.{ts,tsx,js,mjs}"],
    ignores: ["lib/mcp/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: FRAMEWORK_PACKAGES.map((name) => ({ name, message: "lib/ is framework-free domain code: no react or next here." })),
          patterns: [
            { group: FRAMEWORK_PATTERNS, message: "lib/ is framework-free domain code: no react or next here." },
            { group: ["@modelcontextprotocol/*"], message: "The MCP SDK is used only in lib/mcp (and the transports in bin/ and app/api/mcp)." },
          ],
        },
      ],
    },
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
