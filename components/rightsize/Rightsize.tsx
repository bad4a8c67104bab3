"use client";
/**
 * The /rightsize page: a container that wires state to panels. Current service (typed, from an estimate link,
 * a task definition or the utilization file's reservation) + a utilization file (parsed in a Web Worker, never
 * uploaded) -> the recommended Fargate size priced on every launch type. Every rule is in lib: the form becomes
 * an input in lib/rightsize/form.ts and goes down lib/pipeline/rightsize.ts (rightsizeFromForm); the link
 * between the pages is lib/pipeline/rightsize-link.ts; the current size from the file is lib/rightsize/current-size.ts.
 *
 *   state:  form fields + the estimate they came from · useUsageFile · useRegionCatalog · share-link and
 *           task-definition hooks (components/hooks, shared with the estimator)
 *   panels: PrivacyNote · CurrentServicePanel · UsageFilePanel · SizingRulePanel | RecommendationPanel ·
 *           ObservedUsagePanel · NotesPanel
 */
import "@/components/security/zod-browser";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import { rightsizeFromForm } from "@/lib/pipeline/rightsize";
import { resolveCurrentSize } from "@/lib/rightsize/current-size";
import { DEFAULT_RIGHTSIZE_FIELDS, withCurrentSize, withTaskDefinition, type RightsizeBase, type RightsizeFields } from "@/lib/rightsize/form";
import { checkSettings, DEFAULT_SETTINGS, type RightsizeSettings } from "@/lib/rightsize/recommend";
import type { TaskDefinitionFields } from "@/lib/rightsize/task-definition";
import type { UsageSummary } from "@/lib/rightsize/usage";
import { parseNumberText } from "@/lib/number-text";
import { applySizeHref, readRightsizeLink, type RightsizeLink } from "@/lib/pipeline/rightsize-link";
import { Banner } from "@/components/ui/fields";
import { useRegionCatalog } from "@/components/hooks/useRegionCatalog";
import { useOpenedLink } from "@/components/hooks/useShareLink";
import { readTaskDefinition } from "@/components/hooks/task-definition-reader";
import { useTaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import { CurrentServicePanel, type RegionOption } from "./CurrentServicePanel";
import { NotesPanel } from "./NotesPanel";
import { ObservedUsagePanel, preloadUsageChart } from "./ObservedUsagePanel";
import { PrivacyNote } from "./PrivacyNote";
import { RecommendationPanel, type RecommendationWaiting } from "./RecommendationPanel";
import { SizingRulePanel, type SizingRuleFields } from "./SizingRulePanel";
import { UsageFilePanel } from "./UsageFilePanel";
import { useUsageFile } from "./useUsageFile";
import styles from "./rightsize.module.css";

interface Props {
  regions: RegionOption[];
  newestCatalogId: string;
  bundledCatalogIds: string[];
}

/** Where each part of the current size came from: the page default, the user (typed, link, task definition) or the file. */
type SizeSource = "default" | "given" | "file";
type SizeSources = { vcpu: SizeSource; memoryGiB: SizeSource };

const TASK_DEFINITION_ROW = "current";

/** The sizes the user gave (null = open, to be taken from the file when it records them). */
function givenSize(fields: RightsizeFields, from: SizeSources) {
  const read = (text: string) => {
    const n = parseNumberText(text);
    return n.ok ? n.value : Number.NaN;
  };
  return { vcpu: from.vcpu === "given" ? read(fields.vcpu) : null, memoryGiB: from.memoryGiB === "given" ? read(fields.memoryGiB) : null };
}

export function Rightsize({ regions, newestCatalogId, bundledCatalogIds }: Props) {
  const [fields, setFields] = useState<RightsizeFields>(DEFAULT_RIGHTSIZE_FIELDS);
  const [base, setBase] = useState<RightsizeBase | null>(null);
  const [sizeFrom, setSizeFrom] = useState<SizeSources>({ vcpu: "default", memoryGiB: "default" });
  const [linkProblem, setLinkProblem] = useState<{ problem: string; details: string[] } | null>(null);
  const [catalogNote, setCatalogNote] = useState<string | null>(null);
  const [rule, setRule] = useState<SizingRuleFields>({
    cpuPercentile: DEFAULT_SETTINGS.cpuPercentile,
    memoryPercentile: DEFAULT_SETTINGS.memoryPercentile,
    headroom: String(DEFAULT_SETTINGS.headroomPct),
  });

  const editFields = (patch: Partial<RightsizeFields>) => {
    setFields((f) => ({ ...f, ...patch }));
    if ("vcpu" in patch || "memoryGiB" in patch) {
      setSizeFrom((s) => ({ vcpu: "vcpu" in patch ? "given" : s.vcpu, memoryGiB: "memoryGiB" in patch ? "given" : s.memoryGiB }));
    }
  };

  // ---- the estimate this page was opened from (?s=<token>&service=<i>)
  const readLink = useCallback(
    (search: string): RightsizeLink | null => {
      const link = readRightsizeLink(search, bundledCatalogIds, newestCatalogId);
      return link.kind === "none" ? null : link;
    },
    [bundledCatalogIds, newestCatalogId],
  );
  useOpenedLink(readLink, (link) => {
    if (link.kind === "invalid") {
      setLinkProblem({ problem: link.problem, details: link.details });
      return;
    }
    if (link.kind !== "ok") return;
    setBase(link.base);
    setFields(link.fields);
    setSizeFrom({ vcpu: "given", memoryGiB: "given" });
    if (link.serviceProblem) setLinkProblem({ problem: link.serviceProblem, details: [] });
    setCatalogNote(link.catalogNote);
  });

  // ---- a task definition sets the size (and name, platform, storage) as if typed
  const applyTaskDefinition = useCallback((_row: string, td: TaskDefinitionFields) => {
    setFields((f) => withTaskDefinition(f, td));
    setSizeFrom({ vcpu: "given", memoryGiB: "given" });
  }, []);
  const taskDefinitions = useTaskDefinitionImport(readTaskDefinition, applyTaskDefinition);

  // ---- the utilization file; its reservation fills the parts of the size the user did not give (as the CLI does)
  const onUsageSummary = (summary: UsageSummary) => {
    const size = resolveCurrentSize(summary, givenSize(fields, sizeFrom));
    if (!size.fromFile.vcpu && !size.fromFile.memoryGiB) return;
    setFields((f) => withCurrentSize(f, { vcpu: size.fromFile.vcpu ? size.vcpu : null, memoryGiB: size.fromFile.memoryGiB ? size.memoryGiB : null }));
    setSizeFrom((s) => ({ vcpu: size.fromFile.vcpu ? "file" : s.vcpu, memoryGiB: size.fromFile.memoryGiB ? "file" : s.memoryGiB }));
  };
  const { usage, elapsed, start: startUsage, cancel: cancelUsage } = useUsageFile(onUsageSummary);
  const summary = usage.status === "done" ? usage.summary : null;
  const sizeFromFile = summary ? resolveCurrentSize(summary, givenSize(fields, sizeFrom)).notes : [];

  // ---- prices + the form + the sizing rule -> the recommendation
  const catalogId = base?.input.catalog ?? newestCatalogId;
  const catalogState = useRegionCatalog(catalogId, fields.region, parseRegionCatalog);
  const catalog = catalogState.status === "ready" ? catalogState.catalog : null;
  const settings: RightsizeSettings = useMemo(() => {
    const headroom = parseNumberText(rule.headroom);
    return { cpuPercentile: rule.cpuPercentile, memoryPercentile: rule.memoryPercentile, headroomPct: headroom.ok ? headroom.value : Number.NaN };
  }, [rule]);
  const headroomError = useMemo(() => checkSettings(settings).find((p) => p.path === "headroomPct")?.message, [settings]);
  const form = useMemo(() => rightsizeFromForm(fields, base, catalogId, summary, catalog, settings), [fields, base, catalogId, summary, catalog, settings]);
  const result = form.ok ? form.result : null;
  const applyHref = form.ok && result ? applySizeHref(form.input, form.serviceIndex, { vcpu: result.recommended.vcpu, memoryGiB: result.recommended.memoryGiB }) : null;

  // A finished file: bring the recommendation into view when it is out of sight (on a phone it is below the
  // form); on a wide screen it is beside the form already and the page does not move.
  const resultRef = useRef<HTMLDivElement>(null);
  const shownFor = useRef<unknown>(null);
  useEffect(() => {
    if (!summary || !result || shownFor.current === summary) return;
    shownFor.current = summary;
    const el = resultRef.current;
    if (el && el.getBoundingClientRect().top > window.innerHeight * 0.6) el.scrollIntoView({ block: "start" });
  }, [summary, result]);

  const waiting: RecommendationWaiting = usage.status !== "done" ? "usage" : !form.ok ? "input" : catalogState.status === "loading" ? "catalog-loading" : "settings";

  return (
    <>
      <PrivacyNote />
      {linkProblem ? (
        <Banner tone="error" title="The estimate link could not be used" testId="link-error">
          <p>{linkProblem.problem}</p>
          {linkProblem.details.length ? (
            <ul>
              {linkProblem.details.slice(0, 8).map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          ) : null}
        </Banner>
      ) : null}
      {catalogNote ? (
        <Banner tone="warn" title="Different price catalog">
          <p>{catalogNote}</p>
        </Banner>
      ) : null}

      <div className={styles.layout}>
        <div className="stack">
          <CurrentServicePanel
            fields={fields}
            regions={regions}
            fieldErrors={form.ok ? {} : form.byField}
            otherErrors={form.ok ? [] : form.other}
            fromEstimate={base ? { serviceIndex: base.serviceIndex, serviceCount: base.input.services.length } : null}
            taskDefinition={taskDefinitions.messages[TASK_DEFINITION_ROW] ?? null}
            sizeFromFile={sizeFromFile}
            onTaskDefinition={(file) => void taskDefinitions.importFile(TASK_DEFINITION_ROW, file)}
            onChange={editFields}
          />
          <UsageFilePanel usage={usage} elapsed={elapsed} onFile={(file) => {
              preloadUsageChart();
              startUsage(file);
            }} onCancel={cancelUsage} />
          <SizingRulePanel rule={rule} headroomError={headroomError} onChange={(patch) => setRule((r) => ({ ...r, ...patch }))} />
        </div>

        <div className="stack" ref={resultRef} data-testid="rs-results">
          <RecommendationPanel
            result={result}
            waiting={waiting}
            catalogError={catalogState.status === "error" ? catalogState.error : null}
            applyHref={applyHref}
            fromEstimate={base !== null}
            currentFromFile={sizeFrom.vcpu === "file" && sizeFrom.memoryGiB === "file"}
          />
          {summary && result ? <ObservedUsagePanel summary={summary} result={result} /> : null}
          {summary && result ? <NotesPanel notes={[...summary.warnings, ...result.warnings]} /> : null}
        </div>
      </div>
    </>
  );
}
