/**
 * Speed: reads of a scenario and of its latest analysis over HTTP, the load coming
 * from this process and the server running in another (issue 13: ≥ 2,000 requests/s
 * with p99 ≤ 50 ms on the project's 2-core machine). Local mode is the target's
 * setting; `--mode=team` reads with an API token (a login and an access check per
 * request).
 *
 *   node --import tsx bench/server-reads.ts [--connections=16] [--seconds=10] [--engine=sqlite] [--mode=local|team|both] [--log]
 *
 * The client is node:http with one kept-alive connection per loop (cheaper than
 * fetch, so that less of the machine's second core goes to making the load). Only
 * requests started after the first second count; the rate is over the time from
 * then to the last answer; every answer but a 200 is an error, and so is a
 * request that fails (its time counts in the percentiles too). `--log` keeps the
 * server's request log on (one JSON line per request; off by default, as in the
 * other server benchmarks).
 *
 * On a busy machine the rate mostly measures how often the two processes get a
 * core; the CPU time the server spends per read (from /proc, over the measured
 * window) does not depend on that, and says how many reads a core could serve.
 */
import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { Agent, request } from "node:http";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import { emit } from "./figures.js";
import { call, percentile, scenario, seed, spawnServer } from "./server-process.js";
import { enginesFrom, freshLocation, type Where } from "./storage-engines.js";

const { values: args } = parseArgs({ options: { connections: { type: "string" }, seconds: { type: "string" }, engine: { type: "string" }, mode: { type: "string" }, log: { type: "boolean" } } });
const connections = Number(args.connections ?? 16);
const seconds = Number(args.seconds ?? 10);
const modes = args.mode === undefined || args.mode === "local" ? ["local"] : args.mode === "team" ? ["team"] : args.mode === "both" ? ["local", "team"] : null;
if (modes === null) throw new Error(`--mode: expected local, team or both, found ${args.mode}`);
const WARM_UP_MS = 1000;
const CLI = new URL("../packages/cli/bin/concord.js", import.meta.url).pathname;
const PASSWORD = "bench password, not secret";
let failed = false;

/** Team mode: a user who owns a workspace (`concord user add`), logged in once for an API token. */
async function teamReader(where: Where): Promise<void> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  if (where.databaseUrl) env.DATABASE_URL = where.databaseUrl;
  const child = spawn(process.execPath, [CLI, "user", "add", "--email", "bench@example.org", "--name", "Bench", "--workspace", "Bench", ...(where.file ? ["--db", where.file] : [])], { env, stdio: ["pipe", "ignore", "inherit"] });
  child.stdin!.end(PASSWORD);
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`concord user add failed (${code})`);
}

async function apiToken(url: string): Promise<{ authorization: string; workspace: string }> {
  const login = await fetch(`${url}/api/auth/login`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email: "bench@example.org", password: PASSWORD }) });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(";")[0]!).join("; ");
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const made = await call<{ token: string }>(url, "POST", "/api/tokens", { name: "bench" }, { cookie, "x-csrf-token": csrfToken });
  if (made.status !== 201) throw new Error(`token failed: ${made.status}`);
  const authorization = `Bearer ${made.body.token}`;
  const list = await call<{ workspaces: { id: string }[] }>(url, "GET", "/api/workspaces", undefined, { authorization });
  return { authorization, workspace: list.body.workspaces[0]!.id };
}

/** A process's CPU time so far in ms (user + system, from /proc; Linux counts it in 1/100 s), or NaN elsewhere. */
function cpuMs(pid: number): number {
  const file = `/proc/${pid}/stat`;
  if (!existsSync(file)) return NaN;
  // The fields after the command name (which may hold spaces), from the 3rd: utime is the 14th, stime the 15th.
  const fields = readFileSync(file, "utf8").replace(/^.*\) /s, "").split(" ");
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** One GET on a kept-alive connection: its status (0 when it failed) once the whole body is in. */
function get(agent: Agent, url: URL, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers }, (res) => {
      res.on("data", () => {});
      res.on("end", () => resolve(res.statusCode ?? 0));
      res.on("error", () => resolve(0));
    });
    req.on("error", () => resolve(0));
    req.end();
  });
}

