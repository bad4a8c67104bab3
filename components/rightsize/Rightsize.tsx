"use client";
/**
 * The /rightsize page: a container that wires state to panels. Current service (typed, from an estimate link,
 * a task definition or the utilization file's reservation) + a utilization file (parsed in a Web Worker, never
 * uploaded) -> the recommended Fargate size priced on every launch type. All rules live in lib/rightsize and
 * lib/engine; the form becomes an input in lib/pipeline/estimate.ts (inputFromDraft), like the estimator's.
 *
 *   state:  the estimate draft + which service · useUsageFile · useRegionCatalog · share-link and
 *           task-definition hooks (components/hooks, shared with the estimator)
 *   panels: PrivacyNote · CurrentServicePanel · UsageFilePanel · SizingRulePanel | RecommendationPanel ·
 *           ObservedUsagePanel · NotesPanel
 */
import "@/components/security/zod-browser";
import { useCallback, useMemo, useState } from "react";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import { applySize } from "@/lib/rightsize/apply";
import { resolveCurrentSize } from "@/lib/rightsize/current-size";
import { checkSettings, DEFAULT_SETTINGS, type RightsizeSettings } from "@/lib/rightsize/recommend";
import type { TaskDefinitionFields } from "@/lib/rightsize/task-definition";
import type { UsageSummary } from "@/lib/rightsize/usage";
import type { FieldError } from "@/lib/field-errors";
import { inputFromDraft } from "@/lib/pipeline/estimate";
import { chooseCatalog } from "@/lib/pipeline/region-catalog";
import { rightsizeInput } from "@/lib/pipeline/rightsize";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { parseNumberText, type EstimateDraft, type ServiceDraft } from "@/lib/share/draft";
import { inputToDraft } from "@/lib/share/draft-from-input";
import { Banner, FieldErrorList } from "@/components/ui/fields";
import { useRegionCatalog } from "@/components/hooks/useRegionCatalog";
import { shareHref, useOpenedShareLink, type OpenedLink } from "@/components/hooks/useShareLink";
import { readTaskDefinition } from "@/components/hooks/task-definition-reader";
import { useTaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import { CurrentServicePanel, type RegionOption } from "./CurrentServicePanel";
import { NotesPanel } from "./NotesPanel";
import { ObservedUsagePanel } from "./ObservedUsagePanel";
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
  /** A one-service estimate with the page's defaults (built on the server). */
  initialDraft: EstimateDraft;
}

/** Where each part of the current size came from: the page default, the user (typed, link, task definition) or the file. */
type SizeSource = "default" | "given" | "file";
type SizeSources = { vcpu: SizeSource; memoryGiB: SizeSource };

const TASK_DEFINITION_ROW = "current";

/** The sizes the user gave (null = open, to be taken from the file when it records them). */
function givenSize(service: ServiceDraft, from: SizeSources) {
  const read = (text: string) => {
    const n = parseNumberText(text);
    return n.ok ? n.value : Number.NaN;
  };
  return { vcpu: from.vcpu === "given" ? read(service.vcpu) : null, memoryGiB: from.memoryGiB === "given" ? read(service.memoryGiB) : null };
}

