/**
 * A local fake of the AWS Price List Query API on 127.0.0.1, speaking the real protocol (awsJson1_1):
 * POST /, X-Amz-Target: AWSPriceListService.GetProducts, Content-Type: application/x-amz-json-1.1,
 * response { FormatVersion, PriceList: [<JSON string>...], NextToken }, errors { __type, message }.
 * Items are cloned from the real item templates in tests/fixtures/pricing.
 */
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import { readFileSync } from "node:fs";
import path from "node:path";

const FIXTURES = path.join(import.meta.dirname, "..", "..", "fixtures", "pricing");
const ECS_TEMPLATE = JSON.parse(readFileSync(path.join(FIXTURES, "ecs-getproducts-item-us-east-1.json"), "utf8")) as Record<string, unknown>;
const EC2_TEMPLATE = JSON.parse(readFileSync(path.join(FIXTURES, "ec2-getproducts-item-m5.large-us-east-1.json"), "utf8")) as Record<string, unknown>;

type Json = Record<string, unknown>;

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function setPrice(item: Json, sku: string, usd: string, effectiveDate: string, keepReserved = false): void {
  const terms = (item.terms as { OnDemand: Record<string, Json> }).OnDemand;
  const term = Object.values(terms)[0]!;
  const dims = term.priceDimensions as Record<string, Json>;
  const dim = Object.values(dims)[0]!;
  (dim.pricePerUnit as Json).USD = usd;
  dim.rateCode = `${sku}.JRTCKXETXF.6YS6EN2CT7`;
  term.sku = sku;
  term.effectiveDate = effectiveDate;
  (item.terms as Json).OnDemand = { [`${sku}.JRTCKXETXF`]: { ...term, priceDimensions: { [`${sku}.JRTCKXETXF.6YS6EN2CT7`]: dim } } };
  if ("Reserved" in (item.terms as Json) && !keepReserved) delete (item.terms as Json).Reserved;
}

/**
 * An item of another service (AWSELB, AmazonVPC, AmazonCloudWatch, or an AmazonEC2 NAT gateway), built from the
 * real item template: product family, usage type and price changed, the rest of the real structure kept.
 */
export function serviceItem(service: string, regionCode: string, productFamily: string, usagetype: string, usd: string, extra: Record<string, string> = {}): string {
  const item = clone(ECS_TEMPLATE);
  const sku = `SKU${service}${usagetype}${regionCode}`.replace(/[^A-Z0-9]/gi, "").toUpperCase().slice(0, 40);
  const product = item.product as Json;
  product.sku = sku;
  product.productFamily = productFamily;
  product.attributes = { regionCode, usagetype, servicecode: service, location: "test", locationType: "AWS Region", operation: "", ...extra };
  item.serviceCode = service;
  setPrice(item, sku, usd, "2026-06-01T00:00:00Z");
  return JSON.stringify(item);
}

/** An AmazonECS item with the given usage type and price (string with 10 decimals, as AWS sends). */
export function ecsItem(regionCode: string, usagetype: string, usd: string, sku = `SKU${usagetype.replace(/[^A-Z0-9]/gi, "").toUpperCase()}${regionCode.replace(/-/g, "").toUpperCase()}`): string {
  const item = clone(ECS_TEMPLATE);
  const product = item.product as Json;
  product.sku = sku;
  Object.assign(product.attributes as Json, { regionCode, usagetype });
  setPrice(item, sku, usd, "2026-07-01T00:00:00Z");
  return JSON.stringify(item);
}

/** An AmazonEC2 on-demand Linux item for an instance type. */
export function ec2Item(
  regionCode: string,
  usagetype: string,
  instanceType: string,
  usd: string,
  spec: { vcpu: string; memory: string; physicalProcessor: string },
  sku = `SKU${instanceType.replace(/[^a-z0-9]/gi, "").toUpperCase()}${regionCode.replace(/-/g, "").toUpperCase()}`,
  opts: { keepReserved?: boolean } = {},
): string {
  const item = clone(EC2_TEMPLATE);
  const product = item.product as Json;
  product.sku = sku;
  Object.assign(product.attributes as Json, { regionCode, usagetype, instanceType, ...spec });
  setPrice(item, sku, usd, "2026-10-01T00:00:00Z", opts.keepReserved);
  return JSON.stringify(item);
}

