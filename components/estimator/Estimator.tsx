"use client";
/**
 * Client root of the estimator. First paint = the server-computed result (no client JS needed);
 * right after hydration the kit (zod + engine + codec) and the region's price file load, and from then
 * on every keystroke re-validates and re-estimates in the browser. An invalid value shows its message
 * next to the field while the last valid result stays on screen; nothing the user typed is rewritten.
 */
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type ChangeEvent } from "react";
import type { EstimateInput, EstimateResult, FieldError } from "@/lib/schemas/estimate";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { newServiceKey, type EstimateDraft, type ServiceDraft, type Ec2Draft, type DraftSavingsPlan } from "@/lib/share/draft";
import { SHARE_PARAM, shareTokenFromSearch } from "@/lib/share/codec-url";
import { estimateToCsv, exportFilename } from "@/lib/export/csv";
import { FARGATE_LINUX_SIZES, FARGATE_WINDOWS_SIZES } from "@/lib/engine/fargate-sizes";
import { formatQuantity, formatUSD } from "@/lib/format";
import { Banner } from "@/components/ui/fields";
import { ServiceCard, ShareTokenContext, type BilledNote, type TaskDefinitionMessage } from "./ServiceCard";
import { SettingsPanel } from "./SettingsPanel";
import { SummaryCards, Breakdown, WarningsAndSources } from "./Results";
import { CostChartPanel, CrossoverPanel } from "./ChartsSection";
import type { CurveData, Kit, RegionInfo } from "./types";

export interface EstimatorProps {
  initialDraft: EstimateDraft;
  initialInput: EstimateInput;
  initialResult: EstimateResult;
  initialCurve: CurveData | null;
  initialToken: string;
  regions: RegionInfo[];
  newestCatalogId: string;
  bundledCatalogIds: string[];
}

type CatalogEntry = { catalog: RegionCatalog } | { error: string };

interface Good {
  input: EstimateInput;
  result: EstimateResult;
  token: string;
}

type Notice =
  | { kind: "link-error"; problem: string; errors: FieldError[] }
  | { kind: "link-catalog"; input: EstimateInput; requested: string }
  | { kind: "region-missing"; region: string; source: string }
  | { kind: "import-error"; errors: FieldError[] }
  | { kind: "import-ok"; what: string }
  | { kind: "link-ok" };

const MAX_SERVICES = 100;
const MAX_IMPORT_FILE_BYTES = 5 * 1024 * 1024;
const MAX_TASKDEF_FILE_BYTES = 1024 * 1024;

/** A named duration in the browser's performance timeline (read by scripts/measure-web.mjs); never throws. */
/**
 * Runs `compute` and records its duration as a User Timing measure (read by scripts/measure-web.mjs). The
 * clock never reaches what is rendered: the result is `compute`'s alone.
 */
function timed<T>(name: string, compute: () => T): T {
  const start = performance.now();
  const out = compute();
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Older browsers without User Timing Level 3: nothing to record.
  }
  return out;
}

function vcpuLabel(v: number): string {
  return `${formatQuantity(v)} vCPU`;
}

