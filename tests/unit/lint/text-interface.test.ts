/**
 * Text is not an interface (issue 20): nothing in lib/ decides anything by reading a label, message, why or reason
 * (`.endsWith(`, `.startsWith(`, `.includes(`, `.replace(`, `.match(`, `.split(` on one, or a regex `.test(` /
 * `.exec(` of one). Warnings and reasons are codes with parameters (lib/schemas/messages.ts); lines get charge ids.
 * The few places still listed below are known and named, each with why; a new one fails here, and so does an entry
 * whose code is gone (remove it when the place is fixed).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const LIB = path.join(ROOT, "lib");

const TEXT = String.raw`(?:label|message|why|reason|labels|messages|reasons)`;
const STRING_OPS = String.raw`(?:endsWith|startsWith|includes|replace|replaceAll|match|matchAll|split|search)`;
/** `label.includes(`, `line.label?.endsWith(`, `o.reason.replace(`, `(x.label ?? "").startsWith(`. */
const ON_TEXT = new RegExp(String.raw`\b${TEXT}(?:\s*\?\?\s*"[^"]*"\))?\??\.${STRING_OPS}\(`);
/** `/re/.test(w.message)`, `re.exec(line.label ?? "")`. */
const REGEX_OF_TEXT = new RegExp(String.raw`\.(?:test|exec)\(\s*(?:[\w$]+(?:\??\.))*${TEXT}\b`);

export interface Finding {
  file: string;
  line: number;
  text: string;
}

/** The lines of `source` that read a label, message, why or reason as an interface. */
export function scanSource(file: string, source: string): Finding[] {
  const out: Finding[] = [];
  source.split("\n").forEach((text, i) => {
    const code = text.replace(/\/\/.*$/, "");
    if (/^\s*\*/.test(code)) return; // a comment line
    if (ON_TEXT.test(code) || REGEX_OF_TEXT.test(code)) out.push({ file, line: i + 1, text: text.trim() });
  });
  return out;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** Known places, by file and a piece of the line: each says why it is still there. */
const KNOWN: Array<{ file: string; snippet: string; why: string }> = [
  { file: "lib/import/k8s.ts", snippet: "hpa.at.label.replace(", why: "the HPA's name from its document label (an import note, not an interface to the engine)" },
  { file: "lib/present/field-labels.ts", snippet: `label.replace("{unit}", unit)`, why: "fills the form's own label templates ({unit}, {Units}); presentation text, read nowhere" },
  { file: "lib/present/answer.ts", snippet: "re.exec(why)", why: "shows the recommendation's why as its first sentence and the rest behind Details: display only, nothing acts on it" },
  { file: "lib/actual/read.ts", snippet: "error.message", why: "a Parquet library's exception text, shown only when it is short and plain" },
  { file: "lib/import/iac-yaml.ts", snippet: "e.message.split(", why: "the YAML library's error text: its first line is shown" },
  { file: "lib/import/yaml-documents.ts", snippet: "message.split(", why: "the YAML library's error text: its first line is shown" },
  { file: "lib/import/yaml-documents.ts", snippet: "error.message", why: "the YAML library's alias-bomb error, recognised by its text (the library has no error code)" },
];

const known = (f: Finding) => KNOWN.find((k) => k.file === f.file && f.text.includes(k.snippet));

describe("no label, message, why or reason read as an interface in lib/", () => {
  const findings = sourceFiles(LIB).flatMap((file) => scanSource(path.relative(ROOT, file).split(path.sep).join("/"), fs.readFileSync(file, "utf8")));

  it("finds nothing but the known places", () => {
    expect(findings.filter((f) => !known(f)).map((f) => `${f.file}:${f.line}: ${f.text}`)).toEqual([]);
  });

  it("lists no known place that is gone", () => {
    expect(KNOWN.filter((k) => !findings.some((f) => f.file === k.file && f.text.includes(k.snippet))).map((k) => `${k.file}: ${k.snippet}`)).toEqual([]);
  });

  it("catches a planted example and lets other text alone", () => {
    const planted = [
      `if (line.label?.endsWith("while no environment runs")) continue;`,
      `const spot = o.label.includes("spot");`,
      `return text.replace(/x/, "y") + w.message.replace("a", "b");`,
      `if (/^No option/.test(warning.message)) code = "x";`,
      `const m = /\\((.*)\\)$/.exec(instanceLine?.label ?? "");`,
      `if (option.reason?.startsWith("services[")) {}`,
      `const parts = plan.why.split("; ");`,
      `for (const part of option.plan.why.split("; ")) {}`,
      `if ((l.label ?? "").startsWith("EC2")) {}`,
    ];
    for (const line of planted) expect(scanSource("lib/probe.ts", line), line).toHaveLength(1);
    const fine = [
      `const types = catalog.ec2.instanceTypes.includes(type);`,
      `if (name.startsWith("t3")) {}`,
      ` * a comment that says label.includes("x") is not code`,
      `const label = \`\${what} hours\`; // label.includes( in a trailing comment`,
      `warnings.add(message("old-price", { prices }));`,
    ];
    for (const line of fine) expect(scanSource("lib/probe.ts", line), line).toEqual([]);
  });
});
