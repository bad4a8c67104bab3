/**
 * A local fake of the EC2 API on 127.0.0.1 for DescribeSpotPriceHistory, speaking the real EC2 Query protocol:
 * POST / with a form-encoded body (Action=DescribeSpotPriceHistory&Version=2016-11-15&StartTime=...&EndTime=...
 * &ProductDescription.1=Linux%2FUNIX&MaxResults=...&NextToken=...), an XML answer
 * <DescribeSpotPriceHistoryResponse><spotPriceHistorySet><item>...</item></spotPriceHistorySet><nextToken/>, and
 * errors as <Response><Errors><Error><Code/><Message/></Error></Errors><RequestID/></Response>.
 * Points are given relative to the request's window, so averages can be computed by hand for any run date.
 */
import { createServer, type Server } from "node:http";

/** A price change: `atDay` days after the window start (negative: before it, the price in effect at the start). */
export type FakeSpotPoint = { type: string; az: string; price: string; atDay: number; product?: string };

export type FakeEc2Request = { contentType: string | undefined; params: URLSearchParams; rawBody: string; authorization: string | undefined };

export type Ec2Fault = (req: FakeEc2Request, n: number) => { status: number; code: string; message: string } | undefined;

export type FakeEc2 = { url: string; requests: FakeEc2Request[]; close: () => Promise<void> };

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export async function startFakeEc2(points: FakeSpotPoint[], opts: { pageSize?: number; fault?: Ec2Fault } = {}): Promise<FakeEc2> {
  const pageSize = opts.pageSize ?? 3;
  const requests: FakeEc2Request[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const rawBody = Buffer.concat(chunks).toString("utf8");
      const params = new URLSearchParams(rawBody);
      const fr: FakeEc2Request = { contentType: req.headers["content-type"], params, rawBody, authorization: req.headers.authorization };
      const n = requests.length;
      requests.push(fr);
      const send = (status: number, xml: string) => {
        res.writeHead(status, { "content-type": "text/xml;charset=UTF-8", "content-length": Buffer.byteLength(xml) });
        res.end(xml);
      };
      const error = (status: number, code: string, message: string) =>
        send(status, `<?xml version="1.0" encoding="UTF-8"?>\n<Response><Errors><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error></Errors><RequestID>req-${n}</RequestID></Response>`);
      if (req.method !== "POST" || req.url !== "/" || !fr.contentType?.startsWith("application/x-www-form-urlencoded")) {
        error(400, "InvalidAction", `fake only answers POST / form-encoded EC2 Query requests (got ${req.method} ${req.url} ${fr.contentType})`);
        return;
      }
      if (params.get("Action") !== "DescribeSpotPriceHistory" || params.get("Version") !== "2016-11-15") {
        error(400, "InvalidAction", `fake only answers DescribeSpotPriceHistory 2016-11-15 (got ${params.get("Action")} ${params.get("Version")})`);
        return;
      }
      const fault = opts.fault?.(fr, n);
      if (fault) {
        error(fault.status, fault.code, fault.message);
        return;
      }
      const start = Date.parse(params.get("StartTime") ?? "");
      const end = Date.parse(params.get("EndTime") ?? "");
      if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start) {
        error(400, "InvalidParameterValue", "StartTime and EndTime must be timestamps with StartTime before EndTime");
        return;
      }
      const products = [...params.entries()].filter(([k]) => /^ProductDescription\.\d+$/.test(k)).map(([, v]) => v);
      const token = params.get("NextToken");
      const page = token ? Number(/^page-(\d+)$/.exec(token)?.[1] ?? NaN) : 1;
      if (!Number.isInteger(page)) {
        error(400, "InvalidNextToken", "The token is not valid");
        return;
      }
      const max = Math.min(pageSize, Number(params.get("MaxResults") ?? pageSize));
      // Like EC2: points inside the window, plus for each (type, AZ, product) the last change before the start.
      const inWindow = points.filter((p) => products.length === 0 || products.includes(p.product ?? "Linux/UNIX"));
      const at = (p: FakeSpotPoint) => start + p.atDay * 86_400_000;
      const chosen = inWindow.filter((p) => {
        const t = at(p);
        if (t >= start && t <= end) return true;
        if (t >= start) return false;
        const later = inWindow.filter((q) => q.type === p.type && q.az === p.az && (q.product ?? "") === (p.product ?? "") && at(q) < start && at(q) > t);
        return later.length === 0;
      });
      // Newest first, as EC2 answers.
      chosen.sort((a, b) => at(b) - at(a));
      const slice = chosen.slice((page - 1) * max, page * max);
      const more = page * max < chosen.length;
      const items = slice
        .map(
          (p) =>
            `<item><instanceType>${p.type}</instanceType><productDescription>${xmlEscape(p.product ?? "Linux/UNIX")}</productDescription><spotPrice>${p.price}</spotPrice><timestamp>${new Date(at(p)).toISOString()}</timestamp><availabilityZone>${p.az}</availabilityZone></item>`,
        )
        .join("");
      send(
        200,
        `<?xml version="1.0" encoding="UTF-8"?>\n<DescribeSpotPriceHistoryResponse xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"><requestId>req-${n}</requestId><spotPriceHistorySet>${items}</spotPriceHistorySet><nextToken>${more ? `page-${page + 1}` : ""}</nextToken></DescribeSpotPriceHistoryResponse>`,
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const addr = server.address();
  if (addr === null || typeof addr === "string") throw new Error("fake server has no port");
  return { url: `http://127.0.0.1:${addr.port}`, requests, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
