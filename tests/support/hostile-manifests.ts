/**
 * 200 hostile Kubernetes manifest inputs (issue 12): anchor bombs, deep nesting, huge scalars, binary data,
 * object-building tags, merge keys, duplicate keys, wrong types at every field the importer reads, negative
 * and absurd numbers, broken quantities and schedules. Every one must be refused with a clear error.
 * Deterministic (no randomness), so a failing case is named by its label. Used by tests/unit/import and by
 * `npm run bench` (the time of the slowest case).
 */

export interface HostileManifest {
  label: string;
  text: string;
}

/** A valid two-workload manifest; the "wrong type" cases replace one of its values. */
export const VALID_MANIFEST = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: 3
  template:
    spec:
      containers:
        - name: app
          image: web:1
          resources:
            requests:
              cpu: 500m
              memory: 1Gi
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: report
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      parallelism: 2
      completions: 4
      activeDeadlineSeconds: 600
      template:
        spec:
          containers:
            - name: report
              image: report:1
              resources:
                requests:
                  cpu: "1"
                  memory: 2Gi
`;

/** Replace the value on the first line `key: ...` at or after `after` (a text marker) with `value` (YAML text). */
function replaceValue(key: string, value: string, after = ""): string {
  const start = after ? VALID_MANIFEST.indexOf(after) : 0;
  const re = new RegExp(`^(\\s*(?:- )?${key.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:)( .*)?$`, "m");
  const head = VALID_MANIFEST.slice(0, start);
  const tail = VALID_MANIFEST.slice(start);
  const m = re.exec(tail);
  if (!m) throw new Error(`no ${key} after ${after}`);
  return head + tail.slice(0, m.index) + `${m[1]} ${value}` + tail.slice(m.index + m[0].length);
}

function laughs(levels: number, width: number): string {
  const lines = [`l0: &l0 [${Array(width).fill('"lol"').join(",")}]`];
  for (let i = 1; i < levels; i++) lines.push(`l${i}: &l${i} [${Array(width).fill(`*l${i - 1}`).join(",")}]`);
  return lines.join("\n") + "\nkind: Deployment\n";
}

export function hostileManifests(): HostileManifest[] {
  const out: HostileManifest[] = [];
  const add = (label: string, text: string) => out.push({ label, text });

  // Anchor bombs ("billion laughs") and alias tricks.
  for (const [levels, width] of [[9, 9], [6, 10], [4, 20], [3, 50], [20, 2], [30, 2]] as const) add(`billion laughs ${levels}x${width}`, laughs(levels, width));
  add("alias to undefined anchor", "kind: Deployment\nmetadata: *nothing\n");
  add("alias bomb inside a Deployment spec", VALID_MANIFEST.replace("replicas: 3", "replicas: 3\n  x0: &x0 [a,a,a,a,a,a,a,a]\n  x1: &x1 [*x0,*x0,*x0,*x0,*x0,*x0,*x0,*x0]\n  x2: [*x1,*x1,*x1,*x1,*x1,*x1,*x1,*x1]"));
  add("recursive alias", "a: &a [*a]\nkind: Pod\n");

  // Deep nesting, every way YAML can nest.
  for (const n of [101, 1000, 100_000]) add(`flow sequences ${n} deep`, "[".repeat(n) + "]".repeat(n));
  for (const n of [101, 5000, 200_000]) add(`flow mappings ${n} deep`, "{a: ".repeat(n) + "}".repeat(n));
  for (const n of [101, 1000]) add(`block mappings ${n} deep`, Array.from({ length: n }, (_, i) => `${" ".repeat(i)}a:`).join("\n"));
  for (const n of [101, 50_000]) add(`block sequences ${n} deep on one line`, "- ".repeat(n) + "x");
  add("unclosed flow sequence 300k", "[".repeat(300_000));
  add("deep nesting inside a container", replaceValue("image", "[".repeat(500) + "]".repeat(500)));
  add("mixed flow/block nesting", "kind: Pod\nspec:\n" + "  - ".repeat(60) + "{a: ".repeat(60) + "1" + "}".repeat(60));

  // Size.
  add("2 MB of plain text", "a".repeat(2 * 1024 * 1024));
  add("a 1.1 MB scalar in metadata.name", replaceValue("name", "x".repeat(1_100_000)));
  add("1.2 MB of spaces", " ".repeat(1_200_000));
  add("over-limit multibyte text (0.6M × 2 bytes)", "é".repeat(600_000));
  add("a 2000-character key", `${"k".repeat(2000)}: 1\nkind: Pod\n`);
  add("a 900 kB cpu quantity", replaceValue("cpu", "1".repeat(900_000)));
  add("201 documents", Array.from({ length: 201 }, () => "---\nkind: ConfigMap\nmetadata: {name: c}\n").join(""));
  add("250k '...' document ends", "a\n...\n".repeat(150_000));
  add("100k empty documents", "---\n".repeat(100_000));

  // Binary and control characters.
  add("NUL bytes", "kind: Pod\u0000\u0000\nmetadata: {name: x}\n");
  add("bell and escape characters", "kind: \u0007Pod\u001b[31m\n");
  add("random binary (latin1)", Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919 + 13) % 256)).join(""));
  add("PNG header", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR");
  add("gzip header", "\u001f\u008b\b\u0000\u0000\u0000\u0000\u0000");
  add("UTF-16 text read as UTF-8", "k\u0000i\u0000n\u0000d\u0000:\u0000 \u0000P\u0000o\u0000d\u0000");
  add("U+FFFE noncharacter", "kind: Pod\nmetadata: {name: \uFFFE}\n");
  add("DEL characters", "kind: Pod\u007f\n");

  // Tags that build objects or binary data.
  const tags = [
    "!!js/function 'function () { return process.exit(1) }'",
    "!!js/undefined ''",
    "!!js/regexp /a+/",
    "!!python/object/apply:os.system ['id']",
    "!!python/object:__main__.Exploit {}",
    "!!python/name:os.system",
    "!!ruby/object:Gem::Installer {}",
    "!!java.net.URL ['http://127.0.0.1/']",
    "!!binary aGVsbG8=",
    "!!timestamp 2026-12-01",
    "!!set {a, b}",
    "!!omap [a: 1]",
    "!custom value",
    "!<tag:example.com,2000:app/foo> bar",
  ];
  for (const tag of tags) add(`tag ${tag.split(" ")[0]}`, replaceValue("image", tag));
  add("tag on the whole document", `--- !!python/object:kubernetes.Deployment\nkind: Deployment\n`);
  add("%TAG directive to a custom prefix", `%TAG !e! tag:evil.example,2000:\n---\nkind: !e!Pod Pod\n`);
  add("tag on a mapping key", replaceValue("replicas", "3\n  !!js/function 'f': 1"));

  // Merge keys used against the importer.
  add("merge key with a scalar", replaceValue("replicas", "3\n  <<: 5"));
  add("merge key with an alias bomb", "b0: &b0 {a: 1, b: 2, c: 3, d: 4, e: 5, f: 6, g: 7}\n" + Array.from({ length: 12 }, (_, i) => `b${i + 1}: &b${i + 1}\n  <<: [${Array(6).fill(`*b${i}`).join(", ")}]\n  k${i}: ${i}`).join("\n") + "\nkind: Pod\n");
  add("merge key pulling in a wrong replicas", `base: &base {replicas: -4}\nkind: Deployment\nmetadata: {name: web}\nspec:\n  <<: *base\n  template: {spec: {containers: [{name: a}]}}\n`);
  add("merge of a list into a map", "kind: Pod\nmetadata:\n  <<: [1, 2]\n");

  // Duplicate keys.
  add("duplicate kind", "kind: Pod\nkind: Deployment\n");
  add("duplicate replicas", replaceValue("replicas", "3\n  replicas: 100000"));
  add("duplicate cpu", replaceValue("cpu", "500m\n              cpu: 64"));
  add("duplicate metadata", "kind: Pod\nmetadata: {name: a}\nmetadata: {name: b}\nspec: {containers: [{name: c}]}\n");
  add("duplicate keys in a flow mapping", "{kind: Pod, kind: Pod}\n");

  // Wrong types at every field the importer reads.
  const wrongScalars: Record<string, string[]> = {
    kind: ["1", "[]", "true", "''", "null"],
    name: ["1", "[]", "{a: 1}", "''"],
    replicas: ["'3'", "-1", "1.5", "[]", "true", "1e308", ".inf", ".nan", "100001"],
    cpu: ["abc", "'1Ki cpu'", "-1", "'-250m'", "NaN", ".inf", ".nan", "1e400", "[]", "{}", "true", "''", "1.2.3", "250 m", "1e1.5", "10000", "'5000'", "1Ei"],
    memory: ["abc", "500m", "'1 Gi'", "-1Gi", "1Gb", "NaN", ".inf", "[]", "{}", "1e400", "100Ti", "25000Gi"],
    schedule: ["1", "[]", "''", "'* * * *'", "'* * * * * *'", "'0 0 * * 7'", "'0 0 L * *'", "'0 0 * * 1#2'", "'@reboot'", "'@every x'", "'CRON_TZ=UTC 0 * * * *'", "'60 * * * *'", "'0 24 * * *'", "'0 0 0 * *'", "'0 0 * 13 *'", "'*/0 * * * *'", "'0 0 * FOO *'"],
    parallelism: ["-1", "'2'", "1.5", "[]"],
    completions: ["-2", "'4'", "2.5", "{}"],
    activeDeadlineSeconds: ["-1", "'600'", "99999999", "1.5"],
  };
  const anchorOf: Record<string, string> = { cpu: "", memory: "", name: "", schedule: "", parallelism: "", completions: "", activeDeadlineSeconds: "", kind: "" };
  for (const [key, values] of Object.entries(wrongScalars)) {
    for (const value of values) add(`wrong ${key}: ${value.slice(0, 30)}`, replaceValue(key, value, anchorOf[key] ?? ""));
  }
  // Wrong types where a mapping or a list belongs (flow style, so the value replaces the whole block).
  const flowDeployment = (parts: { spec?: string; containers?: string; resources?: string; requests?: string }) =>
    `kind: Deployment\nmetadata: {name: web}\nspec: ${parts.spec ?? `{replicas: 2, template: {spec: {containers: ${parts.containers ?? `[{name: app, resources: ${parts.resources ?? `{requests: ${parts.requests ?? "{cpu: 1}"}}`}}]`}}}}`}\n`;
  for (const value of ["[]", "{}", "app", "1", "null", "[1]", "[x]", "[[]]"]) add(`wrong containers: ${value}`, flowDeployment({ containers: value }));
  for (const value of ["x", "1", "[]", "true"]) add(`wrong spec: ${value}`, flowDeployment({ spec: value }));
  for (const value of ["x", "1", "[]"]) add(`wrong resources: ${value}`, flowDeployment({ resources: value }));
  for (const value of ["x", "1", "[cpu]"]) add(`wrong requests: ${value}`, flowDeployment({ requests: value }));

  // The same wrong values in the CronJob (second document), so paths name documents[1].
  for (const value of ["abc", "-1", ".nan"]) add(`wrong CronJob cpu: ${value}`, replaceValue("cpu", value, "kind: CronJob"));
  for (const value of ["[]", "'x'"]) add(`wrong CronJob jobTemplate: ${value}`, replaceValue("jobTemplate", value, "kind: CronJob"));

  // Structurally wrong documents.
  add("a bare string", "just some text\n");
  add("a list of strings", "- a\n- b\n");
  add("a number", "42\n");
  add("only comments", "# nothing here\n# at all\n");
  add("only separators", "---\n---\n---\n");
  add("empty", "");
  add("only whitespace", "  \n\t\n  ");
  add("List without items", "kind: List\n");
  add("List with items as a map", "kind: List\nitems: {a: 1}\n");
  add("List of scalars", "kind: List\nitems: [1, 2, 3]\n");
  add("Lists nested 5 deep", "kind: List\nitems:\n" + "- kind: List\n  items:\n".replace(/\n/g, "\n") .repeat(1) + "  - kind: List\n    items:\n    - kind: List\n      items:\n      - kind: List\n        items: [{kind: Pod}]\n");
  add("Deployment without metadata", "kind: Deployment\nspec: {template: {spec: {containers: [{name: a}]}}}\n");
  add("Deployment without spec", "kind: Deployment\nmetadata: {name: web}\n");
  add("Deployment without template", "kind: Deployment\nmetadata: {name: web}\nspec: {replicas: 1}\n");
  add("container without name", "kind: Pod\nmetadata: {name: p}\nspec: {containers: [{image: x}]}\n");
  add("CronJob without schedule", "kind: CronJob\nmetadata: {name: c}\nspec: {jobTemplate: {spec: {template: {spec: {containers: [{name: a}]}}}}}\n");
  add("HPA with no target", "kind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec: {minReplicas: 2}\n");
  add("only non-workloads", "kind: Service\nmetadata: {name: s}\n---\nkind: ConfigMap\nmetadata: {name: c}\n");
  add("kind in a different case", "kind: deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: a}]}}}\n");
  add("51 containers", `kind: Pod\nmetadata: {name: p}\nspec:\n  containers:\n${Array.from({ length: 51 }, (_, i) => `    - name: c${i}\n`).join("")}`);
  add("101 workloads", Array.from({ length: 101 }, (_, i) => `---\nkind: Pod\nmetadata: {name: p${i}}\nspec: {containers: [{name: a}]}\n`).join(""));
  add("metadata.name of 300 characters", `kind: Pod\nmetadata: {name: ${"n".repeat(300)}, namespace: [1]}\nspec: {containers: [{name: a}]}\n`);
  add("container name of 300 characters", `kind: Pod\nmetadata: {name: p}\nspec: {containers: [{name: ${"c".repeat(300)}}]}\n`);

  // YAML syntax errors.
  add("unclosed double quote", 'kind: "Deployment\nmetadata: {name: web}\n');
  add("unclosed single quote", "kind: 'Pod\n");
  add("tab indentation", "kind: Pod\nspec:\n\tcontainers: []\n");
  add("bad indentation", "kind: Pod\n metadata:\n   name: x\n  spec: 1\n");
  add("multi-line implicit key", "kind: Pod\nmetadata\n  name: x\n");
  add("bad escape", 'kind: "Po\\qd"\n');
  add("YAML 2.0 directive", "%YAML 2.0\n---\nkind: Pod\n");
  add("stray flow terminator", "kind: Pod]\n}\n");
  add("two anchors on one node", "a: &x &y 1\nkind: Pod\n");
  add("alias with properties", "a: &x 1\nb: !!str *x\nkind: Pod\n");
  add("block scalar with bad indentation indicator", "kind: |0\n  Pod\n");
  add("directive without document", "%YAML 1.2\n");

  return out;
}