for (const engine of enginesFrom(args.engine ?? "sqlite")) {
  for (const mode of modes) {
    const location = await freshLocation(engine);
    if (mode === "team") await teamReader(location.where);
    const server = await spawnServer(location.where, [...(mode === "team" ? ["--team"] : []), ...(args.log ? ["--log", "json"] : [])]);
    try {
      let headers: Record<string, string> = {};
      let path: string;
      if (mode === "team") {
        const { authorization, workspace } = await apiToken(server.url);
        headers = { authorization };
        const sc = await call<{ scenario: { id: string } }>(server.url, "POST", `/api/workspaces/${workspace}/scenarios`, { name: "Bench", text: scenario("prisoners-dilemma.yaml") }, headers);
        if (sc.status !== 201) throw new Error(`seeding failed: ${sc.status}`);
        path = `/api/workspaces/${workspace}/scenarios/${sc.body.scenario.id}`;
      } else {
        path = await seed(server.url, scenario("prisoners-dilemma.yaml"));
      }
      const analysed = await call(server.url, "POST", `${path}/analyses`, { kind: "analyze" }, headers);
      if (analysed.status !== 201) throw new Error(`analysis failed: ${analysed.status}`);
      const targets = [new URL(`${server.url}${path}`), new URL(`${server.url}${path}/analyses/analyze/latest`)];
      const latencies: number[] = [];
      let errors = 0;
      const warmUntil = performance.now() + WARM_UP_MS;
      const until = warmUntil + seconds * 1000;
      let lastAnswer = warmUntil;
      // CPU time from the end of the warm-up, per answer after that moment.
      let serverCpu = NaN;
      let clientCpu = { user: 0, system: 0 };
      let cpuFrom = Infinity;
      let answersSinceCpu = 0;
      setTimeout(() => {
        serverCpu = cpuMs(server.child.pid!);
        clientCpu = process.cpuUsage();
        cpuFrom = performance.now();
      }, WARM_UP_MS);
      await Promise.all(
        Array.from({ length: connections }, async (_, c) => {
          const agent = new Agent({ keepAlive: true, maxSockets: 1 });
          for (let i = c; performance.now() < until; i++) {
            const t = performance.now();
            const status = await get(agent, targets[i % 2]!, headers);
            const done = performance.now();
            if (done >= cpuFrom) answersSinceCpu++;
            if (t < warmUntil) continue;
            latencies.push(done - t);
            lastAnswer = Math.max(lastAnswer, done);
            if (status !== 200) errors++;
          }
          agent.destroy();
        }),
      );
      const serverUs = ((cpuMs(server.child.pid!) - serverCpu) * 1000) / answersSinceCpu;
      const client = process.cpuUsage(clientCpu);
      const clientUs = (client.user + client.system) / answersSinceCpu;
      const rate = latencies.length / ((lastAnswer - warmUntil) / 1000);
      const p50 = percentile(latencies, 50);
      const p99 = percentile(latencies, 99);
      const ok = rate >= 2000 && p99 <= 50 && errors === 0;
      // A missed speed target is reported, not a failure; an error answer is.
      if (errors > 0) failed = true;
      const setting = `${mode} mode${mode === "team" ? " (API token)" : ""}${args.log ? ", request log on" : ""}, ${connections} connections from a second process, ${seconds} s`;
      console.log(`Reads over HTTP [${engine}]: scenario and latest analysis, ${setting}`);
      console.log(`  ${rate.toFixed(0)} requests/s, p50 ${p50.toFixed(1)} ms, p99 ${p99.toFixed(1)} ms, ${errors} errors of ${latencies.length}`);
      console.log(`  target ≥ 2,000 requests/s with p99 ≤ 50 ms: ${ok ? "meets target" : "MISSES target"}`);
      console.log(`  CPU per read: server ${serverUs.toFixed(0)} µs (one core: ${(1e6 / serverUs).toFixed(0)} reads/s), load generator ${clientUs.toFixed(0)} µs; load average ${loadavg()[0]!.toFixed(1)}`);
      const name = `${engine}${mode === "team" ? ", team mode" : ""}`;
      emit({ issue: 13, name: `${name}: reads of a scenario and its latest analysis over HTTP`, unit: "per s", value: Math.round(rate), target: { atLeast: 2000 }, correct: errors === 0, note: setting });
      emit({ issue: 13, name: `${name}: reads over HTTP, p99 latency`, unit: "ms", value: Number(p99.toFixed(1)), target: { atMost: 50 }, note: setting });
    } finally {
      await server.stop();
      await location.dispose();
    }
  }
}
process.exitCode = failed ? 1 : 0;
