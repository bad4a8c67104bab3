/**
 * Untrusted multi-document YAML -> plain values, safely (docs/kubernetes-import.md#safety). Parsed with the
 * `yaml` package (YAML 1.2 core schema, merge keys as kubectl reads them, unique keys) behind limits that
 * keep every input cheap: at most MAX_MANIFEST_BYTES, MAX_DOCUMENTS documents, MAX_NESTING levels (checked on
 * the text before parsing, so the parser never recurses deeply), aliases that expand to at most
 * MAX_ALIAS_COUNT nodes ("billion laughs"), no tags beyond the core schema's (no !!js/function,
 * !!python/object, !!binary, local !tags). Every problem is a FieldError naming the document and the line.
 * Pure; never throws.
 */
import { isNode, LineCounter, parseAllDocuments, visit, type Document } from "yaml";
import type { FieldError } from "../field-errors";
import { MAX_ALIAS_COUNT, MAX_DOCUMENTS, MAX_MANIFEST_BYTES, MAX_NESTING } from "./limits";

export { MAX_ALIAS_COUNT, MAX_DOCUMENTS, MAX_MANIFEST_BYTES, MAX_NESTING };
/** Reporting stops after this many problems (the first ones are the useful ones). */
const MAX_ERRORS = 50;

const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

export interface YamlDocument {
  /** 0-based position in the stream (empty documents keep their number). */
  index: number;
  value: unknown;
  /** The 1-based line of the value at `keys` (or of its nearest parent that exists), for messages. */
  lineOf(keys: ReadonlyArray<string | number>): number | null;
}

export type YamlReadOutcome = { ok: true; documents: YamlDocument[] } | { ok: false; errors: FieldError[] };

/** Characters YAML does not allow in a stream (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF). */
const FORBIDDEN_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]/;

