"use client";
/**
 * The estimator page (/): a container that wires state to panels. First paint = the server-computed result (no
 * client JS needed); right after hydration the kit (zod + engine + codec) and the region's price file load, and
 * from then on every keystroke re-validates and re-estimates in the browser (useLiveEstimate). An invalid value
 * shows its message next to the field while the last valid result stays on screen; nothing typed is rewritten.
 *
 *   state:  useDraft (the form) · useEstimatorKit · useRegionCatalog · useLiveEstimate · share-link and
 *           task-definition hooks (components/hooks, shared with /rightsize)
 *   panels: ServicesPanel · SettingsPanel | ComparisonPanel · charts · RegionsPanel · Breakdown · WarningsAndSources
 */
import { useCallback, useEffect, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import { defaultEksDraft, type EstimateDraft } from "@/lib/form/draft";
import type { EstimateInput, EstimateResult } from "@/lib/schemas/estimate";
import { OPTION } from "@/lib/schemas/estimate-enums";
import type { CurveData } from "@/lib/present/curve";
import { chooseCatalog } from "@/lib/pipeline/region-catalog";
import { useRegionCatalog } from "@/components/hooks/useRegionCatalog";
import { shareLinkReader, useCopyShareLink, useOpenedLink } from "@/components/hooks/useShareLink";
import { useTaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import type { TaskDefinitionFields } from "@/lib/rightsize/task-definition";
import { ShareTokenContext } from "./ServiceCard";
import { ServicesPanel } from "./ServicesPanel";
import { SettingsPanel } from "./SettingsPanel";
import { AnswerBar } from "./AnswerBar";
import { Disclosure } from "@/components/ui/Disclosure";
import type { PanelSummaries } from "@/lib/present/panel-summaries";
import { plainMessage } from "@/lib/present/plain-message";
import { openPanelsFromSearch, openPanelsParam, type PanelId } from "@/lib/share/open-panels";
import type { ExampleId } from "@/lib/examples/titles";
import { ComparisonPanel } from "./ComparisonPanel";
import { CostChartPanel, CrossoverPanel } from "./ChartsSection";
import type { Notice } from "./EstimateNotice";
import { useDraft } from "./useDraft";
import { useEstimatorKit } from "./useEstimatorKit";
import { useLiveEstimate } from "./useLiveEstimate";
import { isManifestFileName, looksLikeKubernetesJson, useK8sImport, type K8sImportState } from "./useK8sImport";
import type { FormLimits, Kit, RegionInfo } from "./types";

// Runs the engine for a week of usage: loaded after first paint, like the charts.
const CommitmentPanel = dynamic(() => import("./CommitmentPanel"), {
  ssr: false,
  loading: () => (
    <section className="panel" aria-label="Savings Plan commitment">
      <p className="muted">Loading the Savings Plan commitment…</p>
    </section>
  ),
});

// Below the form or opened on demand: their code loads after first paint, so /'s first-load JS stays in budget.
const SchedulePanel = dynamic(() => import("./SchedulePanel").then((m) => m.SchedulePanel), { ssr: false });
const RegionsPanel = dynamic(() => import("./RegionsPanel").then((m) => m.RegionsPanel), { ssr: false });
// Input suggestions (the valid Fargate sizes): a progressive enhancement, loaded after first paint.
const SizeDatalists = dynamic(() => import("./SizeDatalists").then((m) => m.SizeDatalists), { ssr: false });
// The example list loads after first paint; until then a disabled button holds its place.
const ExamplePicker = dynamic(() => import("./ExamplePicker").then((m) => m.ExamplePicker), {
  ssr: false,
  loading: () => (
    <div className="example-picker">
      <span className="label">Or start from an example</span>
      <div className="example-row">
        <button type="button" className="btn" disabled>
          Load an example
        </button>
      </div>
    </div>
  ),
});
// Only after a share link or an import: its own chunk.
const EstimateNotice = dynamic(() => import("./EstimateNotice").then((m) => m.EstimateNotice), { ssr: false });
const Ec2Settings = dynamic(() => import("./Ec2Settings").then((m) => m.Ec2Settings), { ssr: false });
const NetworkPanel = dynamic(() => import("./NetworkPanel").then((m) => m.NetworkPanel), { ssr: false });
const EnvironmentsPanel = dynamic(() => import("./EnvironmentsPanel").then((m) => m.EnvironmentsPanel), { ssr: false });
const K8sImportPanel = dynamic(() => import("./K8sImportPanel").then((m) => m.K8sImportPanel), { ssr: false });
const IacImport = dynamic(() => import("@/components/iac/IacImport").then((m) => m.IacImport), { ssr: false });
// Issue 25's self-contained panels: price book, Express Mode preset, display currency (loaded after first paint).
const PriceBookPanel = dynamic(() => import("@/components/pricebook/PriceBookPanel").then((m) => m.PriceBookPanel), { ssr: false });
const ExpressModePanel = dynamic(() => import("@/components/presets/ExpressModePanel").then((m) => m.ExpressModePanel), { ssr: false });
const CurrencyPanel = dynamic(() => import("@/components/currency/CurrencyPanel").then((m) => m.CurrencyPanel), { ssr: false });
const Breakdown = dynamic(() => import("./Breakdown").then((m) => m.Breakdown), {
  ssr: false,
  loading: () => (
    <section className="panel" aria-label="Breakdown">
      <p className="muted">Loading the breakdown…</p>
    </section>
  ),
});
const WarningsAndSources = dynamic(() => import("./Breakdown").then((m) => m.WarningsAndSources), { ssr: false });

/** After an import or an example, the answer is what the visitor wants next: bring the results into view. */
function showResults() {
  requestAnimationFrame(() => document.getElementById("results")?.scrollIntoView({ block: "start" }));
}

export interface EstimatorProps {
  initialDraft: EstimateDraft;
  initialInput: EstimateInput;
  initialResult: EstimateResult;
  initialCurve: CurveData | null;
  initialToken: string;
  regions: RegionInfo[];
  newestCatalogId: string;
  bundledCatalogIds: string[];
  limits: FormLimits;
  /** The collapsed panels' summaries of the first paint (the kit recomputes them after hydration). */
  initialSummaries: PanelSummaries;
}

export function Estimator(props: EstimatorProps) {
  const { regions, newestCatalogId, bundledCatalogIds } = props;
  const [draft, actions] = useDraft(props.initialDraft, props.limits);
  const { kit, kitError } = useEstimatorKit();
  const catalogState = useRegionCatalog(draft.catalog, draft.region, kit?.parseCatalog ?? null);
  const catalog = catalogState.status === "ready" ? catalogState.catalog : null;
  const catalogError = catalogState.status === "error" ? catalogState.error : null;
  const [curveService, setCurveService] = useState(0);
  const live = useLiveEstimate(kit, catalog, draft, curveService, {
    input: props.initialInput,
    result: props.initialResult,
    token: props.initialToken,
    curve: props.initialCurve,
  });
  const [notice, setNotice] = useState<Notice | null>(null);
  const { shareLink, copyStatus, copy } = useCopyShareLink();

  /** Put an input from a share link or an imported file into the form (after the checks a user can act on). */
  const applyInput = useCallback(
    (k: Kit, input: EstimateInput, source: "link" | "import", what: string) => {
      const choice = chooseCatalog(input.catalog, bundledCatalogIds, newestCatalogId);
      if (!choice.bundled) {
        setNotice({ kind: "link-catalog", input, requested: choice.requested });
        return;
      }
      if (!regions.some((r) => r.region === input.region)) {
        setNotice({ kind: "region-missing", region: input.region, source: source === "link" ? "The share link" : "The imported file" });
        return;
      }
      actions.replace(k.inputToDraft({ ...input, catalog: choice.catalogId }));
      setCurveService(0);
      setNotice(source === "link" ? { kind: "link-ok" } : { kind: "import-ok", what });
      if (source === "import") showResults();
    },
    [actions, bundledCatalogIds, newestCatalogId, regions],
  );

  // Which collapsed panels are open: from the link the page was opened with, kept in the address bar and in
  // "Copy link" (lib/share/open-panels.ts; the token itself is unchanged, so old links keep their numbers).
  const [open, setOpen] = useState<ReadonlySet<PanelId>>(() => new Set());
  useEffect(() => {
    const fromLink = openPanelsFromSearch(window.location.search);
    // Reading the address bar once after hydration (the server render has every panel closed).
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (fromLink.length > 0) setOpen(new Set(fromLink));
  }, []);
  const toggle = useCallback((id: PanelId, isOpen: boolean) => {
    setOpen((prev) => {
      const next = new Set(prev);
      if (isOpen) next.add(id);
      else next.delete(id);
      const url = new URL(window.location.href);
      url.searchParams.delete("open");
      const rest = url.search.replace(/^\?/, "");
      const param = openPanelsParam(next).replace(/^&/, "");
      const search = [rest, param].filter(Boolean).join("&");
      window.history.replaceState(null, "", `${url.pathname}${search ? `?${search}` : ""}`);
      return next;
    });
  }, []);
  const panel = (id: PanelId) => ({ id, open: open.has(id), onToggle: (isOpen: boolean) => toggle(id, isOpen) });

  const loadExample = useCallback(
    async (id: ExampleId, title: string) => {
      if (!kit) return;
      const { exampleInput } = await import("@/lib/examples/gallery");
      const out = kit.readEstimateFile(JSON.stringify(exampleInput(id)));
      if (!out.ok) setNotice({ kind: "import-error", errors: out.errors });
      else applyInput(kit, out.input, "import", `example "${title}"`);
    },
    [kit, applyInput],
  );

  // Opening a share link: decoded once the kit is here. Any failure -> banner + the default estimate.
  const readLink = useMemo(() => (kit ? shareLinkReader(kit.decodeShare) : null), [kit]);
  useOpenedLink(readLink, (link) => {
    if (!kit) return;
    if (!link.ok) setNotice({ kind: "link-error", problem: link.problem, errors: link.errors });
    else applyInput(kit, link.input, "link", "share link");
  });

  const applyTaskDefinition = useCallback((key: string, fields: TaskDefinitionFields) => actions.updateService(key, fields), [actions]);
  const taskDefinitions = useTaskDefinitionImport(kit?.readTaskDefinition ?? null, applyTaskDefinition);

  // Kubernetes manifests replace the services (orchestrator EKS); region, catalog, EC2 and network settings stay.
  const applyManifests = useCallback(
    (input: EstimateInput) => {
      if (!kit) return;
      const imported = kit.inputToDraft(input);
      // The EKS settings come with the import, else the form's, else the defaults: the cluster panel is always there.
      const eks = imported.eks ?? draft.eks ?? defaultEksDraft();
      actions.replace({ ...imported, eks, region: draft.region, catalog: draft.catalog, savingsPlan: draft.savingsPlan, ec2: draft.ec2, network: draft.network });
      setCurveService(0);
      showResults();
    },
    [kit, actions, draft.region, draft.catalog, draft.savingsPlan, draft.ec2, draft.network, draft.eks],
  );
  const manifests = useK8sImport(applyManifests, { region: draft.region, catalog: draft.catalog });
  const noticeForManifests = (out: K8sImportState) => {
    if (out.status === "ok") setNotice({ kind: "import-ok", what: `Kubernetes manifests in ${out.source} (${out.services.length} services; the import's notes are under "Import Kubernetes manifests")` });
    else if (out.status === "error") setNotice({ kind: "import-error", errors: out.errors });
  };

  const removeService = useCallback(
    (key: string) => {
      actions.removeService(key);
      setCurveService(0);
    },
    [actions],
  );

  const onImport = async (file: File) => {
    if (!kit) return;
    if (file.size > kit.maxImportBytes) {
      setNotice({ kind: "import-error", errors: [{ path: "(file)", message: `is too large (${file.size} bytes; at most ${kit.maxImportBytes})` }] });
      return;
    }
    if (isManifestFileName(file.name)) {
      noticeForManifests(await manifests.importFile(file));
      return;
    }
    const text = await file.text();
    const out = kit.readEstimateFile(text);
    if (!out.ok && looksLikeKubernetesJson(text)) {
      noticeForManifests(await manifests.importText(text, file.name));
      return;
    }
    if (!out.ok) {
      setNotice({ kind: "import-error", errors: out.errors });
      return;
    }
    applyInput(kit, out.input, "import", out.kind === "result" ? "exported estimate" : "estimate input");
  };

  const { good, deferred, errors, stale } = live;
  // Next to a field its label is already shown: only the problem, in words ("must be at most 16").
  const fieldErrors = useMemo(() => new Map([...live.errorMap].map(([path, message]) => [path, plainMessage(message)])), [live.errorMap]);
  const result = good.result;
  const isEks = draft.orchestrator === "eks";
  const summaries = useMemo(() => (kit ? kit.panelSummaries(good.input, result) : props.initialSummaries), [kit, good.input, result, props.initialSummaries]);
  const graviton = useMemo(() => (kit && catalog && deferred.input.region === catalog.region ? kit.graviton(deferred.input, deferred.result, catalog) : null), [kit, catalog, deferred]);
  const namesKey = draft.services.map((s) => s.name).join("\u0000");
  const serviceNames = useMemo(() => namesKey.split("\u0000"), [namesKey]);

  let status: string;
  if (kitError) status = `The interactive calculator could not load (${kitError}); showing the server's estimate.`;
  else if (catalogError) status = `Prices for ${draft.region} (${draft.catalog}) could not be loaded: ${catalogError}`;
  else if (!kit || !catalog) status = kit ? `Loading prices for ${draft.region}…` : "Showing the server-computed estimate; the live calculator is loading…";
  else if (stale) status = `Showing the last valid estimate: fix ${errors.length} problem${errors.length === 1 ? "" : "s"} in the form to update it.`;
  else status = `Live: updated as you type. Region ${result.catalog.region}, catalog ${result.catalog.id}.`;

  return (
    <>
      {notice ? (
        <EstimateNotice
          notice={notice}
          newest={newestCatalogId}
          onClose={() => setNotice(null)}
          onUseNewest={(input) => kit && applyInput(kit, { ...input, catalog: newestCatalogId }, "link", "share link")}
        />
      ) : null}
      <SizeDatalists />

      <AnswerBar result={result} stale={stale} />

      <div className="layout">
        <ShareTokenContext.Provider value={good.token}>
          <form className="stack" aria-label="Workload" onSubmit={(e) => e.preventDefault()} noValidate>
            <ServicesPanel
              services={draft.services}
              eks={isEks}
              maxServices={props.limits.maxServices}
              result={stale ? null : result}
              errors={fieldErrors}
              taskDefinitionMessages={taskDefinitions.messages}
              actions={actions}
              onRemove={removeService}
              onTaskDefinition={taskDefinitions.importFile}
              examples={<ExamplePicker onLoad={kit ? loadExample : null} />}
            />
            <SettingsPanel
              region={draft.region}
              catalog={draft.catalog}
              savingsPlan={draft.savingsPlan}
              orchestrator={draft.orchestrator ?? "ecs"}
              eks={draft.eks}
              regions={regions}
              bundledCatalogIds={bundledCatalogIds}
              errors={fieldErrors}
              onRegion={actions.setRegion}
              onCatalog={actions.setCatalog}
              onSavingsPlan={actions.setSavingsPlan}
              onOrchestrator={actions.setOrchestrator}
              onEks={actions.setEks}
            />
            <Disclosure {...panel(OPTION.ec2)} title={isEks ? "EKS node group (EC2) settings" : "EC2 settings"} summary={summaries.ec2}>
              <Ec2Settings ec2={draft.ec2} isEks={isEks} errors={fieldErrors} onEc2={actions.setEc2} />
            </Disclosure>
            <Disclosure {...panel("network")} title="Network and logs" summary={summaries.network}>
              <NetworkPanel network={draft.network} errors={fieldErrors} onChange={actions.setNetwork} />
            </Disclosure>
            <Disclosure {...panel("environments")} title="Environments" summary={summaries.environments}>
              <EnvironmentsPanel environments={draft.environments} errors={fieldErrors} onChange={actions.setEnvironments} />
            </Disclosure>
            <Disclosure {...panel("import")} title="Import" summary="Kubernetes manifests, Terraform plans, CloudFormation templates">
              <K8sImportPanel state={manifests.state} ready={kit !== null} onText={manifests.importText} onFile={manifests.importFile} />
              <IacImport region={draft.region} onInput={kit ? (input, what) => applyInput(kit, input, "import", what) : null} />
            </Disclosure>
            <Disclosure {...panel("pricebook")} title="Price book" summary={summaries.pricebook}>
              <PriceBookPanel discounts={draft.discounts} errors={fieldErrors} onChange={actions.update} />
            </Disclosure>
            <Disclosure {...panel("express")} title="ECS Express Mode preset" summary="One click adds a service as Express Mode creates it: Fargate, an ALB with HTTPS, autoscaling, a log group">
              <ExpressModePanel eks={draft.orchestrator === "eks"} serviceNames={serviceNames} maxServices={props.limits.maxServices} serviceCount={draft.services.length} onChange={actions.update} />
            </Disclosure>
          </form>
        </ShareTokenContext.Provider>

        <section className="stack" aria-label="Results" id="results" tabIndex={-1}>
          <ComparisonPanel
            result={result}
            status={status}
            statusWarn={stale || catalogError !== null || kitError !== null}
            errors={errors}
            serviceNames={serviceNames}
            environmentNames={draft.environments?.map((e) => e.name) ?? []}
            eks={isEks}
            shareLink={shareLink}
            copyStatus={copyStatus}
            onCopyLink={() => copy(good.token, stale, openPanelsParam(open))}
            onImport={kit ? onImport : null}
            catalog={catalog}
            compareHref={`/compare?new=${encodeURIComponent(good.token)}`}
            graviton={graviton}
          />
          <CurrencyPanel />
          <div className="charts">
            <CostChartPanel result={result} />
            <CrossoverPanel curve={live.curve} eks={isEks} serviceNames={serviceNames} curveService={Math.min(curveService, draft.services.length - 1)} onCurveService={setCurveService} />
          </div>
          {good.input.environments && good.input.environments.length > 0 ? <SchedulePanel result={deferred.result} /> : null}
          <Disclosure {...panel("regions")} title="Compare regions" summary={summaries.regions}>
            <RegionsPanel input={good.input} onSwitchRegion={actions.setRegion} initiallyOpen />
          </Disclosure>
          <Disclosure {...panel("commitment")} title="Savings Plan commitment" summary={summaries.commitment}>
            <CommitmentPanel input={deferred.input} catalog={catalog} />
          </Disclosure>
          <Disclosure {...panel("breakdown")} title="Breakdown" summary="every line with its quantity, AWS rate, usage type and price date">
            <Breakdown result={deferred.result} />
          </Disclosure>
          <WarningsAndSources result={deferred.result} />
        </section>
      </div>
    </>
  );
}
