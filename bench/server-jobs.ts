/**
 * Scale-out: a batch of robustness jobs on the seed scenario (each its own seed of
 * draws, `--variants` variants: few enough that each job runs on one thread) taken
 * by one `concord worker` process, then by two, on a fresh database each time
 * (issue 13: a robustness job on 2 workers in ≤ 60% of the time on one). One job is
 * not split across workers: the batch is, so the figure is the batch's wall time.
 *
 *   node --import tsx bench/server-jobs.ts [--jobs=4] [--variants=10] [--engine=postgres]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { emit } from "./figures.js";
import { call, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { jobs: { type: "string" }, variants: { type: "string" }, engine: { type: "string" } } });
const jobs = Number(args.jobs ?? 4);
const variants = Number(args.variants ?? 10);
const CLI = new URL("../packages/cli/bin/concord.js", import.meta.url).pathname;
const base = scenario("armenia-azerbaijan-2023.yaml");

async function batch(engine: "sqlite" | "postgres", workers: number): Promise<number> {
  const location = await freshLocation(engine);
  const server = await spawnServer(location.where, ["--jobs", "0"]);
  const children: ChildProcess[] = [];
  try {
    const path = await seed(server.url, base);
    const ws = path.split("/")[3];
    for (let n = 1; n <= jobs; n++) {
      const queued = await call(server.url, "POST", `${path}/jobs`, { kind: "robustness", options: { variants, seed: n } });
      if (queued.status !== 202) throw new Error(`queueing a robustness job: ${queued.status}`);
    }
    const env = { ...process.env, CONCORD_LOG: "off", ...(location.where.databaseUrl ? { DATABASE_URL: location.where.databaseUrl } : {}) };
    const start = performance.now();
    for (let w = 0; w < workers; w++) children.push(spawn(process.execPath, [CLI, "worker", ...(location.where.file ? ["--db", location.where.file] : [])], { env, stdio: "ignore" }));
    for (;;) {
      const list = await call<{ jobs: { state: string }[] }>(server.url, "GET", `/api/workspaces/${ws}/jobs?limit=1000`);
      const open = list.body.jobs.filter((j) => j.state === "queued" || j.state === "running").length;
      if (list.body.jobs.some((j) => j.state === "failed")) throw new Error("a job failed");
      if (open === 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return performance.now() - start;
  } finally {
    for (const c of children) c.kill("SIGTERM");
    await server.stop();
    await location.dispose();
  }
}

for (const engine of enginesFrom(args.engine ?? "postgres")) {
  const one = await batch(engine, 1);
  const two = await batch(engine, 2);
  const ratio = two / one;
  const ok = ratio <= 0.6;
  console.log(`Robustness jobs over concord worker processes [${engine}]: ${jobs} jobs of ${variants} variants — 1 worker ${(one / 1000).toFixed(2)} s, 2 workers ${(two / 1000).toFixed(2)} s (${(ratio * 100).toFixed(0)}%; includes each worker's start-up)`);
  console.log(`  target 2 workers ≤ 60% of 1: ${ok ? "meets target" : "MISSES target"}`);
  emit({ issue: 13, name: `${engine}: robustness jobs on 2 concord worker processes, time of 1`, unit: "%", value: Math.round(ratio * 100), target: { atMost: 60 }, note: `${jobs} jobs of ${variants} variants each (a batch, not one job split); 1 worker ${(one / 1000).toFixed(1)} s, 2 workers ${(two / 1000).toFixed(1)} s` });
}
