/**
 * Scale-out (issue 13: "a robustness job split over 2 `concord worker` processes
 * finishes in ≤ 60% of the time of one"): ONE robustness job on the seed scenario,
 * `--variants` variants, taken by one `concord worker` process, then by two, on a
 * fresh PostgreSQL database each time. The job is split into parts (ranges of
 * variants) that the workers share; the time is from queueing the job to its
 * result being stored, so it includes splitting, every part (each starts a thread,
 * loads the model and analyses it as written) and the merge. The workers are
 * started and ready before the job is queued: their start-up is NOT included.
 *
 * Each worker runs with `--threads 1`, standing for one machine with one core: on
 * a 2-core machine one worker on every core already uses both, and a second worker
 * would have nothing left to add. Runs alternate (1, 2, 1, 2, …); the figure is the
 * best run of each, with the load average before each run. Each worker's CPU time is
 * printed too: on a loaded machine the wall time depends on everything else running,
 * while the busiest worker's CPU time is what a quiet machine would wait for.
 *
 *   node --import tsx bench/server-jobs.ts [--variants=1000] [--runs=3] [--unsplit]
 *
 * 1,000 variants (robustness's default; 10 parts) take about two minutes on one quiet
 * core. Splitting and merging are serial (about 6 s of CPU on the seed: loading the
 * model to plan the parts, then loading and analysing it again to merge), so the
 * smaller the job, the further the ratio stays above one half.
 *
 * `--unsplit` also times one worker running the job whole (parts of at least as many
 * variants as the job has): what splitting costs a lone worker.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { openStorage } from "@concord/storage";
import { emit } from "./figures.js";
import { call, scenario, seed, spawnServer } from "./server-process.js";
import { freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { variants: { type: "string" }, runs: { type: "string" }, unsplit: { type: "boolean" } } });
const variants = Number(args.variants ?? 1000);
const runs = Number(args.runs ?? 3);
const CLI = new URL("../packages/cli/bin/concord.js", import.meta.url).pathname;
const base = scenario("armenia-azerbaijan-2023.yaml");

interface Run {
  readonly ms: number;
  readonly parts: number | null;
  /** Parts per worker. */
  readonly shares: number[];
  /** CPU seconds per worker process (all its threads), from /proc; empty where there is none. */
  readonly cpu: number[];
  readonly load: number;
}

interface Job {
  readonly id: string;
  readonly state: string;
  readonly parts: number | null;
  readonly error: string | null;
}

/** A ready `concord worker` (it printed that it takes jobs), with its id. */
function startWorker(databaseUrl: string, extra: readonly string[]): Promise<{ id: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [CLI, "worker", "--threads", "1", ...extra], { env: { ...process.env, CONCORD_LOG: "off", DATABASE_URL: databaseUrl }, stdio: ["ignore", "pipe", "inherit"] });
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /Concord worker (\S+) taking jobs/.exec(out);
      if (m) resolve({ id: m[1]!, child });
    });
    child.once("exit", (code) => reject(new Error(`concord worker ended (${code}) before taking jobs`)));
  });
}

async function once(workers: number, unsplit = false): Promise<Run> {
  const location = await freshLocation("postgres");
  const databaseUrl = location.where.databaseUrl!;
  const server = await spawnServer(location.where, ["--jobs", "0"]);
  const children: ChildProcess[] = [];
  try {
    const path = await seed(server.url, base);
    const ws = path.split("/")[3];
    const ids: string[] = [];
    for (let w = 0; w < workers; w++) {
      const started = await startWorker(databaseUrl, unsplit ? ["--part-variants", String(variants)] : []);
      children.push(started.child);
      ids.push(started.id);
    }
    const load = loadavg()[0]!;
    const start = performance.now();
    const queued = await call<{ job: Job }>(server.url, "POST", `${path}/jobs`, { kind: "robustness", options: { variants, seed: 1 } });
    if (queued.status !== 202) throw new Error(`queueing the robustness job: ${queued.status}`);
    let job = queued.body.job;
    while (job.state === "queued" || job.state === "running") {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call<{ job: Job }>(server.url, "GET", `/api/workspaces/${ws}/jobs/${job.id}`)).body.job;
    }
    const ms = performance.now() - start;
    const cpu = children.map(cpuSeconds).filter((x): x is number => x !== undefined);
    if (job.state !== "succeeded") throw new Error(`the job ${job.state}: ${job.error}`);
    // Which worker ran which part: read from the jobs tables.
    const storage = await openStorage({ databaseUrl });
    try {
      const parts = await storage.jobs.parts.list(job.id);
      return { ms, parts: job.parts, shares: ids.map((id) => parts.filter((p) => p.worker === id).length), cpu, load };
    } finally {
      await storage.close();
    }
  } finally {
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : (c.once("exit", r), c.kill("SIGTERM"))))));
    await server.stop();
    await location.dispose();
  }
}

