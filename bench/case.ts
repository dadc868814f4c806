/**
 * One benchmark case, run in its own process so its peak memory is its own:
 *   node --import tsx bench/case.ts enumerate
 *   node --import tsx bench/case.ts stability <bits> [threads|all] [runs]
 *   node --import tsx bench/case.ts stability3 <bits> [threads|all] [runs]   (3 DMs)
 *   node --import tsx bench/case.ts variants [runs]   (re-analyses of one 1,024-state model)
 *   node --import tsx bench/case.ts parallel <bits> [threads|auto] [runs]   (one thread and several, interleaved)
 *   node --import tsx bench/case.ts gmcrpy [threads] [runs]   (the 6,048-state model gmcr-py was timed on)
 * With one thread, the stability cases time each phase (prepare, the all-moves and
 * improving passes, the scan) of the last run, in this thread.
 * Prints one JSON line with the timings (ms), sizes and peak RSS (MiB). The first run
 * pays for compiling the engine (cold, a warm-up); the others give min/median/max.
 * `runs` sets how many in all (default 7 up to 100,000 states, else 3).
 */
import { availableParallelism } from "node:os";
import { performance } from "node:perf_hooks";
import { readdirSync, readFileSync } from "node:fs";
import { analyzeParallel, chooseThreads, closeWorkers, type ParallelStats } from "@concord/node";
import {
  allocMinimums,
  computePayoffs,
  engineData,
  finishAnalysis,
  generateModel,
  passesFor,
  payoffsWith,
  prepareAnalysis,
  reanalyse,
  sanctionPass,
  stabilityFromMinimums,
  validateDocument,
  type Analysis,
  type BasicConcept,
  type StateSpace,
} from "@concord/core";
import { timingOf } from "./figures.js";
import { enumerationModel, gmcrPyModel, stabilityModel, threeDmModel } from "./models.js";

function load1(doc: Parameters<typeof validateDocument>[0]): { space: StateSpace; ms: number } {
  const t0 = performance.now();
  const r = validateDocument(doc);
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  return { space: r.value.space!, ms: performance.now() - t0 };
}

const peakMiB = (): number => process.resourceUsage().maxRSS / 1024;

async function main(): Promise<void> {
  const [kind, arg, threadsArg, runsArg] = process.argv.slice(2);
  if (kind === "enumerate") {
    // A warm-up, then repeats: one cold run was the figure, and it swung ×2 with the machine's load.
    const m = enumerationModel();
    const runs = arg !== undefined ? Number(arg) : 3;
    const load: number[] = [];
    const rank: number[] = [];
    const total: number[] = [];
    let states = 0;
    for (let r = 0; r < runs; r++) {
      const { space, ms: loadMs } = load1(m.doc);
      const t0 = performance.now();
      for (const dm of space.model.decisionMakers) computePayoffs(space, dm);
      const rankMs = performance.now() - t0;
      states = space.size;
      load.push(loadMs);
      rank.push(rankMs);
      total.push(loadMs + rankMs);
    }
    console.log(JSON.stringify({ kind, name: m.name, states, enumerate: timingOf(load, 1), rank: timingOf(rank, 1), timing: timingOf(total, 1), coldMs: total[0], peakMiB: peakMiB() }));
    return;
  }
  if (kind === "parallel") {
    console.log(JSON.stringify(await parallel(Number(arg), threadsArg ?? "auto", runsArg !== undefined ? Number(runsArg) : 3)));
    return;
  }
  if (kind === "variants") {
    console.log(JSON.stringify(variants(arg !== undefined ? Number(arg) : 7)));
    return;
  }
  // gmcrpy takes no size: its arguments shift one place left.
  const gp = kind === "gmcrpy";
  const bits = gp ? 14 : Number(arg);
  const [tArg, rArg] = gp ? [arg, threadsArg] : [threadsArg, runsArg];
  // "all": every core, whatever the load (the runner's default would take fewer on a busy machine).
  const threads = tArg === undefined || tArg === "all" ? availableParallelism() : Number(tArg);
  const m = gp ? gmcrPyModel() : kind === "stability3" ? threeDmModel(bits) : stabilityModel(bits);
  const { space, ms: loadMs } = load1(m.doc);
  // The first run pays for compiling the engine (cold); the others are the engine's speed (warm).
  // The small gmcr-py model runs in milliseconds: more runs and warm-ups, or the machine's noise is the figure.
  const runs = rArg !== undefined ? Number(rArg) : gp ? 35 : space.size <= 100_000 ? 7 : 3;
  const warmup = gp ? 5 : 1;
  const times: number[] = [];
  const cpu: number[] = [];
  let a: Awaited<ReturnType<typeof analyzeParallel>> | undefined;
  let phases: Record<string, number> | undefined;
  let stats: ParallelStats | undefined;
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    if (threads === 1) {
      const p = phased(space, ["nash", "gmr", "smr", "seq"]);
      a = p.analysis;
      phases = p.ms;
    } else a = await analyzeParallel(space, ["nash", "gmr", "smr", "seq"], { threads, onStats: (s) => (stats = s) });
    times.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000);
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
    coldMs: times[0], timing: timingOf(times, warmup), cpu: timingOf(cpu, warmup),
    threads, equilibria, peakMiB: peakMiB(), ...(phases ? { phases } : {}), ...(stats ? { parallel: stats } : {}),
  }));
}

