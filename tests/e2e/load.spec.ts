/**
 * Load (issue 6): 60 s at 64 connections of varied valid POST /api/estimate bodies against a separate
 * production server started by this test (free 127.0.0.1 port, same --max-http-header-size as the suite's
 * server, stopped by PID) -> 0 errors and 0 non-2xx, server RSS growth under 50 MB (after warm-up and idle ->
 * after the run and idle), and byte-identical answers before and after. Same code as `npm run load`.
 */
import { expect, test } from "@playwright/test";
import { runLoad } from "../../scripts/bench/load";

test("60 s at 64 connections on POST /api/estimate: no errors, RSS growth < 50 MB, same answers", async () => {
  test.setTimeout(180_000);
  const r = await runLoad({ durationS: 60, connections: 64 });
  console.log(
    `load: ${r.run.requests} requests (${r.run.reqPerSec.toFixed(0)} req/s), p99 ${r.run.p99ms} ms, errors ${r.run.errors}, non-2xx ${r.run.non2xx}, RSS ${r.rssAfterWarmupMB.toFixed(1)} -> ${r.rssEndMB.toFixed(1)} MB (peak ${r.rssPeakMB.toFixed(1)})`,
  );
  expect(r.run.requests).toBeGreaterThan(1000);
  expect(r.run.errors).toBe(0);
  expect(r.run.timeouts).toBe(0);
  expect(r.run.non2xx).toBe(0);
  expect(Object.keys(r.run.statusCodes)).toEqual(["200"]);
  expect(r.rssGrowthMB).toBeLessThan(50);
  expect(r.sameAnswersAfter).toBe(true);
});
