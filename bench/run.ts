/**
 * `npm run bench`: every figure the issues set a target for, in one run.
 *   npm run bench                          all groups
 *   npm run bench -- --only report,settlement
 * Each group is a script run in a process of its own (so its peak memory is its own);
 * its output is shown as it comes, and its figures (`@figure` lines, bench/figures.ts)
 * are collected. At the end: a table of every figure, per issue, next to its target
 * with a hit/miss mark and the previous run's value (bench/results/latest.json, not in
 * git: figures are this machine's). A missed target does not fail the run; a wrong
 * result (a check that failed) or a script that crashed does.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { fmtMs, meets, type Figure } from "./figures.js";

interface Group {
  readonly id: string;
  readonly title: string;
  readonly scripts: readonly (readonly string[])[];
  /** What was scaled down from the issue's setting to keep the whole run near ten minutes on two cores. */
  readonly scaled?: string;
}

const GROUPS: readonly Group[] = [
  { id: "engine", title: "Engine (issues 2, 3, 16)", scripts: [["bench/engine.ts"]], scaled: "sizes up to 2^20 (CONCORD_BENCH_MAX_BITS=22 or 24 runs 2^22 and 2^24)" },
  { id: "report", title: "Brief and report (issues 11, 12)", scripts: [["bench/report.ts"]] },
  { id: "mediation", title: "Mediation (issue 10)", scripts: [["bench/mediation.ts"]] },
  { id: "coalitions", title: "Coalitions (issue 10)", scripts: [["bench/coalitions.ts"]] },
  { id: "settlement", title: "Settlement (issue 15)", scripts: [["bench/settlement.ts"]] },
  {
    id: "storage",
    title: "Storage reliability (issue 13)",
    scripts: [["bench/storage-writers.ts", "--seconds=30"], ["bench/storage-kill.ts", "--rounds=20"]],
  },
  { id: "web", title: "Web workbench (issue 14)", scripts: [["bench/web.ts"], ["bench/web-graph.ts"]] },
  {
    id: "server",
    title: "Workbench server (issue 13)",
    scripts: [["bench/server-edits.ts", "--seconds=30"], ["bench/server-kill.ts", "--rounds=20"], ["bench/server-reads.ts", "--seconds=5"], ["bench/server-jobs.ts", "--runs=2"]],
  },
];

/** Targets no script measures yet: listed so the table says so instead of leaving them out. */
const NOT_MEASURED: readonly { issue: number; name: string; why: string }[] = [
  { issue: 16, name: "2^24 states ≤ 25 s and ≤ 3 GB, every output mode", why: "too heavy for one bench run here: CONCORD_BENCH_MAX_BITS=24 (engine), and `concord analyze`, `--json`, `report` on a generated 24-option model by hand" },
];

const RESULTS = "bench/results/latest.json";

interface Stored {
  readonly machine: string;
  /** Per group: when it ran, the machine's 1-minute load average then, its figures and the scripts that failed. */
  readonly groups: Record<string, { readonly when: string; readonly load: number; readonly figures: readonly Figure[]; readonly failures: readonly string[] }>;
}

const { values: args } = parseArgs({ options: { only: { type: "string" } } });
const wanted = args.only?.split(",").map((x) => x.trim()).filter((x) => x !== "");
const unknown = wanted?.filter((id) => !GROUPS.some((g) => g.id === id)) ?? [];
if (unknown.length) {
  console.error(`--only: unknown group${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; expected some of ${GROUPS.map((g) => g.id).join(", ")}`);
  process.exit(2);
}
const groups = GROUPS.filter((g) => wanted === undefined || wanted.includes(g.id));

/** Runs one script, printing its lines indented as they come, and returns its figures and whether it ended well. */
function runScript(argv: readonly string[]): Promise<{ figures: Figure[]; failure?: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", ...argv], { stdio: ["ignore", "pipe", "pipe"] });
    const figures: Figure[] = [];
    let firstError = "";
    let lastErr = "";
    createInterface({ input: child.stdout }).on("line", (line) => {
      if (line.startsWith("@figure ")) figures.push(JSON.parse(line.slice(8)) as Figure);
      else console.log(`  ${line}`);
    });
    createInterface({ input: child.stderr }).on("line", (line) => {
      console.log(`  ${line}`);
      if (line.trim()) lastErr = line.trim();
      if (!firstError && /error/i.test(line)) firstError = line.trim();
    });
    child.on("close", (code, signal) => {
      const failure = code === 0 ? undefined : `${argv.join(" ")} ended with ${signal ?? `exit code ${code}`}${firstError || lastErr ? `: ${firstError || lastErr}` : ""}`;
      resolve({ figures, ...(failure ? { failure } : {}) });
    });
  });
}

const machine = `Node ${process.version}, ${availableParallelism()} cores (${cpus()[0]?.model ?? "unknown CPU"})`;
const previous: Stored | undefined = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, "utf8")) as Stored) : undefined;
console.log(`Concord benchmarks — ${machine}`);
console.log(`Groups: ${groups.map((g) => g.id).join(", ")}. Timings: a warm-up run, then repeats; the median is held to the target (min and max beside it).`);
const scaled = groups.filter((g) => g.scaled);
if (scaled.length) console.log(`Scaled down to keep the run near ten minutes on two cores: ${scaled.map((g) => `${g.id}: ${g.scaled}`).join("; ")}.`);

