/**
 * The report's speed (issue 11), a standalone script: `node --import tsx bench/report.ts`
 * (after `npm run build`, for the worker threads). Targets: the seed's brief ≤ 1 s, its
 * full report ≤ 2 s, and the report of a model of about 250,000 states ≤ 10 s and
 * ≤ 5 MB of HTML. Each figure is the best of several runs (the machine is shared);
 * the first, cold run is printed too. Timed through the application layer's use cases,
 * as `concord report` calls them: the large model is analysed on worker threads, and the
 * time includes that analysis.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { brief as briefOf, openScenario, report as reportOf, type Loaded, type Result } from "@concord/app";
import { workerRunner } from "@concord/node";
import { stabilityModel } from "./models.js";

const fmt = (ms: number): string => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
let missed = 0;
const verdict = (ok: boolean): string => {
  if (!ok) missed++;
  return ok ? "meets target" : "MISSES target";
};

async function timed(runs: number, f: () => Promise<unknown>): Promise<{ cold: number; best: number }> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return { cold: times[0]!, best: Math.min(...times) };
}

const seedFile = "scenarios/armenia-azerbaijan-2023.yaml";
const text = readFileSync(seedFile, "utf8");
const value = <T>(r: Result<T>, what: string): T => {
  if (!r.ok) throw new Error(`${what}: ${r.problems.map((p) => p.message).join("; ")}`);
  return r.value;
};
const loadSeed = (): Loaded => value(openScenario({ text, file: seedFile }), "the seed does not load");

console.log("Report and brief (issue 11)\n");
const brief = await timed(5, async () => value(await briefOf(loadSeed(), { format: "html" }), "brief"));
console.log(`Brief of the seed (load, analyse, brief, HTML): best ${fmt(brief.best)} of 5 (first ${fmt(brief.cold)}); target ≤ 1 s: ${verdict(brief.best <= 1000)}`);
const report = await timed(5, async () => value(await reportOf(loadSeed(), { format: "html" }), "report"));
console.log(`Full report of the seed: best ${fmt(report.best)} of 5 (first ${fmt(report.cold)}); target ≤ 2 s: ${verdict(report.best <= 2000)}`);

const m = stabilityModel(18);
const big = value(openScenario({ text: JSON.stringify(m.doc), file: "large.json" }), "the large model does not load");
let bytes = 0;
const large = await timed(2, async () => {
  const built = value(await reportOf(big, { format: "html" }, workerRunner()), "large report");
  bytes = Buffer.byteLength(built.text);
});
console.log(
  `Report of ${m.name} — ${big.space!.size.toLocaleString("en")} states (analysis on worker threads included): best ${fmt(large.best)} of 2 (first ${fmt(large.cold)}), ${(bytes / 1e6).toFixed(2)} MB of HTML; target ≤ 10 s and ≤ 5 MB: ${verdict(large.best <= 10_000 && bytes <= 5e6)}`,
);
console.log(missed === 0 ? "\nAll targets met." : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