/** User + system CPU of a process and its threads so far, in seconds (Linux; clock ticks of 1/100 s). */
function cpuSeconds(child: ChildProcess): number | undefined {
  try {
    const fields = readFileSync(`/proc/${child.pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const describe = (r: Run): string =>
  `${(r.ms / 1000).toFixed(1)} s (load ${r.load.toFixed(1)}; ${r.parts === null ? "run whole" : `${r.parts} parts, per worker ${r.shares.join("+")}`}; CPU per worker ${r.cpu.map((c) => `${c.toFixed(1)} s`).join(" + ")})`;

const one: Run[] = [];
const two: Run[] = [];
const whole: Run[] = [];
for (let i = 0; i < runs; i++) {
  one.push(await once(1));
  console.log(`  run ${i + 1}, 1 worker:  ${describe(one.at(-1)!)}`);
  two.push(await once(2));
  console.log(`  run ${i + 1}, 2 workers: ${describe(two.at(-1)!)}`);
  if (args.unsplit) {
    whole.push(await once(1, true));
    console.log(`  run ${i + 1}, 1 worker, unsplit: ${describe(whole.at(-1)!)}`);
  }
}
const best = (xs: Run[]): number => Math.min(...xs.map((r) => r.ms));
const ratio = best(two) / best(one);
const ok = ratio <= 0.6;
console.log(
  `One robustness job of ${variants} variants on the seed, over concord worker processes (--threads 1 each) [postgres]: best of ${runs} — 1 worker ${(best(one) / 1000).toFixed(1)} s, 2 workers ${(best(two) / 1000).toFixed(1)} s (${(ratio * 100).toFixed(0)}%; from queueing to the stored result, workers' start-up excluded)`,
);
// On a loaded machine the wall time depends on what else runs; the busiest worker's CPU is what a quiet machine would wait for.
const busiest = (xs: Run[]): number => Math.min(...xs.map((r) => Math.max(...r.cpu)));
if (one.every((r) => r.cpu.length > 0) && two.every((r) => r.cpu.length > 0)) {
  console.log(`  busiest worker's CPU (start-up included, ~1 s): 1 worker ${busiest(one).toFixed(1)} s, 2 workers ${busiest(two).toFixed(1)} s (${((busiest(two) / busiest(one)) * 100).toFixed(0)}%: the ratio a quiet machine would approach)`);
}
if (whole.length > 0) console.log(`  1 worker running it whole: ${(best(whole) / 1000).toFixed(1)} s (what splitting costs a lone worker: ${((best(one) / best(whole) - 1) * 100).toFixed(0)}%)`);
console.log(`  target 2 workers ≤ 60% of 1: ${ok ? "meets target" : "MISSES target"}; load average before the runs: ${[...one, ...two].map((r) => r.load.toFixed(1)).join(", ")}`);
emit({
  issue: 13,
  name: "postgres: one robustness job on 2 concord worker processes, time of 1",
  unit: "%",
  value: Math.round(ratio * 100),
  target: { atMost: 60 },
  note: `one job of ${variants} variants split into parts, workers with --threads 1, start-up excluded; best of ${runs}: 1 worker ${(best(one) / 1000).toFixed(1)} s, 2 workers ${(best(two) / 1000).toFixed(1)} s`,
});