export function Rightsize({ regions, newestCatalogId, bundledCatalogIds, initialDraft }: Props) {
  const [draft, setDraft] = useState<EstimateDraft>(initialDraft);
  const [serviceIndex, setServiceIndex] = useState(0);
  const [fromEstimate, setFromEstimate] = useState(false);
  const [sizeFrom, setSizeFrom] = useState<SizeSources>({ vcpu: "default", memoryGiB: "default" });
  const [linkProblem, setLinkProblem] = useState<{ problem: string; errors: FieldError[] } | null>(null);
  const [catalogNote, setCatalogNote] = useState<string | null>(null);
  const [rule, setRule] = useState<SizingRuleFields>({
    cpuPercentile: DEFAULT_SETTINGS.cpuPercentile,
    memoryPercentile: DEFAULT_SETTINGS.memoryPercentile,
    headroom: String(DEFAULT_SETTINGS.headroomPct),
  });
  const service = draft.services[serviceIndex]!;

  const updateService = useCallback(
    (patch: Partial<ServiceDraft>) => setDraft((d) => ({ ...d, services: d.services.map((s, i) => (i === serviceIndex ? { ...s, ...patch } : s)) })),
    [serviceIndex],
  );
  const editService = (patch: Partial<ServiceDraft>) => {
    updateService(patch);
    if ("vcpu" in patch || "memoryGiB" in patch) {
      setSizeFrom((f) => ({ vcpu: "vcpu" in patch ? "given" : f.vcpu, memoryGiB: "memoryGiB" in patch ? "given" : f.memoryGiB }));
    }
  };

  // ---- the estimate this page was opened from (?s=<token>&service=<i>)
  useOpenedShareLink(decodeShareToken, (link: OpenedLink) => {
    if (!link.ok) {
      setLinkProblem({ problem: link.problem, errors: link.errors });
      return;
    }
    const input = link.input;
    const rawIndex = link.params.get("service") ?? "0";
    let index = /^\d+$/.test(rawIndex) ? Number(rawIndex) : NaN;
    if (!Number.isInteger(index) || index >= input.services.length) {
      setLinkProblem({
        problem: `The link names service ${JSON.stringify(rawIndex)}, but the estimate has ${input.services.length} service(s) (0 to ${input.services.length - 1}); showing service 0.`,
        errors: [],
      });
      index = 0;
    }
    const choice = chooseCatalog(input.catalog, bundledCatalogIds, newestCatalogId);
    if (!choice.bundled) {
      setCatalogNote(`The estimate was made with price catalog ${choice.requested}, which this app does not bundle; prices below use the newest catalog ${choice.newest}.`);
    }
    setDraft(inputToDraft({ ...input, catalog: choice.bundled ? choice.catalogId : choice.newest }));
    setServiceIndex(index);
    setFromEstimate(true);
    setSizeFrom({ vcpu: "given", memoryGiB: "given" });
  });

  // ---- a task definition sets the size (and name, platform, storage) as if typed
  const applyTaskDefinition = useCallback(
    (_row: string, fields: TaskDefinitionFields) => {
      updateService(fields);
      setSizeFrom({ vcpu: "given", memoryGiB: "given" });
    },
    [updateService],
  );
  const taskDefinitions = useTaskDefinitionImport(readTaskDefinition, applyTaskDefinition);

  // ---- the utilization file; its reservation fills the parts of the size the user did not give (as the CLI does)
  const onUsageSummary = (summary: UsageSummary) => {
    const size = resolveCurrentSize(summary, givenSize(service, sizeFrom));
    const patch: Partial<ServiceDraft> = {};
    if (size.fromFile.vcpu) patch.vcpu = String(size.vcpu);
    if (size.fromFile.memoryGiB) patch.memoryGiB = String(size.memoryGiB);
    if (Object.keys(patch).length === 0) return;
    updateService(patch);
    setSizeFrom((f) => ({ vcpu: size.fromFile.vcpu ? "file" : f.vcpu, memoryGiB: size.fromFile.memoryGiB ? "file" : f.memoryGiB }));
  };
  const { usage, elapsed, start: startUsage } = useUsageFile(onUsageSummary);
  const summary = usage.status === "done" ? usage.summary : null;
  const sizeFromFile = summary ? resolveCurrentSize(summary, givenSize(service, sizeFrom)).notes : [];

  // ---- prices, the working estimate, the sizing rule -> the recommendation
  const catalogState = useRegionCatalog(draft.catalog, draft.region, parseRegionCatalog);
  const catalog = catalogState.status === "ready" ? catalogState.catalog : null;
  const working = useMemo(() => inputFromDraft(draft), [draft]);
  const settings: RightsizeSettings = useMemo(() => {
    const headroom = parseNumberText(rule.headroom);
    return { cpuPercentile: rule.cpuPercentile, memoryPercentile: rule.memoryPercentile, headroomPct: headroom.ok ? headroom.value : Number.NaN };
  }, [rule]);
  const settingsProblems = useMemo(() => checkSettings(settings), [settings]);

  const result = useMemo(() => {
    if (!summary || !catalog || !working.ok || catalog.region !== working.input.region) return null;
    const out = rightsizeInput(summary, working.input, serviceIndex, catalog, settings);
    return out.ok ? out.result : null;
  }, [summary, catalog, working, serviceIndex, settings]);

  const applyHref = useMemo(() => {
    if (!result || !working.ok) return null;
    const applied = applySize(working.input, serviceIndex, { vcpu: result.recommended.vcpu, memoryGiB: result.recommended.memoryGiB });
    return shareHref("/", encodeShareToken(applied));
  }, [result, working, serviceIndex]);

  const waiting: RecommendationWaiting =
    usage.status !== "done" ? "usage" : !working.ok ? "input" : catalogState.status === "loading" ? "catalog-loading" : "settings";

  return (
    <>
      <PrivacyNote />
      {linkProblem ? (
        <Banner tone="error" title="The estimate link could not be used" testId="link-error">
          <p>{linkProblem.problem}</p>
          {linkProblem.errors.length ? <FieldErrorList errors={linkProblem.errors} max={8} /> : null}
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
            service={service}
            serviceIndex={serviceIndex}
            region={draft.region}
            regions={regions}
            errors={working.ok ? [] : working.errors}
            fromEstimate={fromEstimate ? { serviceCount: draft.services.length } : null}
            taskDefinition={taskDefinitions.messages[TASK_DEFINITION_ROW] ?? null}
            sizeFromFile={sizeFromFile}
            onTaskDefinition={(file) => void taskDefinitions.importFile(TASK_DEFINITION_ROW, file)}
            onService={editService}
            onRegion={(region) => setDraft((d) => ({ ...d, region }))}
          />
          <UsageFilePanel usage={usage} elapsed={elapsed} onFile={startUsage} />
          <SizingRulePanel
            rule={rule}
            headroomError={settingsProblems.find((p) => p.path === "headroomPct")?.message}
            onChange={(patch) => setRule((r) => ({ ...r, ...patch }))}
          />
        </div>

        <div className="stack">
          <RecommendationPanel
            result={result}
            waiting={waiting}
            catalogError={catalogState.status === "error" ? catalogState.error : null}
            applyHref={applyHref}
            fromEstimate={fromEstimate}
            currentFromFile={sizeFrom.vcpu === "file" && sizeFrom.memoryGiB === "file"}
          />
          {summary && result ? <ObservedUsagePanel summary={summary} result={result} /> : null}
          {summary && result ? <NotesPanel notes={[...summary.warnings, ...result.warnings]} /> : null}
        </div>
      </div>
    </>
  );
}
