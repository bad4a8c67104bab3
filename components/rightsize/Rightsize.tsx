"use client";
/**
 * /rightsize: current service (from an estimate link, a task definition or typed in) + a utilization file
 * (parsed in a Web Worker, never uploaded) -> recommended Fargate size priced on every launch type.
 * All rules live in lib/rightsize and lib/engine; this component only wires them to the page.
 */
import "@/components/security/zod-browser";
import dynamic from "next/dynamic";
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type ChangeEvent, type ComponentProps, type DragEvent } from "react";
import { parseRegionCatalog } from "@/lib/catalog/parse";
import type { RegionCatalog } from "@/lib/catalog/schema";
import { formatRate, formatUSD } from "@/lib/format";
import { applySize } from "@/lib/rightsize/apply";
import { PERCENTILES, type PercentileKey } from "@/lib/rightsize/percentile";
import { checkSettings, cpuSampleToVcpu, DEFAULT_SETTINGS, memorySampleToGiB, rightsize, type RightsizeResult } from "@/lib/rightsize/recommend";
import { serviceFromTaskDefinition } from "@/lib/rightsize/task-definition";
import { checkUsageFileSize, type UsageSummary } from "@/lib/rightsize/usage";
import { HOURS_PER_MONTH, parseEstimateInput, type EstimateInput, type Service } from "@/lib/schemas/estimate";
import { decodeShareToken, encodeShareToken } from "@/lib/share/codec";
import { SHARE_PARAM, shareTokenFromSearch } from "@/lib/share/codec-url";
import { Banner, SelectField, TextField } from "@/components/ui/fields";
import type { WorkerReply } from "./worker-protocol";
import styles from "./rightsize.module.css";

const UsageChart = dynamic(() => import("./UsageChart"), {
  ssr: false,
  loading: () => <div className="chart-placeholder">Loading chart…</div>,
});

export interface RegionOption {
  region: string;
  location: string;
}

interface Props {
  regions: RegionOption[];
  newestCatalogId: string;
  bundledCatalogIds: string[];
}

interface Fields {
  name: string;
  vcpu: string;
  memoryGiB: string;
  architecture: Service["architecture"];
  os: Service["os"];
  ephemeralStorageGiB: string;
  tasks: string;
  region: string;
}

const DEFAULT_FIELDS: Fields = {
  name: "service",
  vcpu: "1",
  memoryGiB: "2",
  architecture: "x86_64",
  os: "linux",
  ephemeralStorageGiB: "20",
  tasks: "1",
  region: "us-east-1",
};

type UsageState =
  | { status: "idle" }
  | { status: "working"; fileName: string; bytes: number; phase: "reading" | "parsing"; fraction: number; startedAt: number }
  | { status: "done"; fileName: string; bytes: number; summary: UsageSummary; parseMs: number; totalMs: number }
  | { status: "error"; fileName: string; error: string };

interface Base {
  input: EstimateInput;
  serviceIndex: number;
}

