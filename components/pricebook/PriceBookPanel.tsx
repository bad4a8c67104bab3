"use client";
/**
 * "Price book": a negotiated discount (EDP / private pricing) off the AWS charges, optionally per AWS service or
 * charge category (docs/billing-rules.md#private-pricing-discounts). Edits only the draft's `discounts`; the rule is
 * in lib/engine/discounts.ts. A price book file (JSON) can be imported (it is then kept with the estimate: share
 * links and exports carry it) or downloaded. Self-contained and loaded after first paint.
 */
import { memo, useRef, useState } from "react";
import { Checkbox, FieldErrorList, SelectField, TextField } from "@/components/ui/fields";
import { blankDiscountsDraft, discountsToDraft, discountsToRaw, type DiscountOverrideDraft, type DiscountsDraft } from "@/lib/form/discounts";
import { newServiceKey, type EstimateDraft } from "@/lib/form/draft";
import { DISCOUNT_CATEGORIES, DISCOUNT_SERVICES } from "@/lib/schemas/estimate-enums";

interface Props {
  discounts: DiscountsDraft | undefined;
  errors: Map<string, string>;
  onChange: (edit: (draft: EstimateDraft) => EstimateDraft) => void;
}

const SERVICE_LABELS: Record<(typeof DISCOUNT_SERVICES)[number], string> = {
  AmazonECS: "Amazon ECS (Fargate tasks, Managed Instances fee)",
  AmazonEKS: "Amazon EKS (pods on Fargate, cluster fee)",
  AmazonEC2: "Amazon EC2 (instances, EBS, NAT gateway)",
  AWSELB: "Elastic Load Balancing",
  AmazonVPC: "Amazon VPC (public IPv4, endpoints)",
  AWSDataTransfer: "Data transfer",
  AmazonCloudWatch: "Amazon CloudWatch (Logs)",
};
const CATEGORY_LABELS: Record<(typeof DISCOUNT_CATEGORIES)[number], string> = {
  compute: "Compute (task, pod and instance hours)",
  spot: "Spot capacity (Fargate Spot, EC2 Spot)",
  storage: "Storage (task storage, EBS)",
  "load-balancer": "Load balancers",
  "nat-gateway": "NAT gateways",
  "public-ipv4": "Public IPv4",
  "vpc-endpoint": "VPC endpoints",
  "data-transfer": "Data transfer",
  logs: "CloudWatch Logs",
  "control-plane": "EKS control plane",
};

type OverrideChoice = `service:${string}` | `category:${string}`;
const OVERRIDE_OPTIONS: ReadonlyArray<{ value: OverrideChoice; label: string }> = [
  ...DISCOUNT_SERVICES.map((id) => ({ value: `service:${id}` as OverrideChoice, label: `Service: ${SERVICE_LABELS[id]}` })),
  ...DISCOUNT_CATEGORIES.map((id) => ({ value: `category:${id}` as OverrideChoice, label: `Charge: ${CATEGORY_LABELS[id]}` })),
];

const MAX_BOOK_BYTES = 64 * 1024;