function utf8Length(text: string): number {
  // Exact without allocating: 1 byte below U+0080, 2 below U+0800, 3 for the rest of the BMP, 4 per surrogate pair.
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * How deeply the text nests, without parsing it: flow brackets outside quoted scalars and comments, and block
 * indentation levels (each "- " starting a line counts as a level). Returns the first line that goes deeper
 * than `limit`, or null. A conservative check: real manifests nest about 15 levels.
 */
export function firstTooDeepLine(text: string, limit: number): number | null {
  let flow = 0;
  let line = 1;
  let quote: "'" | '"' | null = null;
  let atLineStart = true;
  let lineStartIndex = 0;
  const indents: number[] = [];
  let prevSignificant = "\n";
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === "\n") {
      line++;
      atLineStart = true;
      lineStartIndex = i + 1;
      prevSignificant = "\n";
      continue;
    }
    if (quote) {
      if (quote === '"' && ch === "\\") i++;
      else if (ch === quote) {
        if (quote === "'" && text[i + 1] === "'") i++;
        else quote = null;
      }
      continue;
    }
    if (atLineStart) {
      if (ch === " " || ch === "\t") continue;
      atLineStart = false;
      if (ch !== "#" && flow === 0) {
        // Block depth: pop the levels this line is not inside, then count this line's level and its "- " markers.
        let indent = i - lineStartIndex;
        while (indents.length > 0 && (indents[indents.length - 1] as number) >= indent) indents.pop();
        indents.push(indent);
        let j = i;
        while ((text[j] === "-" || text[j] === "?") && (text[j + 1] === " " || text[j + 1] === "\t")) {
          j += 2;
          while (text[j] === " " || text[j] === "\t") j++;
          indent = j - lineStartIndex;
          indents.push(indent);
        }
        if (indents.length > limit) return line;
      }
    }
    if (ch === "#" && (prevSignificant === "\n" || text[i - 1] === " " || text[i - 1] === "\t")) {
      const end = text.indexOf("\n", i);
      if (end < 0) break;
      i = end - 1;
      continue;
    }
    if ((ch === "'" || ch === '"') && /[\n:,[{\-?]/.test(prevSignificant)) {
      quote = ch;
      continue;
    }
    if (ch === "[" || ch === "{") {
      flow++;
      if (flow + indents.length > limit) return line;
    } else if ((ch === "]" || ch === "}") && flow > 0) flow--;
    if (ch !== " " && ch !== "\t") prevSignificant = ch;
  }
  return null;
}

/**
 * An upper bound on the documents before parsing: "---" (start) and "..." (end) lines at column 0; a stream with
 * more than MAX_DOCUMENTS of either is refused without being parsed.
 */
function countDocumentMarkers(text: string): number {
  const count = (re: RegExp) => {
    let n = 0;
    while (re.exec(text) !== null) n++;
    return n;
  };
  return Math.max(count(/^---(?=[ \t\r\n]|$)/gm), count(/^\.\.\.(?=[ \t\r\n]|$)/gm));
}

function firstLine(message: string): string {
  const line = message.split("\n")[0] ?? message;
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

function documentErrors(doc: Document.Parsed, index: number, lines: LineCounter): FieldError[] {
  const out: FieldError[] = [];
  const at = (offset: number) => {
    const pos = lines.linePos(offset);
    return `line ${pos.line}, column ${pos.col}`;
  };
  for (const e of doc.errors) {
    const message =
      e.code === "DUPLICATE_KEY"
        ? "repeats a key in the same mapping (every key must be unique)"
        : e.code === "RESOURCE_EXHAUSTION"
          ? "is too large or nests too deeply to read"
          : `is not valid YAML: ${firstLine(e.message)}`;
    out.push({ path: `documents[${index}]`, message: `${at(e.pos[0])}: ${message}` });
  }
  if (out.length > 0) return out;
  visit(doc, {
    Node(_key, node) {
      const tag = (node as { tag?: string }).tag;
      if (tag !== undefined && !CORE_TAGS.has(tag)) {
        const range = (node as { range?: [number, number, number] }).range;
        const shown = tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
        out.push({
          path: `documents[${index}]`,
          message: `${range ? `${at(range[0])}: ` : ""}uses the tag ${shown.slice(0, 80)}: tags that build objects or binary data are not read (only plain YAML: strings, numbers, booleans, null, mappings, lists)`,
        });
        if (out.length >= 10) return visit.BREAK;
      }
      return undefined;
    },
  });
  return out;
}

function lineFinder(doc: Document.Parsed, lines: LineCounter): (keys: ReadonlyArray<string | number>) => number | null {
  return (keys) => {
    try {
      for (let n = keys.length; n >= 0; n--) {
        const node: unknown = n === 0 ? doc.contents : doc.getIn(keys.slice(0, n), true);
        const range = isNode(node) ? node.range : undefined;
        if (range) return lines.linePos(range[0]).line;
      }
    } catch {
      // getIn through an alias or a scalar: no position, the message goes without a line.
    }
    return null;
  };
}

/** Text -> the documents' values, or every problem (size, binary data, depth, YAML syntax, tags, aliases). */
export function readYamlDocuments(input: string): YamlReadOutcome {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const bytes = utf8Length(text);
  if (bytes > MAX_MANIFEST_BYTES) return { ok: false, errors: [{ path: "(file)", message: `is too large (${bytes} bytes; at most ${MAX_MANIFEST_BYTES} bytes = 1 MiB)` }] };
  if (text.trim() === "") return { ok: false, errors: [{ path: "(file)", message: "is empty: paste or upload Kubernetes manifests (YAML)" }] };
  const forbidden = FORBIDDEN_CHARS.exec(text);
  if (forbidden) {
    const code = forbidden[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return { ok: false, errors: [{ path: "(file)", message: `line ${lineAt(text, forbidden.index)}: contains the control character U+${code}: this looks like binary data, not a YAML manifest` }] };
  }
  const markers = countDocumentMarkers(text);
  if (markers > MAX_DOCUMENTS) return { ok: false, errors: [{ path: "(file)", message: `holds ${markers} documents ("---" or "..." lines); at most ${MAX_DOCUMENTS} are read` }] };
  const deep = firstTooDeepLine(text, MAX_NESTING);
  if (deep !== null) return { ok: false, errors: [{ path: "(file)", message: `line ${deep}: nests deeper than ${MAX_NESTING} levels (a Kubernetes manifest nests about 15)` }] };

  const lines = new LineCounter();
  let parsed;
  try {
    parsed = parseAllDocuments(text, {
      version: "1.2",
      schema: "core",
      merge: true,
      uniqueKeys: true,
      stringKeys: true,
      resolveKnownTags: false,
      prettyErrors: false,
      strict: true,
      logLevel: "silent",
      lineCounter: lines,
    });
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `could not be read as YAML (${firstLine(error instanceof Error ? error.message : String(error))})` }] };
  }
  const docs = Array.isArray(parsed) ? parsed : [];
  if (docs.length > MAX_DOCUMENTS) return { ok: false, errors: [{ path: "(file)", message: `holds ${docs.length} documents; at most ${MAX_DOCUMENTS} are read` }] };

  const errors: FieldError[] = [];
  const documents: YamlDocument[] = [];
  docs.forEach((doc, index) => {
    if (errors.length >= MAX_ERRORS) return;
    const problems = documentErrors(doc, index, lines);
    if (problems.length > 0) {
      errors.push(...problems);
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (error) {
      const bomb = error instanceof ReferenceError && /excessive alias count/i.test(error.message);
      errors.push({
        path: `documents[${index}]`,
        message: bomb
          ? `its anchors and aliases (*name) expand to more than ${MAX_ALIAS_COUNT} nodes: refused as a possible "billion laughs" attack`
          : `could not be read: ${firstLine(error instanceof Error ? error.message : String(error))}`,
      });
      return;
    }
    documents.push({ index, value, lineOf: lineFinder(doc, lines) });
  });
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_ERRORS) };
  return { ok: true, documents };
}