const PERCENTILE_LABEL: Record<PercentileKey, string> = { p50: "p50 (median)", p90: "p90", p95: "p95", p99: "p99", max: "max (peak)" };
const PCT_OPTIONS = PERCENTILES.map((k) => ({ value: k, label: PERCENTILE_LABEL[k] }));
const toNum = (s: string) => (s.trim() === "" ? NaN : Number(s));
const fmtSize = (n: number) => String(Math.round(n * 1000) / 1000);
const fmtMB = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 2 : 1)} MB`;
const intFmt = new Intl.NumberFormat("en-US");

/** The page's address never changes while it is open: nothing to subscribe to. */
const subscribeToNothing = () => () => {};

interface OpenedLink {
  base: Base | null;
  linkProblem: { problem: string; details: string[] } | null;
  catalogNote: string | null;
}

/** What a ?s=<token>&service=<i> address opens (null: no link). A bad link is a problem to show, never a throw. */
function openLink(search: string, bundledCatalogIds: string[], newestCatalogId: string): OpenedLink | null {
  const params = new URLSearchParams(search);
  const token = shareTokenFromSearch(search);
  if (token === null) return null;
  const decoded = decodeShareToken(token);
  if (!decoded.ok) return { base: null, catalogNote: null, linkProblem: { problem: decoded.problem, details: decoded.errors.map((e) => `${e.path}: ${e.message}`) } };
  const input = decoded.input;
  const rawIndex = params.get("service") ?? "0";
  let index = /^\d+$/.test(rawIndex) ? Number(rawIndex) : NaN;
  let linkProblem: OpenedLink["linkProblem"] = null;
  if (!Number.isInteger(index) || index >= input.services.length) {
    linkProblem = {
      problem: `The link names service ${JSON.stringify(rawIndex)}, but the estimate has ${input.services.length} service(s) (0 to ${input.services.length - 1}); showing service 0.`,
      details: [],
    };
    index = 0;
  }
  let catalogId = input.catalog ?? newestCatalogId;
  let catalogNote: string | null = null;
  if (!bundledCatalogIds.includes(catalogId)) {
    catalogNote = `The estimate was made with price catalog ${catalogId}, which this app does not bundle; prices below use the newest catalog ${newestCatalogId}.`;
    catalogId = newestCatalogId;
  }
  return { base: { input: { ...input, catalog: catalogId }, serviceIndex: index }, linkProblem, catalogNote };
}

function fieldsFromService(s: Service, region: string): Fields {
  return {
    name: s.name,
    vcpu: String(s.vcpu),
    memoryGiB: String(s.memoryGiB),
    architecture: s.architecture,
    os: s.os,
    ephemeralStorageGiB: String(s.ephemeralStorageGiB),
    tasks: String(s.tasks),
    region,
  };
}

export function Rightsize({ regions, newestCatalogId, bundledCatalogIds }: Props) {
  const [fields, setFields] = useState<Fields>(DEFAULT_FIELDS);
  const [base, setBase] = useState<Base | null>(null);
  const [linkProblem, setLinkProblem] = useState<{ problem: string; details: string[] } | null>(null);
  const [catalogNote, setCatalogNote] = useState<string | null>(null);
  const [taskDef, setTaskDef] = useState<{ ok: boolean; fileName: string; lines: string[] } | null>(null);
  const [usage, setUsage] = useState<UsageState>({ status: "idle" });
  const [cpuPct, setCpuPct] = useState<PercentileKey>(DEFAULT_SETTINGS.cpuPercentile);
  const [memPct, setMemPct] = useState<PercentileKey>(DEFAULT_SETTINGS.memoryPercentile);
  const [headroom, setHeadroom] = useState(String(DEFAULT_SETTINGS.headroomPct));
  const [catalogs, setCatalogs] = useState<Record<string, { catalog: RegionCatalog } | { error: string }>>({});
  const [dragging, setDragging] = useState(false);
  const [elapsed, setElapsed] = useState(0);
  const workerRef = useRef<Worker | null>(null);
  const jobRef = useRef(0);

  // ---- the estimate this page was opened from (?s=<token>&service=<i>): the address is read after hydration
  // (the server renders the page without it) and fills the form once, adjusting state during render.
  const search = useSyncExternalStore(subscribeToNothing, () => window.location.search, () => null);
  const [openedSearch, setOpenedSearch] = useState<string | null>(null);
  if (search !== null && search !== openedSearch) {
    setOpenedSearch(search);
    const opened = openLink(search, bundledCatalogIds, newestCatalogId);
    if (opened?.linkProblem) setLinkProblem(opened.linkProblem);
    if (opened?.catalogNote) setCatalogNote(opened.catalogNote);
    if (opened?.base) {
      setBase(opened.base);
      setFields(fieldsFromService(opened.base.input.services[opened.base.serviceIndex]!, opened.base.input.region));
    }
  }

  const catalogId = base?.input.catalog ?? newestCatalogId;
  const catalogKey = `${catalogId}/${fields.region}`;
  const catalogEntry = catalogs[catalogKey];
  const catalog = catalogEntry && "catalog" in catalogEntry ? catalogEntry.catalog : null;

  // ---- the price file of the region (static JSON route), fetched once per catalog/region
  useEffect(() => {
    if (catalogEntry) return;
    let cancelled = false;
    const [id, region] = [catalogId, fields.region];
    fetch(`/api/catalog/${encodeURIComponent(id)}/${encodeURIComponent(region)}`)
      .then(async (res) => {
        const body: unknown = await res.json().catch(() => null);
        if (!res.ok) {
          const msg = body && typeof body === "object" && "message" in body ? String((body as { message: unknown }).message) : `HTTP ${res.status}`;
          throw new Error(msg);
        }
        return parseRegionCatalog(body, `${id}/${region}`, { region, catalogId: id });
      })
      .then((cat) => !cancelled && setCatalogs((c) => ({ ...c, [`${id}/${region}`]: { catalog: cat } })))
      .catch((e: unknown) => !cancelled && setCatalogs((c) => ({ ...c, [`${id}/${region}`]: { error: e instanceof Error ? e.message : String(e) } })));
    return () => {
      cancelled = true;
    };
  }, [catalogEntry, catalogId, fields.region]);

  // ---- the working estimate: the base with this service's fields, or a one-service estimate
  const working = useMemo(() => {
    const idx = base?.serviceIndex ?? 0;
    const baseService = base?.input.services[idx];
    const service = {
      ...(baseService ?? {}),
      name: fields.name,
      vcpu: toNum(fields.vcpu),
      memoryGiB: toNum(fields.memoryGiB),
      architecture: fields.architecture,
      os: fields.os,
      ephemeralStorageGiB: toNum(fields.ephemeralStorageGiB),
      tasks: toNum(fields.tasks),
      usage: baseService?.usage ?? { kind: "continuous" as const, hoursPerMonth: HOURS_PER_MONTH },
    };
    const raw = base
      ? { ...base.input, region: fields.region, services: base.input.services.map((s, i) => (i === idx ? service : s)) }
      : { version: 1, region: fields.region, catalog: catalogId, services: [service] };
    const parsed = parseEstimateInput(raw);
    if (parsed.ok) return { ok: true as const, input: parsed.value, index: idx };
    const byField: Partial<Record<keyof Fields, string>> = {};
    const other: string[] = [];
    for (const e of parsed.errors) {
      const m = /^services\[(\d+)\]\.(\w+)/.exec(e.path);
      if (m && Number(m[1]) === idx && m[2]! in DEFAULT_FIELDS) byField[m[2] as keyof Fields] ??= e.message;
      else if (e.path === "region") byField.region ??= e.message;
      else other.push(`${e.path}: ${e.message}`);
    }
    return { ok: false as const, byField, other };
  }, [base, fields, catalogId]);

  const settings = useMemo(() => ({ cpuPercentile: cpuPct, memoryPercentile: memPct, headroomPct: toNum(headroom) }), [cpuPct, memPct, headroom]);
  const settingsProblems = useMemo(() => checkSettings(settings), [settings]);
  const headroomError = settingsProblems.find((p) => p.path === "headroomPct")?.message;

  const summary = usage.status === "done" ? usage.summary : null;
  const result: RightsizeResult | null = useMemo(() => {
    if (!summary || !catalog || !working.ok || settingsProblems.length > 0) return null;
    return rightsize(summary, working.input, working.index, catalog, settings);
  }, [summary, catalog, working, settings, settingsProblems]);

  const applyHref = useMemo(() => {
    if (!result || !working.ok) return null;
    const applied = applySize(working.input, working.index, { vcpu: result.recommended.vcpu, memoryGiB: result.recommended.memoryGiB });
    return `/?${SHARE_PARAM}=${encodeURIComponent(encodeShareToken(applied))}`;
  }, [result, working]);

  // ---- utilization file -> Web Worker
  const startUsage = useCallback((file: File) => {
    workerRef.current?.terminate();
    const id = ++jobRef.current;
    const sizeProblem = checkUsageFileSize(file.size);
    if (sizeProblem) {
      setUsage({ status: "error", fileName: file.name, error: sizeProblem });
      return;
    }
    const startedAt = performance.now();
    setUsage({ status: "working", fileName: file.name, bytes: file.size, phase: "reading", fraction: 0, startedAt });
    let worker: Worker;
    try {
      worker = new Worker(new URL("./usage.worker.ts", import.meta.url));
    } catch (e) {
      setUsage({ status: "error", fileName: file.name, error: `This browser could not start a background worker: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<WorkerReply>) => {
      const msg = event.data;
      if (msg.id !== jobRef.current) return;
      if (msg.type === "progress") {
        setUsage((u) => (u.status === "working" ? { ...u, phase: msg.phase, fraction: msg.fraction } : u));
        return;
      }
      worker.terminate();
      workerRef.current = null;
      if (msg.ok) setUsage({ status: "done", fileName: file.name, bytes: msg.bytes, summary: msg.summary, parseMs: msg.parseMs, totalMs: performance.now() - startedAt });
      else setUsage({ status: "error", fileName: file.name, error: msg.error });
    };
    worker.onerror = (event) => {
      if (id !== jobRef.current) return;
      worker.terminate();
      setUsage({ status: "error", fileName: file.name, error: `The file could not be analysed: ${event.message || "the background worker failed"}` });
    };
    worker.postMessage({ id, file });
  }, []);

  useEffect(() => () => workerRef.current?.terminate(), []);

  // A visible clock while the worker runs (the page stays responsive, which this proves too).
  useEffect(() => {
    if (usage.status !== "working") return;
    const t = window.setInterval(() => setElapsed(performance.now() - usage.startedAt), 100);
    return () => window.clearInterval(t);
  }, [usage]);

  const onUsageInput = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (file) startUsage(file);
    e.target.value = "";
  };
  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setDragging(false);
    const file = e.dataTransfer.files[0];
    if (file) startUsage(file);
  };

  const onTaskDefinition = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    if (file.size > 2 * 1024 * 1024) {
      setTaskDef({ ok: false, fileName: file.name, lines: [`The file is ${fmtMB(file.size)}; a task definition is a few kB of JSON.`] });
      return;
    }
    const r = serviceFromTaskDefinition(await file.text());
    if (!r.ok) {
      setTaskDef({ ok: false, fileName: file.name, lines: r.errors.map((x) => `${x.path}: ${x.message}`) });
      return;
    }
    const s = r.service;
    setFields((f) => ({
      ...f,
      name: s.name,
      vcpu: String(s.vcpu),
      memoryGiB: String(s.memoryGiB),
      architecture: s.architecture,
      os: s.os,
      ephemeralStorageGiB: String(s.ephemeralStorageGiB),
    }));
    setTaskDef({ ok: true, fileName: file.name, lines: r.warnings });
  };

  const set = <K extends keyof Fields>(k: K) => (v: Fields[K]) => setFields((f) => ({ ...f, [k]: v }));
  const fieldError = (k: keyof Fields) => (working.ok ? undefined : working.byField[k]);

  return (
    <>
      <div className={styles.privacy} data-testid="privacy-note" role="note">
        <svg className={styles.lock} aria-hidden="true" width="18" height="18" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
          <rect x="4" y="11" width="16" height="10" rx="2" />
          <path d="M8 11V7a4 4 0 0 1 8 0v4" />
        </svg>
        <div>
          <strong>Everything stays in your browser.</strong> Task definitions and utilization files are read and analysed on this
          device (in a background Web Worker); nothing is uploaded. Only the public price file of the chosen region is downloaded.
        </div>
      </div>

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
      {catalogNote ? <Banner tone="warn" title="Different price catalog">{<p>{catalogNote}</p>}</Banner> : null}

      <div className={styles.layout}>
        <div className="stack">
          <section className="panel" aria-labelledby="current-title">
            <div className="panel-head">
              <h2 id="current-title" className={styles.panelTitle}>
                <span className={styles.step} aria-hidden="true">1</span>Current service
              </h2>
            </div>
            {base ? (
              <p className="small muted" data-testid="from-estimate">
                From your estimate: service {base.serviceIndex + 1} of {base.input.services.length}. Its other settings (usage, Spot strategy) and the
                other services are kept when you apply the recommendation.
              </p>
            ) : (
              <p className="small muted">Type the current task size, or import the task definition.</p>
            )}
            <div className="toolbar" style={{ marginBottom: 10 }}>
              <label className="btn file-button">
                Import task definition (JSON)
                <input type="file" accept=".json,application/json" onChange={onTaskDefinition} data-testid="taskdef-file" aria-label="Import task definition (JSON)" />
              </label>
            </div>
            {taskDef ? (
              taskDef.ok ? (
                <div className="banner banner-info" role="status" data-testid="taskdef-status">
                  <p>
                    Imported <strong>{taskDef.fileName}</strong>.
                  </p>
                  {taskDef.lines.length ? (
                    <ul>
                      {taskDef.lines.map((l) => (
                        <li key={l}>{l}</li>
                      ))}
                    </ul>
                  ) : null}
                </div>
              ) : (
                <Banner tone="error" title={`${taskDef.fileName} is not a usable task definition`} testId="taskdef-error">
                  <ul>
                    {taskDef.lines.map((l) => (
                      <li key={l}>{l}</li>
                    ))}
                  </ul>
                </Banner>
              )
            ) : null}
            <div className="fields">
              <TextField id="rs-name" label="Service name" value={fields.name} onChange={set("name")} error={fieldError("name")} className="wide" maxLength={64} testId="rs-name" />
              <TextField id="rs-vcpu" label="vCPU" value={fields.vcpu} onChange={set("vcpu")} error={fieldError("vcpu")} inputMode="decimal" testId="rs-vcpu" />
              <TextField id="rs-memory" label="Memory (GiB)" value={fields.memoryGiB} onChange={set("memoryGiB")} error={fieldError("memoryGiB")} inputMode="decimal" testId="rs-memory" />
              <SelectField
                id="rs-arch"
                label="Architecture"
                value={fields.architecture}
                options={[
                  { value: "x86_64", label: "x86_64" },
                  { value: "arm64", label: "arm64 (Graviton)" },
                ]}
                onChange={set("architecture")}
              />
              <SelectField
                id="rs-os"
                label="Operating system"
                value={fields.os}
                options={[
                  { value: "linux", label: "Linux" },
                  { value: "windows", label: "Windows" },
                ]}
                onChange={set("os")}
              />
              <TextField id="rs-tasks" label="Tasks (average running)" value={fields.tasks} onChange={set("tasks")} error={fieldError("tasks")} inputMode="decimal" testId="rs-tasks" />
              <TextField id="rs-storage" label="Ephemeral storage (GiB)" value={fields.ephemeralStorageGiB} onChange={set("ephemeralStorageGiB")} error={fieldError("ephemeralStorageGiB")} inputMode="numeric" />
              <SelectField
                id="rs-region"
                label="Region"
                className="wide"
                value={fields.region}
                options={regions.map((r) => ({ value: r.region, label: `${r.region} — ${r.location}` }))}
                onChange={set("region")}
                error={fieldError("region")}
              />
            </div>
            {!working.ok && working.other.length ? (
              <ul className="errors">
                {working.other.map((o) => (
                  <li key={o}>{o}</li>
                ))}
              </ul>
            ) : null}
          </section>

          <section className="panel" aria-labelledby="usage-title">
            <div className="panel-head">
              <h2 id="usage-title" className={styles.panelTitle}>
                <span className={styles.step} aria-hidden="true">2</span>Utilization file
              </h2>
            </div>
            <div
              className={`${styles.drop} ${dragging ? styles.active : ""}`}
              onDragOver={(e) => {
                e.preventDefault();
                setDragging(true);
              }}
              onDragLeave={() => setDragging(false)}
              onDrop={onDrop}
            >
              <label className="btn btn-primary file-button">
                Choose a CloudWatch export…
                <input type="file" accept=".csv,.json,.jsonl,.txt,.log,text/csv,application/json" onChange={onUsageInput} data-testid="usage-file" aria-label="Utilization file (CSV or JSON exported from CloudWatch)" />
              </label>
              <p>or drop it here. CSV or JSON, up to 50 MB: Container Insights (CpuUtilized, MemoryUtilized), service metrics (CPUUtilization, MemoryUtilization %), GetMetricData output or performance log events.</p>
            </div>
            <UsageStatus usage={usage} elapsed={elapsed} />
          </section>

          <section className="panel" aria-labelledby="settings-title">
            <div className="panel-head">
              <h2 id="settings-title" className={styles.panelTitle}>
                <span className={styles.step} aria-hidden="true">3</span>Sizing rule
              </h2>
            </div>
            <div className="fields">
              <SelectField id="rs-cpu-pct" label="CPU percentile" value={cpuPct} options={PCT_OPTIONS} onChange={setCpuPct} testId="rs-cpu-pct" />
              <SelectField id="rs-mem-pct" label="Memory percentile" value={memPct} options={PCT_OPTIONS} onChange={setMemPct} testId="rs-mem-pct" />
              <TextField
                id="rs-headroom"
                label="Headroom (%)"
                value={headroom}
                onChange={setHeadroom}
                error={headroomError}
                inputMode="decimal"
                testId="rs-headroom"
                hint="Added above the percentile before snapping to a valid Fargate size."
              />
            </div>
            <p className="small muted" style={{ marginBottom: 0 }}>
              Defaults follow KRR and the Kubernetes VPA: CPU at p95, memory at the peak (a task over its memory is stopped), plus 15%.
              Percentiles are nearest-rank: always a value that was observed.
            </p>
          </section>
        </div>

        <div className="stack">
          <ResultPanel
            result={result}
            usage={usage}
            catalogError={catalogEntry && "error" in catalogEntry ? catalogEntry.error : null}
            catalogLoading={!catalogEntry}
            inputProblem={!working.ok}
            applyHref={applyHref}
            fromEstimate={base !== null}
          />
        </div>
      </div>
    </>
  );
}

