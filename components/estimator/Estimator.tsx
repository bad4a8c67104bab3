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
import { useCallback, useMemo, useState } from "react";
import dynamic from "next/dynamic";
import type { EstimateDraft } from "@/lib/share/draft";
import type { EstimateInput, EstimateResult } from "@/lib/schemas/estimate";
import type { CurveData } from "@/lib/present/curve";
import { chooseCatalog } from "@/lib/pipeline/region-catalog";
import { useRegionCatalog } from "@/components/hooks/useRegionCatalog";
import { shareLinkReader, useCopyShareLink, useOpenedLink } from "@/components/hooks/useShareLink";
import { useTaskDefinitionImport } from "@/components/hooks/useTaskDefinitionImport";
import type { TaskDefinitionFields } from "@/lib/rightsize/task-definition";
import { ShareTokenContext } from "./ServiceCard";
import { ServicesPanel } from "./ServicesPanel";
import { SettingsPanel } from "./SettingsPanel";
import { ComparisonPanel } from "./ComparisonPanel";
import { CostChartPanel, CrossoverPanel } from "./ChartsSection";
import { EstimateNotice, type Notice } from "./EstimateNotice";
import { SizeDatalists } from "./SizeDatalists";
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
    },
    [actions, bundledCatalogIds, newestCatalogId, regions],
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
      actions.replace({ ...imported, region: draft.region, catalog: draft.catalog, savingsPlan: draft.savingsPlan, ec2: draft.ec2, network: draft.network });
      setCurveService(0);
    },
    [kit, actions, draft.region, draft.catalog, draft.savingsPlan, draft.ec2, draft.network],
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
  const result = good.result;
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

      <div className="layout">
        <ShareTokenContext.Provider value={good.token}>
          <form className="stack" aria-label="Workload" onSubmit={(e) => e.preventDefault()} noValidate>
            <K8sImportPanel state={manifests.state} ready={kit !== null} onText={manifests.importText} onFile={manifests.importFile} />
            <IacImport region={draft.region} onInput={kit ? (input, what) => applyInput(kit, input, "import", what) : null} />
            <ServicesPanel
              services={draft.services}
              eks={draft.orchestrator === "eks"}
              maxServices={props.limits.maxServices}
              result={stale ? null : result}
              errors={live.errorMap}
              taskDefinitionMessages={taskDefinitions.messages}
              actions={actions}
              onRemove={removeService}
              onTaskDefinition={taskDefinitions.importFile}
            />
            <SettingsPanel
              region={draft.region}
              catalog={draft.catalog}
              savingsPlan={draft.savingsPlan}
              ec2={draft.ec2}
              orchestrator={draft.orchestrator ?? "ecs"}
              eks={draft.eks}
              regions={regions}
              bundledCatalogIds={bundledCatalogIds}
              errors={live.errorMap}
              onRegion={actions.setRegion}
              onCatalog={actions.setCatalog}
              onSavingsPlan={actions.setSavingsPlan}
              onEc2={actions.setEc2}
              onOrchestrator={actions.setOrchestrator}
              onEks={actions.setEks}
            />
            <NetworkPanel network={draft.network} errors={live.errorMap} onChange={actions.setNetwork} />
            <EnvironmentsPanel environments={draft.environments} errors={live.errorMap} onChange={actions.setEnvironments} />
            <PriceBookPanel discounts={draft.discounts} errors={live.errorMap} onChange={actions.update} />
            <ExpressModePanel eks={draft.orchestrator === "eks"} serviceNames={serviceNames} maxServices={props.limits.maxServices} serviceCount={draft.services.length} onChange={actions.update} />
          </form>
        </ShareTokenContext.Provider>

        <section className="stack" aria-label="Results" id="results">
          <ComparisonPanel
            result={result}
            status={status}
            statusWarn={stale || catalogError !== null || kitError !== null}
            errors={errors}
            shareLink={shareLink}
            copyStatus={copyStatus}
            onCopyLink={() => copy(good.token, stale)}
            onImport={kit ? onImport : null}
            catalog={catalog}
            compareHref={`/compare?new=${encodeURIComponent(good.token)}`}
          />
          <CurrencyPanel />
          <div className="charts">
            <CostChartPanel result={result} />
            <CrossoverPanel curve={live.curve} serviceNames={serviceNames} curveService={Math.min(curveService, draft.services.length - 1)} onCurveService={setCurveService} />
          </div>
          <RegionsPanel input={good.input} onSwitchRegion={actions.setRegion} />
          <SchedulePanel result={deferred.result} />
          <CommitmentPanel input={deferred.input} catalog={catalog} />
          <Breakdown result={deferred.result} />
          <WarningsAndSources result={deferred.result} />
        </section>
      </div>
    </>
  );
}