export type FakeRequest = {
  target: string | undefined;
  contentType: string | undefined;
  headers: IncomingHttpHeaders;
  body: { ServiceCode?: string; Filters?: { Type: string; Field: string; Value: string }[]; NextToken?: string; MaxResults?: number; FormatVersion?: string };
  rawBody: string;
};

export type FakeAnswer = { status: number; body: unknown };

/**
 * Decide the answer for request number n (0-based). Return undefined for the normal paged answer.
 * `page` is the 1-based page the request asks for (from NextToken).
 */
export type Fault = (req: FakeRequest, n: number, ctx: { service: string; region: string; page: number }) => FakeAnswer | undefined;

export type FakeServer = { url: string; requests: FakeRequest[]; close: () => Promise<void> };

export async function startFakePricing(data: Record<string, Record<string, string[]>>, opts: { pageSize?: number; fault?: Fault } = {}): Promise<FakeServer> {
  const pageSize = opts.pageSize ?? 3;
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      let body: FakeRequest["body"] = {};
      try {
        body = JSON.parse(rawBody || "{}") as FakeRequest["body"];
      } catch {
        /* answered below as a bad request */
      }
      const fr: FakeRequest = {
        target: req.headers["x-amz-target"] as string | undefined,
        contentType: req.headers["content-type"],
        headers: req.headers,
        body,
        rawBody,
      };
      const n = requests.length;
      requests.push(fr);
      const send = (status: number, payload: unknown) => {
        const text = JSON.stringify(payload);
        const type = (payload as { __type?: string }).__type;
        res.writeHead(status, {
          "content-type": "application/x-amz-json-1.1",
          "x-amzn-requestid": `req-${n}`,
          ...(type ? { "x-amzn-errortype": type } : {}),
          "content-length": Buffer.byteLength(text),
        });
        res.end(text);
      };
      if (req.method !== "POST" || req.url !== "/" || fr.target !== "AWSPriceListService.GetProducts" || fr.contentType !== "application/x-amz-json-1.1") {
        send(400, { __type: "InvalidParameterException", message: `fake only answers POST / GetProducts in JSON 1.1 (got ${req.method} ${req.url} ${fr.target} ${fr.contentType})` });
        return;
      }
      const service = body.ServiceCode ?? "";
      const region = body.Filters?.find((f) => f.Field === "regionCode")?.Value ?? "";
      const page = body.NextToken ? Number(/^page-(\d+)$/.exec(body.NextToken)?.[1] ?? NaN) : 1;
      if (!Number.isInteger(page)) {
        send(400, { __type: "InvalidNextTokenException", message: "bad NextToken" });
        return;
      }
      const fault = opts.fault?.(fr, n, { service, region, page });
      if (fault) {
        send(fault.status, fault.body);
        return;
      }
      // Like the real API, a productFamily filter narrows the answer (the NAT gateway query of AmazonEC2).
      const family = body.Filters?.find((f) => f.Field === "productFamily")?.Value;
      const familyOf = (text: string) => (JSON.parse(text) as { product: { productFamily?: string } }).product.productFamily;
      const all = (data[service]?.[region] ?? []).filter((text) => family === undefined || familyOf(text)?.toLowerCase() === family.toLowerCase());
      const slice = all.slice((page - 1) * pageSize, page * pageSize);
      const more = page * pageSize < all.length;
      send(200, { FormatVersion: "aws_v1", PriceList: slice, ...(more ? { NextToken: `page-${page + 1}` } : {}) });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("fake server has no port");
  return {
    url: `http://127.0.0.1:${addr.port}`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