/** CPU time (ms) per thread of this process, by thread id (Linux; empty elsewhere). */
function threadCpu(): Map<string, number> {
  const out = new Map<string, number>();
  let tids: string[];
  try {
    tids = readdirSync("/proc/self/task");
  } catch {
    return out;
  }
  for (const t of tids) {
    try {
      const st = readFileSync(`/proc/self/task/${t}/stat`, "utf8");
      const f = st.slice(st.lastIndexOf(")") + 2).split(" ");
      out.set(t, (Number(f[11]) + Number(f[12])) * 10); // utime + stime, in clock ticks of 10 ms
    } catch {
      // The thread ended.
    }
  }
  return out;
}

/**
 * Issue 16, "threads that pay off": the 4-DM model of 2^bits states on one thread and on
 * `threads` (auto: what the runner chooses for this machine and its load), runs
 * interleaved so both see the same load. Besides wall times: CPU time of the whole process
 * (total work: overhead shows as more CPU than one thread), each thread's CPU (balance;
 * from /proc) and the pool's own per-phase busy times.
 */
async function parallel(bits: number, threadsArg: string, runs: number): Promise<Record<string, unknown>> {
  const m = stabilityModel(bits);
  const { space } = load1(m.doc);
  const concepts = ["nash", "gmr", "smr", "seq"] as const;
  const auto = threadsArg === "auto";
  const threads = auto ? chooseThreads(space.size, space.model.decisionMakers.length) : Number(threadsArg);
  const one: number[] = [], many: number[] = [], oneCpu: number[] = [], manyCpu: number[] = [];
  let stats: ParallelStats | undefined;
  let perThreadCpu: number[] = [];
  let oneThreadCpu: number[] = [];
  // Threads that worked (the engine's; V8's helpers, e.g. the garbage collector's, each take a little).
  const worked = (before: Map<string, number>, after: Map<string, number>): number[] =>
    [...after].map(([t, ms]) => ms - (before.get(t) ?? 0)).filter((ms) => ms >= 50).sort((x, y) => y - x);
  let same = true;
  for (let r = 0; r < runs; r++) {
    const before1 = threadCpu();
    let c0 = process.cpuUsage();
    let t0 = performance.now();
    const a1 = await analyzeParallel(space, concepts, { threads: 1 });
    one.push(performance.now() - t0);
    let c = process.cpuUsage(c0);
    oneCpu.push((c.user + c.system) / 1000);
    oneThreadCpu = worked(before1, threadCpu());
    const before = threadCpu();
    c0 = process.cpuUsage();
    t0 = performance.now();
    const a2 = await analyzeParallel(space, concepts, auto ? { onStats: (s) => (stats = s) } : { threads, onStats: (s) => (stats = s) });
    many.push(performance.now() - t0);
    c = process.cpuUsage(c0);
    manyCpu.push((c.user + c.system) / 1000);
    perThreadCpu = worked(before, threadCpu());
    same &&= JSON.stringify(a1.equilibria) === JSON.stringify(a2.equilibria);
  }
  await closeWorkers();
  return {
    kind: "parallel", bits, name: m.name, states: space.size, threads, auto,
    one: timingOf(one, 1), many: timingOf(many, 1), oneCpu: timingOf(oneCpu, 1), manyCpu: timingOf(manyCpu, 1),
    oneThreadCpu, perThreadCpu, stats, same, peakMiB: peakMiB(),
  };
}

