/**
 * The report's speed (issue 11), a standalone script: `node --import tsx bench/report.ts`
 * (after `npm run build`, for the worker threads). Targets: the seed's brief ≤ 1 s, its
 * full report ≤ 2 s, and the report of a model of about 250,000 states ≤ 10 s and
 * ≤ 5 MB of HTML. Each figure is the best of several runs (the machine is shared);
 * the first, cold run is printed too. The large model is analysed on worker threads,
 * as `concord report` does; the time includes that analysis.
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { BASIC_CONCEPTS, loadScenario, validateDocument, type Loaded } from "@concord/core";
import { analyzeParallel } from "@concord/node";
import { buildBrief, buildReport } from "@concord/report";
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
const loadSeed = (): Loaded => {
  const r = loadScenario(text, { file: seedFile });
  if (!r.ok) throw new Error("the seed does not load");
  return r.value;
};

console.log("Report and brief (issue 11)\n");
const brief = await timed(5, () => buildBrief(loadSeed(), "html"));
console.log(`Brief of the seed (load, analyse, brief, HTML): best ${fmt(brief.best)} of 5 (first ${fmt(brief.cold)}); target ≤ 1 s: ${verdict(brief.best <= 1000)}`);
const report = await timed(5, () => buildReport(loadSeed(), "html"));
console.log(`Full report of the seed: best ${fmt(report.best)} of 5 (first ${fmt(report.cold)}); target ≤ 2 s: ${verdict(report.best <= 2000)}`);

const m = stabilityModel(18);
const r = validateDocument(m.doc);
if (!r.ok || !r.value.space) throw new Error("the large model does not load");
const big = r.value;
let bytes = 0;
const large = await timed(2, async () => {
  const analysis = await analyzeParallel(big.space!, BASIC_CONCEPTS);
  const built = await buildReport(big, "html", { analysis });
  bytes = Buffer.byteLength(built.text);
});
console.log(
  `Report of ${m.name} — ${big.space!.size.toLocaleString("en")} states (analysis on worker threads included): best ${fmt(large.best)} of 2 (first ${fmt(large.cold)}), ${(bytes / 1e6).toFixed(2)} MB of HTML; target ≤ 10 s and ≤ 5 MB: ${verdict(large.best <= 10_000 && bytes <= 5e6)}`,
);
console.log(missed === 0 ? "\nAll targets met." : `\n${missed} target(s) missed.`);
process.exitCode = missed === 0 ? 0 : 1;
