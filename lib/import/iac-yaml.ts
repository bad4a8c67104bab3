/**
 * CloudFormation YAML -> plain JSON values, with the short-form intrinsic tags (!Ref, !Sub, !GetAtt, !Join,
 * !If, ...) turned into their long form ({"Ref": ...}, {"Fn::Sub": ...}), as CloudFormation itself reads them.
 * Defensive: bounded size, aliases and nesting (no "billion laughs"), duplicate keys rejected, any other tag
 * (!!js/function, !!python/object, ...) an error with its line. Never throws.
 */
import { isAlias, isMap, isScalar, isSeq, parseDocument, type Alias, type Document } from "yaml";
import type { FieldError } from "../field-errors";

/** Short form -> long form name. GetAtt's short form is "Resource.Attribute". */
const INTRINSIC_TAGS: Record<string, string> = {
  "!Ref": "Ref",
  "!Condition": "Condition",
  "!Base64": "Fn::Base64",
  "!Cidr": "Fn::Cidr",
  "!FindInMap": "Fn::FindInMap",
  "!GetAtt": "Fn::GetAtt",
  "!GetAZs": "Fn::GetAZs",
  "!ImportValue": "Fn::ImportValue",
  "!Join": "Fn::Join",
  "!Select": "Fn::Select",
  "!Split": "Fn::Split",
  "!Sub": "Fn::Sub",
  "!Transform": "Fn::Transform",
  "!And": "Fn::And",
  "!Equals": "Fn::Equals",
  "!If": "Fn::If",
  "!Not": "Fn::Not",
  "!Or": "Fn::Or",
  "!Length": "Fn::Length",
  "!ToJsonString": "Fn::ToJsonString",
};

const customTags = Object.keys(INTRINSIC_TAGS).flatMap((tag) => [
  { tag, resolve: (value: string) => value },
  { tag, collection: "map" as const, resolve: (value: unknown) => value },
  { tag, collection: "seq" as const, resolve: (value: unknown) => value },
]);

const MAX_NODES = 200_000;
const MAX_DEPTH = 200;
const MAX_ALIASES = 100;

export type YamlOutcome = { ok: true; value: unknown } | { ok: false; errors: FieldError[] };

/** An alias token (*name) outside quotes, roughly: enough to refuse alias floods before the parser expands them. */
const ALIAS_TOKEN = /(?:^|[\s[,{])\*[A-Za-z0-9_.-]+(?=$|[\s,\]}])/gm;

export function parseCloudFormationYaml(text: string): YamlOutcome {
  const aliasCount = text.match(ALIAS_TOKEN)?.length ?? 0;
  if (aliasCount > MAX_ALIASES) {
    return { ok: false, errors: [{ path: "(file)", message: `uses ${aliasCount} YAML aliases (*name); a template needs few (at most ${MAX_ALIASES})` }] };
  }
  let doc: Document;
  try {
    doc = parseDocument(text, { customTags, uniqueKeys: true, prettyErrors: true, strict: true, version: "1.2" });
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: `is not valid YAML (${error instanceof Error ? error.message.slice(0, 200) : "parse error"})` }] };
  }
  const problems = [...doc.errors, ...doc.warnings.filter((w) => w.code === "TAG_RESOLVE_FAILED")];
  if (problems.length > 0) {
    return { ok: false, errors: problems.slice(0, 20).map((e) => ({ path: "(file)", message: `is not valid CloudFormation YAML: ${e.message.split("\n")[0]?.slice(0, 300)}` })) };
  }
  let nodes = 0;
  let aliases = 0;
  const convert = (node: unknown, depth: number, path: string): unknown => {
    if (++nodes > MAX_NODES) throw new RangeError(`holds more than ${MAX_NODES} values (aliases included)`);
    if (depth > MAX_DEPTH) throw new RangeError(`is nested more than ${MAX_DEPTH} levels deep at ${path}`);
    if (node === null || node === undefined) return null;
    if (isAlias(node)) {
      if (++aliases > MAX_ALIASES) throw new RangeError(`uses more than ${MAX_ALIASES} aliases (*name); a template needs few`);
      return convert((node as Alias).resolve(doc), depth + 1, path);
    }
    const tag = (node as { tag?: string }).tag;
    const intrinsic = tag ? INTRINSIC_TAGS[tag] : undefined;
    let value: unknown;
    if (isScalar(node)) value = node.value;
    else if (isSeq(node)) value = node.items.map((item, i) => convert(item, depth + 1, `${path}[${i}]`));
    else if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? pair.key.value : pair.key;
        if (typeof key !== "string" && typeof key !== "number" && typeof key !== "boolean") throw new TypeError(`has a key that is not text at ${path}`);
        const k = String(key);
        if (k === "__proto__") throw new TypeError(`has a key "__proto__" at ${path}, which no template uses`);
        out[k] = convert(pair.value, depth + 1, `${path}.${k}`);
      }
      value = out;
    } else throw new TypeError(`has a value of an unknown kind at ${path}`);
    if (!intrinsic) return value;
    if (intrinsic === "Fn::GetAtt" && typeof value === "string") {
      const dot = value.indexOf(".");
      return { "Fn::GetAtt": dot > 0 ? [value.slice(0, dot), value.slice(dot + 1)] : [value] };
    }
    return { [intrinsic]: value };
  };
  try {
    return { ok: true, value: convert(doc.contents, 0, "(root)") };
  } catch (error) {
    return { ok: false, errors: [{ path: "(file)", message: error instanceof Error ? error.message : String(error) }] };
  }
}