function UsageStatus({ usage, elapsed }: { usage: UsageState; elapsed: number }) {
  if (usage.status === "idle") return null;
  if (usage.status === "working") {
    const pct = Math.round(usage.fraction * 100);
    return (
      <div className={styles.status} role="status" aria-live="polite" data-testid="usage-status">
        <progress className={styles.progress} max={100} value={usage.phase === "reading" ? undefined : pct} aria-label="Parsing progress" />
        <div>
          {usage.phase === "reading" ? "Reading" : `Parsing ${pct}%`} · {usage.fileName} ({fmtMB(usage.bytes)}) · {(elapsed / 1000).toFixed(1)} s
        </div>
      </div>
    );
  }
  if (usage.status === "error") {
    return (
      <div style={{ marginTop: 10 }}>
        <Banner tone="error" title={`${usage.fileName} cannot be used`} testId="usage-error">
          <p>{usage.error}</p>
        </Banner>
      </div>
    );
  }
  const s = usage.summary;
  const range = s.timeRange
    ? `${new Date(s.timeRange.from).toISOString().slice(0, 16).replace("T", " ")} to ${new Date(s.timeRange.to).toISOString().slice(0, 16).replace("T", " ")} UTC (${s.timeRange.hours >= 48 ? `${(s.timeRange.hours / 24).toFixed(1)} days` : `${s.timeRange.hours.toFixed(1)} h`})`
    : "no timestamps";
  return (
    <div className={styles.status} role="status" data-testid="usage-status">
      <div>
        <strong>{usage.fileName}</strong>: {intFmt.format(s.rows)} rows parsed in {(usage.parseMs / 1000).toFixed(2)} s ({fmtMB(usage.bytes)}, in a background worker).
      </div>
      <dl className={styles.facts}>
        <dt>Format</dt>
        <dd data-testid="usage-format">{s.formatLabel}</dd>
        <dt>CPU</dt>
        <dd>{s.cpu ? `${intFmt.format(s.cpu.stats.count)} samples from ${s.cpu.source}` : "none"}</dd>
        <dt>Memory</dt>
        <dd>{s.memory ? `${intFmt.format(s.memory.stats.count)} samples from ${s.memory.source}` : "none"}</dd>
        <dt>Period</dt>
        <dd>{range}</dd>
        {s.skippedCount > 0 ? (
          <>
            <dt>Skipped</dt>
            <dd data-testid="usage-skipped">{intFmt.format(s.skippedCount)} unreadable row(s)</dd>
          </>
        ) : null}
      </dl>
      {s.skipped.length > 0 ? (
        <details>
          <summary>Skipped rows</summary>
          <ul className="warnings">
            {s.skipped.map((k, i) => (
              <li key={i}>
                {k.where}: {k.reason}
              </li>
            ))}
            {s.skippedCount > s.skipped.length ? <li>… and {intFmt.format(s.skippedCount - s.skipped.length)} more</li> : null}
          </ul>
        </details>
      ) : null}
    </div>
  );
}