function download(filename: string, text: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function blankService(n: number): ServiceDraft {
  return {
    key: newServiceKey(),
    name: `service-${n}`,
    vcpu: "1",
    memoryGiB: "2",
    architecture: "x86_64",
    os: "linux",
    ephemeralStorageGiB: "20",
    tasks: "1",
    usageKind: "continuous",
    hoursPerMonth: "730",
    runsPerDay: "24",
    secondsPerRun: "300",
    daysPerMonth: "",
    strategy: false,
    base: "0",
    fargateWeight: "1",
    spotWeight: "1",
  };
}

/** "Billed as 1 vCPU / 2 GiB on Fargate" when the engine snapped the request to a valid Fargate size. */
function billedNote(result: EstimateResult, index: number): BilledNote | null {
  const fargate = result.options.find((o) => o.id === "fargate");
  const billed = fargate?.available ? fargate.services[index] : undefined;
  if (!billed) return null;
  const snapped = billed.vcpu !== billed.requested.vcpu || billed.memoryGiB !== billed.requested.memoryGiB;
  if (!snapped) return null;
  const loss = billed.roundingLossUSD ?? 0;
  return {
    text:
      `Billed as ${vcpuLabel(billed.vcpu)} / ${formatQuantity(billed.memoryGiB)} GiB on Fargate ` +
      `(requested ${vcpuLabel(billed.requested.vcpu)} / ${formatQuantity(billed.requested.memoryGiB)} GiB` +
      (loss > 0.005 ? `; ${formatUSD(loss)}/month for the unused difference)` : ")"),
    loss: loss > 0.005,
  };
}

export function Estimator(props: EstimatorProps) {
  const [draft, setDraft] = useState<EstimateDraft>(props.initialDraft);
  const [kit, setKit] = useState<Kit | null>(null);
  const [kitError, setKitError] = useState<string | null>(null);
  const [catalogs, setCatalogs] = useState<Record<string, CatalogEntry>>({});
  const [curveService, setCurveService] = useState(0);
  const [good, setGood] = useState<Good>({ input: props.initialInput, result: props.initialResult, token: props.initialToken });
  const [lastCurve, setLastCurve] = useState<CurveData | null>(props.initialCurve);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [shareLink, setShareLink] = useState<string | null>(null);
  const [copyStatus, setCopyStatus] = useState<string>("");
  const [taskDefMessages, setTaskDefMessages] = useState<Record<string, TaskDefinitionMessage>>({});
  const linkHandled = useRef(false);

  const catalogKey = `${draft.catalog}/${draft.region}`;
  const entry = catalogs[catalogKey];
  const catalog = entry && "catalog" in entry ? entry.catalog : null;

  // Fetch (once) the price file of the selected catalog and region; the route is static JSON.
  useEffect(() => {
    if (!kit || entry) return;
    let cancelled = false;
    const [catalogId, region] = [draft.catalog, draft.region];
    fetch(`/api/catalog/${encodeURIComponent(catalogId)}/${encodeURIComponent(region)}`)
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const msg = body && typeof body === "object" && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
          throw new Error(msg);
        }
        return kit.parseCatalog(body, `${catalogId}/${region}`, { region, catalogId });
      })
      .then((cat) => {
        if (!cancelled) setCatalogs((c) => ({ ...c, [`${catalogId}/${region}`]: { catalog: cat } }));
      })
      .catch((e: unknown) => {
        if (!cancelled) setCatalogs((c) => ({ ...c, [`${catalogId}/${region}`]: { error: e instanceof Error ? e.message : String(e) } }));
      });
    return () => {
      cancelled = true;
    };
  }, [kit, entry, draft.catalog, draft.region]);

  const outcome = useMemo(() => {
    if (!kit || !catalog) return null;
    return timed("estimate-run", () => kit.run(draft, catalog));
  }, [kit, catalog, draft]);

  // Keep the last valid result (React's "store information from previous renders" pattern).
  if (outcome?.ok && outcome.result !== good.result) {
    setGood({ input: outcome.input, result: outcome.result, token: outcome.token });
  }

  // An edit renders in two passes: urgent (form, totals, stacked bar) and deferred (crossover curve =
  // ~20 full estimates, breakdown tables, warnings), so typing stays responsive with many services.
  const deferred = useDeferredValue(good);
  const curve = useMemo(() => {
    if (!kit || !catalog || deferred.input.region !== catalog.region) return null;
    if (deferred.input === props.initialInput && curveService === 0 && props.initialCurve) return props.initialCurve;
    return timed("curve-run", () => kit.curve(deferred.input, catalog, curveService));
  }, [kit, catalog, deferred.input, curveService, props.initialInput, props.initialCurve]);
  if (curve && curve !== lastCurve) setLastCurve(curve);

  const errors: FieldError[] = useMemo(() => (outcome && !outcome.ok ? outcome.errors : []), [outcome]);
  // Stable while the set of problems is unchanged, so memoized form sections skip re-rendering.
  const errorsKey = JSON.stringify(errors);
  const errorMap = useMemo(() => new Map((JSON.parse(errorsKey) as FieldError[]).map((e) => [e.path, e.message])), [errorsKey]);
  const stale = outcome !== null && !outcome.ok;

  /** Put an input from a share link or an imported file into the form (after the checks a user can act on). */
  const applyInput = useCallback(
    (k: Kit, input: EstimateInput, source: "link" | "import", what: string) => {
      const catalogId = input.catalog ?? props.newestCatalogId;
      if (!props.bundledCatalogIds.includes(catalogId)) {
        setNotice({ kind: "link-catalog", input, requested: catalogId });
        return;
      }
      if (!props.regions.some((r) => r.region === input.region)) {
        setNotice({ kind: "region-missing", region: input.region, source: source === "link" ? "The share link" : "The imported file" });
        return;
      }
      setDraft(k.inputToDraft({ ...input, catalog: catalogId }));
      setCurveService(0);
      setNotice(source === "link" ? { kind: "link-ok" } : { kind: "import-ok", what });
    },
    [props.bundledCatalogIds, props.newestCatalogId, props.regions],
  );

  // Opening a share link: decoded (once) with the kit. Any failure -> banner + the default estimate.
  const openShareLink = useCallback(
    (k: Kit) => {
      if (linkHandled.current) return;
      linkHandled.current = true;
      const token = shareTokenFromSearch(window.location.search);
      if (token === null) return;
      const decoded = k.decodeShare(token);
      if (!decoded.ok) {
        setNotice({ kind: "link-error", problem: decoded.problem, errors: decoded.errors });
        return;
      }
      applyInput(k, decoded.input, "link", "share link");
    },
    [applyInput],
  );

  // Load the heavy half right after hydration, then open the share link with it.
  useEffect(() => {
    let cancelled = false;
    import("./kit")
      .then((m) => {
        if (cancelled) return;
        setKit(m.kit);
        openShareLink(m.kit);
      })
      .catch((e: unknown) => {
        if (!cancelled) setKitError(e instanceof Error ? e.message : String(e));
      });
    return () => {
      cancelled = true;
    };
  }, [openShareLink]);

  // ---------------------------------------------------------------- form updates
  const updateService = useCallback((key: string, patch: Partial<ServiceDraft>) => {
    setDraft((d) => ({ ...d, services: d.services.map((s) => (s.key === key ? { ...s, ...patch } : s)) }));
  }, []);
  const duplicateService = useCallback((key: string) => {
    setDraft((d) => {
      if (d.services.length >= MAX_SERVICES) return d;
      const i = d.services.findIndex((s) => s.key === key);
      const src = d.services[i];
      if (!src) return d;
      const copy: ServiceDraft = { ...src, key: newServiceKey(), name: `${src.name} copy`.slice(0, 64) };
      return { ...d, services: [...d.services.slice(0, i + 1), copy, ...d.services.slice(i + 1)] };
    });
  }, []);
  const removeService = useCallback((key: string) => {
    setDraft((d) => (d.services.length <= 1 ? d : { ...d, services: d.services.filter((s) => s.key !== key) }));
    setCurveService(0);
  }, []);
  const addService = () => setDraft((d) => (d.services.length >= MAX_SERVICES ? d : { ...d, services: [...d.services, blankService(d.services.length + 1)] }));
  const setEc2 = useCallback((patch: Partial<Ec2Draft>) => setDraft((d) => ({ ...d, ec2: { ...d.ec2, ...patch } })), []);
  const setRegion = useCallback((region: string) => setDraft((d) => ({ ...d, region })), []);
  const setCatalog = useCallback((catalog: string) => setDraft((d) => ({ ...d, catalog })), []);
  const setSavingsPlan = useCallback((savingsPlan: DraftSavingsPlan) => setDraft((d) => ({ ...d, savingsPlan })), []);

  const onTaskDefinition = useCallback(
    async (key: string, file: File) => {
      if (!kit) return;
      let msg: TaskDefinitionMessage;
      if (file.size > MAX_TASKDEF_FILE_BYTES) {
        msg = { ok: false, errors: [{ path: "(file)", message: `is too large (${file.size} bytes; a task definition is at most ${MAX_TASKDEF_FILE_BYTES})` }] };
      } else {
        let raw: unknown = undefined;
        let parseError: string | null = null;
        try {
          raw = JSON.parse(await file.text());
        } catch (e) {
          parseError = e instanceof Error ? e.message : String(e);
        }
        if (parseError !== null) {
          msg = { ok: false, errors: [{ path: "(file)", message: `is not valid JSON (${parseError})` }] };
        } else {
          const out = kit.fromTaskDefinition(raw);
          if (out.ok) {
            updateService(key, {
              name: out.service.name.slice(0, 64),
              vcpu: String(out.service.vcpu),
              memoryGiB: String(out.service.memoryGiB),
              architecture: out.service.architecture,
              os: out.service.os,
              ephemeralStorageGiB: String(out.service.ephemeralStorageGiB),
            });
            msg = { ok: true, warnings: out.warnings };
          } else {
            msg = { ok: false, errors: out.errors };
          }
        }
      }
      setTaskDefMessages((m) => ({ ...m, [key]: msg }));
    },
    [kit, updateService],
  );

  // ---------------------------------------------------------------- share, export, import
  const copyLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}?${SHARE_PARAM}=${good.token}`;
    window.history.replaceState(null, "", url);
    setShareLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setCopyStatus(stale ? "Link to the last valid estimate copied." : "Link copied to the clipboard.");
    } catch {
      setCopyStatus("The clipboard is not available here: copy the link from the field below.");
    }
  };

  const downloadJson = () => download(exportFilename(new Date(), "json"), JSON.stringify(good.result, null, 2) + "\n", "application/json");
  const downloadCsv = () => download(exportFilename(new Date(), "csv"), estimateToCsv(good.result), "text/csv;charset=utf-8");

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file || !kit) return;
    if (file.size > MAX_IMPORT_FILE_BYTES) {
      setNotice({ kind: "import-error", errors: [{ path: "(file)", message: `is too large (${file.size} bytes; at most ${MAX_IMPORT_FILE_BYTES})` }] });
      return;
    }
    const out = kit.parseImport(await file.text());
    if (!out.ok) {
      setNotice({ kind: "import-error", errors: out.errors });
      return;
    }
    applyInput(kit, out.input, "import", out.kind === "result" ? "exported estimate" : "estimate input");
  };

  // ---------------------------------------------------------------- render
  const result = good.result;
  const namesKey = draft.services.map((s) => s.name).join("\u0000");
  const serviceNames = useMemo(() => namesKey.split("\u0000"), [namesKey]);
  const vcpuValues = [...new Set(FARGATE_LINUX_SIZES.map((s) => s.vcpu))];
  const catalogError = entry && "error" in entry ? entry.error : null;

  let status: string;
  if (kitError) status = `The interactive calculator could not load (${kitError}); showing the server's estimate.`;
  else if (catalogError) status = `Prices for ${draft.region} (${draft.catalog}) could not be loaded: ${catalogError}`;
  else if (!kit || !catalog) status = kit ? `Loading prices for ${draft.region}…` : "Showing the server-computed estimate; the live calculator is loading…";
  else if (outcome && !outcome.ok && outcome.internal) status = `The estimate could not be computed (${outcome.internal}); showing the last valid estimate.`;
  else if (stale) status = `Showing the last valid estimate: fix ${errors.length} problem${errors.length === 1 ? "" : "s"} in the form to update it.`;
  else status = `Live: updated as you type. Region ${result.catalog.region}, catalog ${result.catalog.id}.`;

  return (
    <>
      {notice ? <NoticeBanner notice={notice} newest={props.newestCatalogId} onClose={() => setNotice(null)} onUseNewest={(input) => kit && applyInput(kit, { ...input, catalog: props.newestCatalogId }, "link", "share link")} /> : null}

      <datalist id="vcpu-options">
        {vcpuValues.map((v) => (
          <option key={v} value={String(v)} />
        ))}
      </datalist>
      {(["linux", "windows"] as const).flatMap((os) => {
        const sizes = os === "linux" ? FARGATE_LINUX_SIZES : FARGATE_WINDOWS_SIZES;
        return [...new Set(sizes.map((s) => s.vcpu))].map((v) => (
          <datalist key={`${os}-${v}`} id={`mem-options-${os}-${v}`}>
            {sizes
              .filter((s) => s.vcpu === v)
              .map((s) => (
                <option key={s.memoryGiB} value={String(s.memoryGiB)} />
              ))}
          </datalist>
        ));
      })}

      <div className="layout">
        <ShareTokenContext.Provider value={good.token}>
        <form className="stack" aria-label="Workload" onSubmit={(e) => e.preventDefault()} noValidate>
          <section className="panel" aria-labelledby="services-heading">
            <a className="jump-link" href="#results">
              Jump to the results
            </a>
            <div className="panel-head">
              <h2 id="services-heading">Services</h2>
              <button type="button" className="btn" onClick={addService} disabled={draft.services.length >= MAX_SERVICES} data-testid="add-service">
                + Add service
              </button>
            </div>
            {draft.services.map((s, i) => {
              const billed = stale ? null : billedNote(result, i);
              return (
              <ServiceCard
                key={s.key}
                index={i}
                service={s}
                errors={errorMap}
                canRemove={draft.services.length > 1}
                canAdd={draft.services.length < MAX_SERVICES}
                billedText={billed?.text ?? null}
                billedLoss={billed?.loss ?? false}
                taskDefMessage={taskDefMessages[s.key] ?? null}
                onChange={updateService}
                onDuplicate={duplicateService}
                onRemove={removeService}
                onTaskDefinition={onTaskDefinition}
              />
              );
            })}
          </section>
          <SettingsPanel
            region={draft.region}
            catalog={draft.catalog}
            savingsPlan={draft.savingsPlan}
            ec2={draft.ec2}
            regions={props.regions}
            bundledCatalogIds={props.bundledCatalogIds}
            errors={errorMap}
            onRegion={setRegion}
            onCatalog={setCatalog}
            onSavingsPlan={setSavingsPlan}
            onEc2={setEc2}
          />
        </form>
        </ShareTokenContext.Provider>

        <section className="stack" aria-label="Results" id="results">
          <section className="panel" aria-labelledby="compare-heading">
            <div className="panel-head">
              <h2 id="compare-heading">Monthly cost comparison</h2>
              <div className="toolbar">
                <button type="button" className="btn btn-primary" onClick={copyLink} data-testid="copy-link">
                  Copy link
                </button>
                <button type="button" className="btn" onClick={downloadJson} data-testid="download-json">
                  Download JSON
                </button>
                <button type="button" className="btn" onClick={downloadCsv} data-testid="download-csv">
                  Download CSV
                </button>
                <span className="btn file-button">
                  <label htmlFor="import-json">Import JSON</label>
                  <input id="import-json" type="file" accept="application/json,.json" onChange={onImport} disabled={!kit} data-testid="import-json" />
                </span>
              </div>
            </div>
            <p className={`status${stale || catalogError || kitError ? " stale" : ""}`} role="status" data-testid="status">
              {status}
            </p>
            {errors.length > 0 ? (
              <ul className="errors" data-testid="form-errors" aria-label="Problems in the form">
                {errors.map((e) => (
                  <li key={e.path}>
                    <code>{e.path}</code> {e.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {shareLink ? (
              <div className="field share-field">
                <label htmlFor="share-link">Share link {copyStatus ? <span className="muted" style={{ fontWeight: 400 }}>({copyStatus})</span> : null}</label>
                <input id="share-link" type="text" readOnly value={shareLink} onFocus={(e) => e.target.select()} data-testid="share-link" />
              </div>
            ) : null}
            <div style={{ marginTop: 10 }}>
              <SummaryCards result={result} />
            </div>
          </section>

          <div className="charts">
            <CostChartPanel result={result} />
            <CrossoverPanel curve={lastCurve} serviceNames={serviceNames} curveService={Math.min(curveService, draft.services.length - 1)} onCurveService={setCurveService} />
          </div>
          <Breakdown result={deferred.result} />
          <WarningsAndSources result={deferred.result} />
        </section>
      </div>
    </>
  );
}

function NoticeBanner({ notice, newest, onClose, onUseNewest }: { notice: Notice; newest: string; onClose: () => void; onUseNewest: (input: EstimateInput) => void }) {
  const close = (
    <button type="button" className="btn" onClick={onClose}>
      Dismiss
    </button>
  );
  switch (notice.kind) {
    case "link-error":
      return (
        <Banner tone="error" testId="banner-link" title="This share link could not be opened; showing the default estimate instead." actions={close}>
          <p>{notice.problem}</p>
          {notice.errors.length > 0 ? (
            <ul>
              {notice.errors.slice(0, 12).map((e, i) => (
                <li key={i}>
                  <code>{e.path}</code> {e.message}
                </li>
              ))}
              {notice.errors.length > 12 ? <li>… and {notice.errors.length - 12} more</li> : null}
            </ul>
          ) : null}
        </Banner>
      );
    case "link-catalog":
      return (
        <Banner
          tone="warn"
          testId="banner-catalog"
          title={`This estimate uses price catalog ${notice.requested}, which this app does not bundle; showing the default estimate.`}
          actions={
            <>
              <button type="button" className="btn btn-primary" onClick={() => onUseNewest(notice.input)} data-testid="use-newest-catalog">
                Open it with the newest catalog ({newest})
              </button>
              {close}
            </>
          }
        >
          <p>Prices in the newest catalog may differ from the ones the link was made with.</p>
        </Banner>
      );
    case "region-missing":
      return (
        <Banner tone="error" testId="banner-link" title={`${notice.source} asks for region ${notice.region}, which the price catalog does not cover; showing the default estimate.`} actions={close} />
      );
    case "import-error":
      return (
        <Banner tone="error" testId="banner-import" title="That file could not be imported; the form was left as it was." actions={close}>
          <ul>
            {notice.errors.slice(0, 20).map((e, i) => (
              <li key={i}>
                <code>{e.path}</code> {e.message}
              </li>
            ))}
            {notice.errors.length > 20 ? <li>… and {notice.errors.length - 20} more</li> : null}
          </ul>
        </Banner>
      );
    case "import-ok":
      return <Banner tone="info" testId="banner-import-ok" title={`Imported the ${notice.what}.`} actions={close} />;
    case "link-ok":
      return null;
  }
}
