/**
 * docs/billing-rules.md as data: its sections and anchors, so `explain` can quote the rule behind an option or a
 * cost line (its text, formula, AWS source) straight from the document the code cites, never from a copy.
 *
 * The document's shape (see its head): `## Heading` / `### Heading`, usually followed by `<a id="anchor"></a>`
 * (else the anchor is GitHub's slug of the heading); a few anchors sit inside a bullet (`- <a id="logs"></a>...`)
 * and name that bullet only. A section ends with `- Source: ...` and `- Code: ...` bullets. Pure: the text is
 * passed in (lib/catalog/fs-loader.ts reads the file).
 */

export interface RuleSection {
  /** The anchor code cites: docs/billing-rules.md#<anchor>. */
  anchor: string;
  heading: string;
  /** The enclosing section's anchor when this is a bullet-level anchor or a ### subsection. */
  parent: string | null;
  /** The rule's text (markdown), without the Source / Code bullets. */
  text: string;
  /** Formulas stated in the rule: code spans and bold spans holding "=" or an arithmetic "x". */
  formulas: string[];
  /** The "Source:" text (AWS documentation, pricing pages, or "our rule"/an assumption). */
  source: string | null;
  /** Every https URL the rule names. */
  urls: string[];
  /** The "Code:" text: where lib/ implements it. */
  code: string | null;
}

export interface RulesDocument {
  sections: RuleSection[];
  byAnchor: Map<string, RuleSection>;
}

const HEADING = /^(#{2,3})\s+(.+?)\s*$/;
const ANCHOR = /<a id="([a-z0-9-]+)"><\/a>/g;

/** GitHub's heading slug: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s-]/gu, "")
    .replace(/\s/g, "-");
}

/** The text after `label:` in a block, up to the next `Code:`/`Source:` label or the end. */
function labelled(block: string, label: "Source" | "Code"): string | null {
  const re = new RegExp(`(?:^|\\s|-\\s)${label}:\\s*([\\s\\S]*?)(?=(?:\\n-\\s|\\s)(?:Source|Code):|$)`);
  const m = re.exec(block);
  if (!m) return null;
  const text = (m[1] ?? "").replace(/\s*\n\s*/g, " ").trim();
  return text === "" ? null : text;
}

function formulasOf(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/`([^`]+)`|\*\*([^*]+)\*\*/g)) {
    const span = (m[1] ?? m[2] ?? "").replace(/\s*\n\s*/g, " ").trim();
    if (/=/.test(span) || /\s[x/]\s/.test(span)) out.add(span);
  }
  return [...out];
}

function urlsOf(text: string): string[] {
  return [...new Set([...text.matchAll(/https:\/\/[^\s)>,;"]+[^\s)>,;".]/g)].map((m) => m[0]))];
}

function section(anchor: string, heading: string, parent: string | null, raw: string): RuleSection {
  const body = raw.replace(ANCHOR, "").trim();
  // The rule's text stops at the section's own Source / Code bullets.
  const cut = body.search(/\n- (?:Source|Code):/);
  const text = (cut >= 0 ? body.slice(0, cut) : body).trim();
  return { anchor, heading, parent, text, formulas: formulasOf(text), source: labelled(body, "Source"), urls: urlsOf(body), code: labelled(body, "Code") };
}

/** The bullet (a line starting "- " and its indented continuation lines) that holds `index` in `body`. */
function bulletAt(body: string, index: number): string {
  const start = body.lastIndexOf("\n- ", index);
  const from = start < 0 ? 0 : start + 1;
  const rest = body.slice(from + 2);
  const next = rest.search(/\n(?:- |\S)/);
  return body.slice(from, next < 0 ? body.length : from + 2 + next);
}

export function parseRulesDocument(markdown: string): RulesDocument {
  const lines = markdown.replace(/\r\n/g, "\n").split("\n");
  type Block = { level: number; heading: string; body: string[]; anchor: string | null };
  const blocks: Block[] = [];
  // A line holding only an anchor, followed (after blank lines) by a heading, names that heading.
  let pending: string | null = null;
  for (const line of lines) {
    const h = HEADING.exec(line);
    if (h) {
      blocks.push({ level: (h[1] as string).length, heading: h[2] as string, body: [], anchor: pending });
      pending = null;
      continue;
    }
    const alone = /^\s*<a id="([a-z0-9-]+)"><\/a>\s*$/.exec(line);
    if (alone && blocks.length > 0 && blocks[blocks.length - 1]!.body.some((l) => l.trim() !== "")) {
      pending = alone[1] as string;
      continue;
    }
    if (pending !== null && line.trim() !== "") {
      // Not followed by a heading after all: it stays where it was written.
      blocks[blocks.length - 1]?.body.push(`<a id="${pending}"></a>`);
      pending = null;
    }
    blocks[blocks.length - 1]?.body.push(line);
  }
  const sections: RuleSection[] = [];
  let lastTop: string | null = null;
  for (const b of blocks) {
    const body = b.body.join("\n");
    // The section's own anchor: an <a id> right under the heading, else the heading's slug.
    const head = /^\s*<a id="([a-z0-9-]+)"><\/a>/.exec(body);
    const anchor = b.anchor ?? (head ? (head[1] as string) : headingSlug(b.heading));
    const parent = b.level === 3 ? lastTop : null;
    if (b.level === 2) lastTop = anchor;
    sections.push(section(anchor, b.heading, parent, body));
    // Anchors further down name a bullet inside this section.
    for (const m of body.matchAll(ANCHOR)) {
      const id = m[1] as string;
      if (id === anchor) continue;
      const bullet = bulletAt(body, m.index ?? 0).replace(/^- /, "");
      const title = /\*\*([^*]+)\*\*/.exec(bullet)?.[1] ?? id;
      sections.push(section(id, `${b.heading}: ${title}`, anchor, bullet));
    }
  }
  return { sections, byAnchor: new Map(sections.map((s) => [s.anchor, s])) };
}

let lastText: string | null = null;
let lastDoc: RulesDocument | null = null;

/** parseRulesDocument, remembered for the last text (the document does not change while a server runs). */
export function rulesDocument(markdown: string): RulesDocument {
  if (lastText === markdown && lastDoc) return lastDoc;
  lastDoc = parseRulesDocument(markdown);
  lastText = markdown;
  return lastDoc;
}

/** Find sections by anchor (exact) or by words in their heading (every word must appear). */
export function findSections(doc: RulesDocument, topic: string): RuleSection[] {
  const wanted = topic.trim().toLowerCase().replace(/^.*#/, "");
  const exact = doc.byAnchor.get(wanted);
  if (exact) return [exact];
  const words = wanted.split(/[\s-]+/).filter((w) => w.length > 1);
  if (words.length === 0) return [];
  return doc.sections.filter((s) => {
    const hay = `${s.anchor} ${s.heading}`.toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