function ResultPanel(props: {
  result: RightsizeResult | null;
  usage: UsageState;
  catalogError: string | null;
  catalogLoading: boolean;
  inputProblem: boolean;
  applyHref: string | null;
  fromEstimate: boolean;
}) {
  const { result: r } = props;
  if (props.catalogError) {
    return (
      <Banner tone="error" title="The price catalog could not be loaded">
        <p>{props.catalogError}</p>
      </Banner>
    );
  }
  if (!r) {
    const msg =
      props.usage.status !== "done"
        ? "Upload a utilization file to see the recommended size and what it costs on Fargate, Fargate Spot and ECS on EC2."
        : props.inputProblem
          ? "Fix the highlighted fields of the current service to see the recommendation."
          : props.catalogLoading
            ? "Loading prices…"
            : "Fix the sizing rule to see the recommendation.";
    return (
      <section className="panel" aria-labelledby="result-title">
        <h2 id="result-title">Recommendation</h2>
        <p className={styles.empty} data-testid="result-empty">
          {msg}
        </p>
      </section>
    );
  }
  const cpu = r.observed.cpu;
  const mem = r.observed.memory;
  const findingLabel = r.finding === "under-provisioned" ? "Under-provisioned" : r.finding === "over-provisioned" ? "Over-provisioned" : "Right-sized";
  const summary = props.usage.status === "done" ? props.usage.summary : null;
  const pctLabel = (k: PercentileKey) => (k === "max" ? "peak" : k);
  return (
    <>
      <section className="panel" aria-labelledby="result-title" data-testid="result">
        <div className="panel-head">
          <h2 id="result-title">
            Recommendation for {r.service}
            <span className={`${styles.finding} ${styles[`finding-${r.finding}`]}`} data-testid="rec-finding">
              {findingLabel}
            </span>
          </h2>
          <span className="small muted">
            {r.region} · prices {r.catalogId}
          </span>
        </div>
        {r.underProvisioned.any ? (
          <Banner tone="error" title="Usage reaches the current size" testId="rec-underprovisioned">
            <ul>
              {r.underProvisioned.cpu && cpu ? <li>CPU peaked at {Math.round(cpu.peakPctOfCurrent)}% of {fmtSize(r.current.vcpu)} vCPU: the task was throttled, so it may need more than the data shows.</li> : null}
              {r.underProvisioned.memory && mem ? <li>Memory peaked at {Math.round(mem.peakPctOfCurrent)}% of {fmtSize(r.current.memoryGiB)} GiB: tasks risk being stopped for running out of memory.</li> : null}
            </ul>
          </Banner>
        ) : null}
        <div className={styles.sizes}>
          <div className={styles.sizeCard}>
            <h3>Current size</h3>
            <div className={`${styles.sizeValue} num`} data-testid="rec-current-size">
              {fmtSize(r.current.vcpu)} vCPU / {fmtSize(r.current.memoryGiB)} GiB
            </div>
            <div className={styles.sizeNote}>
              {r.current.os === "windows" ? "Windows" : "Linux"}, {r.current.architecture} · {fmtSize(r.tasks)} task(s)
            </div>
          </div>
          <div className={`${styles.sizeCard} ${styles.recommended}`}>
            <h3>Recommended size</h3>
            <div className={`${styles.sizeValue} num`} data-testid="rec-recommended-size">
              {fmtSize(r.recommended.vcpu)} vCPU / {fmtSize(r.recommended.memoryGiB)} GiB
            </div>
            <div className={styles.sizeNote}>
              needs {fmtSize(r.required.vcpu)} vCPU / {fmtSize(r.required.memoryGiB)} GiB
              {r.recommended.validFargateSize ? " → smallest valid Fargate size" : " (larger than any Fargate size)"}
            </div>
          </div>
        </div>
        <p className={styles.why} data-testid="rec-why">
          {r.why}
        </p>

        <div className="table-wrap" style={{ marginTop: 12 }}>
          <table data-testid="cost-table" className={styles.costTable}>
            <caption className={styles.caption}>Monthly cost, current vs recommended size</caption>
            <thead>
              <tr>
                <th scope="col">Launch type</th>
                <th scope="col" className="r">
                  Current
                </th>
                <th scope="col" className="r">
                  Recom&shy;mended
                </th>
                <th scope="col" className="r">
                  Savings
                </th>
              </tr>
            </thead>
            <tbody>
              {r.options.map((o) => (
                <tr key={o.id}>
                  <th scope="row" style={{ background: "transparent", whiteSpace: "normal" }}>
                    {o.label}
                    {o.currentPlan || o.recommendedPlan ? (
                      <div className="small muted" style={{ fontWeight: 400 }}>
                        {o.currentPlan ?? "—"} → {o.recommendedPlan ?? "—"}
                      </div>
                    ) : null}
                    {o.reason ? (
                      <div className="small muted" style={{ fontWeight: 400 }}>
                        {o.reason}
                      </div>
                    ) : null}
                  </th>
                  <td className="r" data-testid={`cost-${o.id}-current`}>
                    {o.currentUSD === null ? "unavailable" : formatUSD(o.currentUSD)}
                  </td>
                  <td className="r" data-testid={`cost-${o.id}-recommended`}>
                    {o.recommendedUSD === null ? "unavailable" : formatUSD(o.recommendedUSD)}
                  </td>
                  <td className="r" data-testid={`cost-${o.id}-savings`}>
                    {o.savingsUSD === null ? "—" : <span className={o.savingsUSD >= 0 ? styles.save : styles.cost}>{o.savingsUSD >= 0 ? formatUSD(o.savingsUSD) : `−${formatUSD(-o.savingsUSD)}`}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <details data-testid="cost-lines">
          <summary>Where the recommended size&apos;s prices come from</summary>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Option</th>
                  <th scope="col">Line</th>
                  <th scope="col" className="r">
                    Quantity
                  </th>
                  <th scope="col" className="r">
                    Rate
                  </th>
                  <th scope="col" className="r">
                    Monthly
                  </th>
                  <th scope="col">Usage type · price date</th>
                </tr>
              </thead>
              <tbody>
                {r.estimates.recommended.options
                  .filter((o) => o.available)
                  .flatMap((o) =>
                    o.lines.map((l, i) => (
                      <tr key={`${o.id}-${i}`}>
                        <td>{i === 0 ? o.label : ""}</td>
                        <td>{l.label ?? l.component}</td>
                        <td className="r">
                          {intFmt.format(Math.round(l.quantity * 100) / 100)} {l.unit}
                        </td>
                        <td className="r">{formatRate(l.rateUSD)}</td>
                        <td className="r">{formatUSD(l.usd)}</td>
                        <td>
                          <span className="usage-type">{l.usageType ?? "—"}</span> · {l.asOf}
                          {l.derived ? (
                            <span className="derived" title={l.note ?? "derived rate"}>
                              {" "}
                              (derived)
                            </span>
                          ) : null}
                        </td>
                      </tr>
                    )),
                  )}
              </tbody>
            </table>
          </div>
        </details>
        <div className={styles.applyRow}>
          {props.applyHref ? (
            <a className="btn btn-primary" href={props.applyHref} data-testid="apply-to-estimate">
              {props.fromEstimate ? "Apply to estimate" : "Open as a new estimate"} ({fmtSize(r.recommended.vcpu)} vCPU / {fmtSize(r.recommended.memoryGiB)} GiB)
            </a>
          ) : null}
          <span className="small muted">Opens the estimator with this service resized; the link holds the whole estimate.</span>
        </div>
      </section>

      {summary ? (
        <section className="panel" aria-labelledby="charts-title">
          <h2 id="charts-title">Observed usage</h2>
          <div className={styles.charts} style={{ marginTop: 10 }}>
            {summary.cpu && cpu ? (
              <UsageFigure
                title="CPU (vCPU)"
                testId="chart-cpu"
                unit="vCPU"
                byTime={summary.cpu.byTime}
                points={summary.cpu.series.map((p) => ({ x: p.x, peak: toVcpu(p.max, summary, r), mean: toVcpu(p.mean, summary, r) }))}
                current={r.current.vcpu}
                recommended={r.recommended.vcpu}
                percentile={{ label: pctLabel(r.settings.cpuPercentile), value: cpu.atPercentile }}
              />
            ) : null}
            {summary.memory && mem ? (
              <UsageFigure
                title="Memory (GiB)"
                testId="chart-memory"
                unit="GiB"
                byTime={summary.memory.byTime}
                points={summary.memory.series.map((p) => ({ x: p.x, peak: toGiB(p.max, summary, r), mean: toGiB(p.mean, summary, r) }))}
                current={r.current.memoryGiB}
                recommended={r.recommended.memoryGiB}
                percentile={{ label: pctLabel(r.settings.memoryPercentile), value: mem.atPercentile }}
              />
            ) : null}
          </div>
          <details open>
            <summary>Observed percentiles (table)</summary>
            <div className="table-wrap">
              <table data-testid="percentile-table">
                <thead>
                  <tr>
                    <th scope="col">Dimension</th>
                    {PERCENTILES.map((k) => (
                      <th key={k} scope="col" className="r">
                        {k}
                      </th>
                    ))}
                    <th scope="col" className="r">
                      Current
                    </th>
                    <th scope="col" className="r">
                      Recommended
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {cpu ? <PercentileRow label="CPU (vCPU)" all={cpu.all} current={r.current.vcpu} recommended={r.recommended.vcpu} /> : null}
                  {mem ? <PercentileRow label="Memory (GiB)" all={mem.all} current={r.current.memoryGiB} recommended={r.recommended.memoryGiB} /> : null}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ) : null}

      {summary && (summary.warnings.length > 0 || r.warnings.length > 0) ? (
        <section className="panel" aria-labelledby="notes-title">
          <h2 id="notes-title">Notes</h2>
          <ul className="warnings" style={{ marginTop: 8 }} data-testid="rec-warnings">
            {[...summary.warnings, ...r.warnings].map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

/** One dimension of the observed-percentiles table. */
function PercentileRow(props: { label: string; all: Record<PercentileKey, number>; current: number; recommended: number }) {
  return (
    <tr>
      <th scope="row" style={{ background: "transparent" }}>
        {props.label}
      </th>
      {PERCENTILES.map((k) => (
        <td key={k} className="r">
          {fmtSize(props.all[k])}
        </td>
      ))}
      <td className="r">{fmtSize(props.current)}</td>
      <td className="r">{fmtSize(props.recommended)}</td>
    </tr>
  );
}

/** One observed-usage chart with its title and caption. */
function UsageFigure(props: { title: string } & ComponentProps<typeof UsageChart>) {
  const { title, ...chart } = props;
  return (
    <figure>
      <h3>{title}</h3>
      <figcaption>
        Peak and mean per interval{chart.byTime ? " over time (UTC)" : " by sample order"}, against the current and recommended size and the {chart.percentile.label}.
      </figcaption>
      <UsageChart {...chart} />
    </figure>
  );
}

/** Chart values in vCPU / GiB, converted by the same lib functions the recommendation uses. */
function toVcpu(v: number, s: UsageSummary, r: RightsizeResult): number {
  return s.cpu ? cpuSampleToVcpu(v, s.cpu.unit, r.current.vcpu) : v;
}
function toGiB(v: number, s: UsageSummary, r: RightsizeResult): number {
  return s.memory ? memorySampleToGiB(v, s.memory.unit, r.current.memoryGiB) : v;
}
