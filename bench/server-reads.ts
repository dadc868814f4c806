/**
 * Speed: reads of a scenario and of its latest analysis over HTTP, the load coming
 * from this process and the server running in another (issue 13: ≥ 2,000 requests/s
 * with p99 ≤ 50 ms on the project's 2-core machine).
 *
 *   node --import tsx bench/server-reads.ts [--connections=16] [--seconds=10] [--engine=sqlite]
 */
import { parseArgs } from "node:util";
import { emit } from "./figures.js";
import { call, percentile, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { connections: { type: "string" }, seconds: { type: "string" }, engine: { type: "string" } } });
const connections = Number(args.connections ?? 16);
const seconds = Number(args.seconds ?? 10);
let failed = false;

for (const engine of enginesFrom(args.engine ?? "sqlite")) {
  const location = await freshLocation(engine);
  const server = await spawnServer(location.where);
  try {
    const path = await seed(server.url, scenario("prisoners-dilemma.yaml"));
    const analysed = await call(server.url, "POST", `${path}/analyses`, { kind: "analyze" });
    if (analysed.status !== 201) throw new Error(`analysis failed: ${analysed.status}`);
    const targets = [`${server.url}${path}`, `${server.url}${path}/analyses/analyze/latest`];
    const latencies: number[] = [];
    let errors = 0;
    const warmUntil = Date.now() + 1000;
    let start = 0;
    const until = warmUntil + seconds * 1000;
    await Promise.all(
      Array.from({ length: connections }, async (_, c) => {
        for (let i = c; Date.now() < until; i++) {
          const t = performance.now();
          // Node's fetch keeps connections alive: each loop reuses its own.
          const res = await fetch(targets[i % 2]!);
          await res.arrayBuffer();
          if (res.status !== 200) errors++;
          if (Date.now() >= warmUntil) {
            start ||= performance.now();
            latencies.push(performance.now() - t);
          }
        }
      }),
    );
    const elapsed = (performance.now() - start) / 1000;
    const rate = latencies.length / elapsed;
    const p50 = percentile(latencies, 50);
    const p99 = percentile(latencies, 99);
    const ok = rate >= 2000 && p99 <= 50 && errors === 0;
    // A missed speed target is reported, not a failure; an error answer is.
    if (errors > 0) failed = true;
    console.log(`Reads over HTTP [${engine}]: scenario and latest analysis, ${connections} connections from a second process, ${seconds} s`);
    console.log(`  ${rate.toFixed(0)} requests/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${errors} errors`);
    console.log(`  target ≥ 2,000 requests/s with p99 ≤ 50 ms: ${ok ? "meets target" : "MISSES target"}`);
    const note = `${connections} connections from a second process, ${seconds} s`;
    emit({ issue: 13, name: `${engine}: reads of a scenario and its latest analysis over HTTP`, unit: "per s", value: Math.round(rate), target: { atLeast: 2000 }, correct: errors === 0, note });
    emit({ issue: 13, name: `${engine}: reads over HTTP, p99 latency`, unit: "ms", value: Number(p99.toFixed(1)), target: { atMost: 50 }, note });
  } finally {
    await server.stop();
    await location.dispose();
  }
}
process.exitCode = failed ? 1 : 0;
