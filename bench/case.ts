/**
 * One benchmark case, run in its own process so its peak memory is its own:
 *   node --import tsx bench/case.ts enumerate
 *   node --import tsx bench/case.ts stability <bits> [threads|all] [runs]
 *   node --import tsx bench/case.ts stability3 <bits> [threads|all] [runs]   (3 DMs)
 * Prints one JSON line with the timings (ms), sizes and peak RSS (MiB). The first run
 * pays for compiling the engine (cold, a warm-up); the others give min/median/max.
 * `runs` sets how many in all (default 7 up to 100,000 states, else 3).
 */
import { performance } from "node:perf_hooks";
import { openScenario, type ScenarioDocument } from "@concord/app";
// Issue 2's figure is enumerating and ranking alone: the `states` use case also builds a row per state, so the ranking step is core's.
import { computePayoffs, type StateSpace } from "@concord/core";
import { workerRunner } from "@concord/node";
import { timingOf } from "./figures.js";
import { enumerationModel, stabilityModel, threeDmModel } from "./models.js";

function load(doc: ScenarioDocument): { space: StateSpace; ms: number } {
  const text = JSON.stringify(doc);
  const t0 = performance.now();
  const r = openScenario({ text, format: "json" });
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return { space: r.value.space!, ms: performance.now() - t0 };
}

const peakMiB = (): number => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [kind, arg, threadsArg, runsArg] = process.argv.slice(2);
  if (kind === "enumerate") {
    const m = enumerationModel();
    const { space, ms: loadMs } = load(m.doc);
    const t0 = performance.now();
    for (const dm of space.model.decisionMakers) computePayoffs(space, dm);
    const rankMs = performance.now() - t0;
    console.log(JSON.stringify({ kind, name: m.name, states: space.size, enumerateMs: loadMs, rankMs, totalMs: loadMs + rankMs, peakMiB: peakMiB() }));
    return;
  }
  const bits = Number(arg);
  const threads = threadsArg === undefined || threadsArg === "all" ? undefined : Number(threadsArg);
  const m = kind === "stability3" ? threeDmModel(bits) : stabilityModel(bits);
  const { space, ms: loadMs } = load(m.doc);
  // The first run pays for compiling the engine (cold); the others are the engine's speed (warm).
  const runs = runsArg !== undefined ? Number(runsArg) : space.size <= 100_000 ? 7 : 3;
  const times: number[] = [];
  // The application layer's runner on worker threads, as the CLI and the server analyse.
  const runner = workerRunner(threads === undefined ? {} : { threads });
  let a: Awaited<ReturnType<typeof runner.analyze>> | undefined;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    a = await runner.analyze(space, ["nash", "gmr", "smr", "seq"]);
    times.push(performance.now() - t0);
  }
  const analysis = a!;
  let moves = 0;
  for (let k = 0; k < analysis.index.dmCount; k++) {
    const start = analysis.index.blockStart[k]!;
    for (let b = 0; b + 1 < start.length; b++) {
      const size = start[b + 1]! - start[b]!;
      moves += size * (size - 1);
    }
  }
  const equilibria = Object.fromEntries(Object.entries(analysis.equilibria).map(([c, e]) => [c, e.length]));
  console.log(JSON.stringify({
    kind, bits, name: m.name, states: space.size, moves, loadMs,
    coldMs: times[0], timing: timingOf(times, 1),
    threads: threads ?? "all", equilibria, peakMiB: peakMiB(),
  }));
}

await main();
