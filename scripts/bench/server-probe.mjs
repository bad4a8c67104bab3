// Preloaded into the bench server (node --import) when SERVER_PROBE_FILE is set: once a second it appends
// one JSON line with what the server process itself saw in that second, to tell a slow request's causes apart:
//   loopMaxMs  longest event-loop delay (the server was busy on the CPU, e.g. a long task or a GC pause)
//   gcMs       time in GC pauses, gcMaxMs the longest one
//   cpuMs      CPU time the process got (user + system); far below 1000 x busy cores = it was waiting for a core
//   rssMB, heapUsedMB, loadAvg1 (the machine's 1-minute load average)
//   liveHeapMB heap in use right after the latest full (mark-compact) GC: what the server really holds; a leak
//              makes it climb, V8 merely sizing its heap to the load does not
//   accepts    when (epoch ms) the server accepted each new TCP connection in that second ('connection' event)
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import { constants, monitorEventLoopDelay, PerformanceObserver } from "node:perf_hooks";

const file = process.env.SERVER_PROBE_FILE;
if (file) {
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  let gcMs = 0;
  let gcMaxMs = 0;
  let liveHeapMB = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      gcMs += e.duration;
      if (e.duration > gcMaxMs) gcMaxMs = e.duration;
      if (e.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) liveHeapMB = Math.round(process.memoryUsage().heapUsed / 1048576);
    }
  }).observe({ entryTypes: ["gc"] });
  let accepts = [];
  const emit = net.Server.prototype.emit;
  net.Server.prototype.emit = function (event, ...args) {
    if (event === "connection" && accepts.length < 10_000) accepts.push(Date.now());
    return emit.call(this, event, ...args);
  };
  let cpu = process.cpuUsage();
  const timer = setInterval(() => {
    const now = process.cpuUsage();
    const line = {
      t: Date.now(),
      loopMaxMs: Math.round(loop.max / 1e6),
      gcMs: Math.round(gcMs),
      gcMaxMs: Math.round(gcMaxMs),
      cpuMs: Math.round((now.user - cpu.user + now.system - cpu.system) / 1000),
      rssMB: Math.round(process.memoryUsage.rss() / 1048576),
      heapUsedMB: Math.round(process.memoryUsage().heapUsed / 1048576),
      liveHeapMB,
      loadAvg1: os.loadavg()[0],
      accepts,
    };
    accepts = [];
    cpu = now;
    loop.reset();
    gcMs = 0;
    gcMaxMs = 0;
    fs.appendFileSync(file, JSON.stringify(line) + "\n");
  }, 1000);
  timer.unref();
}