/** The machine's load (1-minute average) against its cores: above them, other work competes and timings stretch. */
const load = (): string => `load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores`;
const busy = (): boolean => loadavg()[0]! > availableParallelism() * 0.75;
console.log(`At the start: ${load()}${busy() ? " — the machine is busy with other work: timings will be slower than the code is" : ""}.`);

const t0 = performance.now();
const now: Stored["groups"] = {};
for (const g of groups) {
  console.log(`\n== ${g.title}`);
  const figures: Figure[] = [];
  const failures: string[] = [];
  for (const script of g.scripts) {
    const r = await runScript(script);
    figures.push(...r.figures);
    if (r.failure) failures.push(r.failure);
  }
  now[g.id] = { when: new Date().toISOString(), load: loadavg()[0]!, figures, failures };
}
const elapsed = performance.now() - t0;

// The summary: every figure of the groups run, per issue, with the previous run's value.
const key = (f: Figure): string => `${f.issue}|${f.name}`;
const before = new Map(Object.values(previous?.groups ?? {}).flatMap((g) => g.figures.map((f) => [key(f), f] as const)));
const value = (f: Figure, v: number | null = f.value): string => {
  if (v === null) return "—";
  switch (f.unit) {
    case "ms": return fmtMs(v);
    case "ns": return `${v.toFixed(1)} ns`;
    case "MiB": return `${v.toFixed(0)} MiB`;
    case "MB": return `${v.toFixed(2)} MB`;
    case "×": return `× ${v.toFixed(2)}`;
    case "%": return `${v.toFixed(0)}%`;
    case "per s": return `${v.toFixed(0)}/s`;
    default: return v.toLocaleString("en");
  }
};
const target = (f: Figure): string => {
  const t = f.target;
  if (!t) return "";
  return [t.atMost !== undefined ? `≤ ${value(f, t.atMost)}` : "", t.atLeast !== undefined ? `≥ ${value(f, t.atLeast)}` : ""].filter((x) => x).join(", ");
};
const mark = (f: Figure): string => {
  if (f.correct === false) return "✗ WRONG";
  if (f.value === null) return f.target ? "✗ not measured" : "";
  const m = meets(f);
  if (m === undefined) return f.correct === true ? "✓ correct" : "";
  return m ? "✓ hit" : "✗ miss";
};
const change = (f: Figure, p: Figure | undefined): string => {
  if (!p || p.value === null || f.value === null || p.value === 0) return "";
  const d = ((f.value - p.value) / p.value) * 100;
  return `${d >= 0 ? "+" : ""}${d.toFixed(0)}%`;
};

const figures = Object.values(now).flatMap((g) => g.figures);
const ranIssues = new Set(groups.flatMap((g) => [...g.title.matchAll(/\d+/g)].map((m) => Number(m[0]))));
const lines: { issue: number; cells: string[] }[] = figures.map((f) => {
  const p = before.get(key(f));
  return { issue: f.issue, cells: [`#${f.issue}`, f.name, value(f), f.timing ? `${fmtMs(f.timing.min)} – ${fmtMs(f.timing.max)}` : "", target(f), mark(f), p ? value(p) : "", change(f, p)] };
});
for (const n of NOT_MEASURED.filter((x) => wanted === undefined || ranIssues.has(x.issue))) lines.push({ issue: n.issue, cells: [`#${n.issue}`, n.name, "—", "", "", "not measured", "", n.why] });
// By issue; within an issue, in the order measured (the sort is stable).
const rows = [["issue", "figure", "now", "min – max", "target", "", "previous", "change"], ...lines.sort((a, b) => a.issue - b.issue).map((l) => l.cells)];
const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
console.log(`\n== Summary (${fmtMs(elapsed)} in all; at the end, ${load()}${previous ? "; previous: the last stored run of each figure" : "; no previous run stored"})`);
for (const [i, r] of rows.entries()) {
  console.log(r.map((cell, c) => (c === 2 || c === 6 ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!))).join("  ").trimEnd());
  if (i === 0) console.log(widths.map((w) => "-".repeat(w)).join("  "));
}
for (const f of figures.filter((x) => x.note)) console.log(`  note (#${f.issue}, ${f.name}): ${f.note}`);

const missed = figures.filter((f) => meets(f) === false).length;
const wrong = figures.filter((f) => f.correct === false);
const failures = Object.values(now).flatMap((g) => g.failures);
for (const f of failures) console.log(`FAILED: ${f}`);
console.log(`\n${figures.length} figures: ${figures.filter((f) => meets(f) === true).length} targets hit, ${missed} missed; ${wrong.length} wrong results; ${failures.length} scripts failed.`);

mkdirSync("bench/results", { recursive: true });
writeFileSync(RESULTS, `${JSON.stringify({ machine, groups: { ...(previous?.groups ?? {}), ...now } } satisfies Stored, null, 2)}\n`);
console.log(`Figures stored in ${RESULTS}.`);
// Missed targets are reported, not failed: only a wrong result or a crash fails the run.
process.exitCode = wrong.length || failures.length ? 1 : 0;