function download(filename: string, text: string) {
  const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export const PriceBookPanel = memo(function PriceBookPanel({ discounts: d, errors, onChange }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [fileProblem, setFileProblem] = useState<{ path: string; message: string }[] | null>(null);
  const [fileOk, setFileOk] = useState<string | null>(null);
  const setDiscounts = (next: DiscountsDraft | undefined) =>
    onChange((draft) => {
      if (next) return { ...draft, discounts: next };
      const rest = { ...draft };
      delete rest.discounts;
      return rest;
    });
  const set = (patch: Partial<DiscountsDraft>) => d && setDiscounts({ ...d, ...patch });
  const setOverride = (key: string, patch: Partial<DiscountOverrideDraft>) => d && set({ overrides: d.overrides.map((o) => (o.key === key ? { ...o, ...patch } : o)) });
  const err = (path: string) => errors.get(`discounts.${path}`);
  const used = new Set(d?.overrides.map((o) => `${o.scope}:${o.id}`) ?? []);

  const importFile = async (file: File) => {
    setFileProblem(null);
    setFileOk(null);
    if (file.size > MAX_BOOK_BYTES) {
      setFileProblem([{ path: "(file)", message: `is too large (${file.size} bytes; a price book is at most ${MAX_BOOK_BYTES})` }]);
      return;
    }
    const { parsePriceBookText } = await import("@/lib/pricebook");
    const out = parsePriceBookText(await file.text());
    if (!out.ok) {
      setFileProblem(out.errors);
      return;
    }
    setDiscounts(discountsToDraft(out.discounts, () => newServiceKey()));
    setFileOk(`Imported ${file.name}${out.discounts.name ? ` ("${out.discounts.name}")` : ""}: it is now part of this estimate, its share link and its exports.`);
  };
  const exportBook = () => {
    if (!d) return;
    const problems: string[] = [];
    const raw = discountsToRaw(d, (text, path) => {
      const v = Number(text.trim());
      if (text.trim() === "" || !Number.isFinite(v)) problems.push(path);
      return v;
    });
    if (problems.length > 0) {
      setFileProblem(problems.map((p) => ({ path: p, message: "must be a number before the price book can be downloaded" })));
      return;
    }
    download(`price-book${d.name.trim() ? `-${d.name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40)}` : ""}.json`, JSON.stringify(raw.discounts, null, 2) + "\n");
  };

  const shownPaths = new Set<string>(["discounts.percent", "discounts.name"]);
  d?.overrides.forEach((o) => shownPaths.add(`discounts.${o.scope === "service" ? "byService" : "byCategory"}.${o.id}`));
  const other = [...errors.entries()].filter(([p]) => (p === "discounts" || p.startsWith("discounts.")) && !shownPaths.has(p));

  return (
    <section className="panel" aria-labelledby="pricebook-heading" data-testid="pricebook-panel">
      <div className="panel-head">
        <h2 id="pricebook-heading">Price book (negotiated discount)</h2>
      </div>
      <Checkbox
        id="pricebook-enabled"
        label="Apply a negotiated discount (EDP / private pricing)"
        checked={d !== undefined}
        onChange={(on) => setDiscounts(on ? (d ?? blankDiscountsDraft()) : undefined)}
      />
      {d ? (
        <>
          <div className="fields">
            <TextField id="pricebook-percent" label="Discount on all AWS charges (%)" value={d.percent} inputMode="decimal" onChange={(v) => set({ percent: v })} error={err("percent")} testId="discount-percent" hint="After Savings Plans, Reserved Instances and Spot, as AWS applies it" />
            <TextField id="pricebook-name" label="Name (optional)" value={d.name} maxLength={80} onChange={(v) => set({ name: v })} error={err("name")} placeholder="e.g. ACME EDP 2026" />
          </div>
          <fieldset className="subgroup">
            <legend>Per service or charge (overrides the percentage above)</legend>
            {d.overrides.length === 0 ? <p className="muted small">None: every charge gets the percentage above.</p> : null}
            {d.overrides.map((o, i) => {
              const path = `${o.scope === "service" ? "byService" : "byCategory"}.${o.id}`;
              return (
                <div className="fields container-row" key={o.key} data-testid={`discount-override-${i}`}>
                  <SelectField<OverrideChoice>
                    id={`${o.key}-what`}
                    className="wide"
                    label="Applies to"
                    value={`${o.scope}:${o.id}` as OverrideChoice}
                    options={OVERRIDE_OPTIONS.filter((opt) => opt.value === `${o.scope}:${o.id}` || !used.has(opt.value))}
                    onChange={(v) => {
                      const [scope, id] = v.split(":") as [DiscountOverrideDraft["scope"], DiscountOverrideDraft["id"]];
                      setOverride(o.key, { scope, id });
                    }}
                  />
                  <TextField id={`${o.key}-pct`} label="Discount (%)" value={o.percent} inputMode="decimal" onChange={(v) => setOverride(o.key, { percent: v })} error={err(path)} />
                  <button type="button" className="btn" style={{ alignSelf: "end" }} onClick={() => set({ overrides: d.overrides.filter((x) => x.key !== o.key) })} aria-label={`Remove the override for ${o.id}`}>
                    Remove
                  </button>
                </div>
              );
            })}
            <button
              type="button"
              className="btn"
              disabled={used.size >= OVERRIDE_OPTIONS.length}
              onClick={() => {
                const free = OVERRIDE_OPTIONS.find((opt) => !used.has(opt.value));
                if (!free) return;
                const [scope, id] = free.value.split(":") as [DiscountOverrideDraft["scope"], DiscountOverrideDraft["id"]];
                set({ overrides: [...d.overrides, { key: newServiceKey(), scope, id, percent: "0" }] });
              }}
              data-testid="add-discount-override"
            >
              + Add a service or charge
            </button>
          </fieldset>
        </>
      ) : (
        <p className="muted small">Off: list prices. Companies with an Enterprise Discount Program or private pricing pay list minus their percentage; turn it on to see your real bill.</p>
      )}
      <div className="preset-row" role="group" aria-label="Price book file">
        <button type="button" className="btn" onClick={() => fileRef.current?.click()} data-testid="import-price-book">
          Import price book (JSON)
        </button>
        {d ? (
          <button type="button" className="btn" onClick={exportBook} data-testid="export-price-book">
            Download price book
          </button>
        ) : null}
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          aria-label="Price book file (JSON)"
          hidden
          data-testid="price-book-file"
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void importFile(f);
            e.target.value = "";
          }}
        />
      </div>
      {fileOk ? <p className="small" role="status" data-testid="price-book-ok">{fileOk}</p> : null}
      {fileProblem ? <FieldErrorList errors={fileProblem} label="The price book file was not imported:" className="errors" testId="price-book-errors" /> : null}
      {other.length > 0 ? <FieldErrorList errors={other.map(([path, message]) => ({ path, message }))} className="errors" /> : null}
      <p className="muted small">
        Shown as a negative line in each option. Spot is discounted like other usage unless you set it; Marketplace and Support, which agreements often exclude, are not in this estimate. How it is applied:{" "}
        <a href="https://github.com/" onClick={(e) => e.preventDefault()} aria-disabled="true">
          docs/billing-rules.md#private-pricing-discounts
        </a>
        .
      </p>
    </section>
  );
});
