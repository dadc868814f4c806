/**
 * Scale-out: a batch of analysis jobs taken by one `concord worker` process, then
 * by two, on a fresh database each time (issue 13: a robustness job on 2 workers in
 * ≤ 60% of the time on one). There is no robustness use case in the application
 * layer yet, so the batch is stability analyses of distinct revisions of the
 * Colombia–FARC model; the figure is the batch's wall time.
 *
 *   node --import tsx bench/server-jobs.ts [--jobs=8] [--engine=postgres]
 */
import { spawn, type ChildProcess } from "node:child_process";
import { parseArgs } from "node:util";
import { call, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { jobs: { type: "string" }, engine: { type: "string" } } });
const jobs = Number(args.jobs ?? 8);
const CLI = new URL("../packages/cli/bin/concord.js", import.meta.url).pathname;
const base = scenario("colombia-farc-2016.yaml");
let failed = false;

async function batch(engine: "sqlite" | "postgres", workers: number): Promise<number> {
  const location = await freshLocation(engine);
  const server = await spawnServer(location.where, ["--jobs", "0"]);
  const children: ChildProcess[] = [];
  try {
    const path = await seed(server.url, base);
    const ws = path.split("/")[3];
    for (let i = 1; i < jobs; i++) {
      const head = await call(server.url, "GET", path);
      await call(server.url, "PUT", path, { text: `${base}# revision ${i + 1}\n` }, { "if-match": head.etag ?? "" });
    }
    for (let n = 1; n <= jobs; n++) await call(server.url, "POST", `${path}/jobs`, { kind: "analyze", revision: n });
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
  if (!ok) failed = true;
  console.log(`Analysis jobs over concord worker processes [${engine}]: ${jobs} jobs — 1 worker ${(one / 1000).toFixed(2)} s, 2 workers ${(two / 1000).toFixed(2)} s (${(ratio * 100).toFixed(0)}%; includes each worker's start-up)`);
  console.log(`  target 2 workers ≤ 60% of 1: ${ok ? "meets target" : "MISSES target"}`);
}
process.exitCode = failed ? 1 : 0;