/** The analysis in this thread, each phase timed (ms): what analyze() does, step by step. */
function phased(space: StateSpace, concepts: readonly BasicConcept[]): { analysis: Analysis; ms: Record<string, number> } {
  const ms: Record<string, number> = { prepare: 0, all: 0, improving: 0, scan: 0, finish: 0 };
  let t = performance.now();
  const prep = prepareAnalysis(space, { concepts });
  ms.prepare = performance.now() - t;
  const data = engineData(prep);
  const perDm = prep.payoffs.map((_, i) => {
    const mins = allocMinimums(space.size, prep.concepts);
    for (const pass of passesFor(prep.concepts)) {
      t = performance.now();
      sanctionPass(data, i, pass, prep.concepts, mins);
      ms[pass] = ms[pass]! + performance.now() - t;
    }
    t = performance.now();
    const r = stabilityFromMinimums(data, i, prep.concepts, mins);
    ms.scan = ms.scan! + performance.now() - t;
    return r;
  });
  t = performance.now();
  const analysis = finishAnalysis(prep, perDm);
  ms.finish = performance.now() - t;
  return { analysis, ms };
}

/**
 * Issue 16, "many analyses per second": variants of one 1,024-state, 4-DM model that
 * change only preferences (each decision maker's statements rotated), re-analysed
 * with the state space and move index reused (core's reanalyse, which robustness and
 * sensitivity use). Time per variant, warm: the first round is the warm-up.
 */
function variants(runs: number): Record<string, unknown> {
  const r = validateDocument(generateModel({ decisionMakers: 4, options: [3, 3, 2, 2], statements: 5, oneWay: 0.15, seed: 3 }));
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 3)));
  const space = r.value.space!;
  const base = prepareAnalysis(space);
  const dms = space.model.decisionMakers;
  const set = Array.from({ length: 25 }, (_, v) =>
    dms.map((dm) => {
      const st = dm.preference.kind === "priorities" ? dm.preference.statements : [];
      const k = v % Math.max(1, st.length);
      return payoffsWith(space, dm, [...st.slice(k), ...st.slice(0, k)]);
    }),
  );
  const ROUNDS = 40;
  const times: number[] = [];
  // CPU time per variant too: on a shared machine the wall time includes waiting for a core.
  const cpu: number[] = [];
  let equilibria = 0;
  for (let run = 0; run < runs; run++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (let i = 0; i < ROUNDS; i++) for (const ps of set) equilibria += reanalyse(base, ps).equilibria.seq!.length;
    times.push((performance.now() - t0) / (ROUNDS * set.length));
    const c = process.cpuUsage(c0);
    cpu.push((c.user + c.system) / 1000 / (ROUNDS * set.length));
  }
  return { kind: "variants", states: space.size, decisionMakers: dms.length, timing: timingOf(times, 1), cpu: timingOf(cpu, 1), equilibria, peakMiB: peakMiB() };
}

await main();
