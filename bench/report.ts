/**
 * The report's speed (issue 11) and the seed end to end (issue 12):
 *   node --import tsx bench/report.ts   (after `npm run build`, for the worker threads)
 * Targets: the seed's brief ≤ 1 s, its full report ≤ 2 s (issue 12: ≤ 3 s), the report
 * of a model of about 250,000 states ≤ 10 s and ≤ 5 MB of HTML, and `npx concord` on the
 * seed ≤ 5 s end to end. Each timing has a warm-up run and repeats (min/median/max,
 * the median held to the target). Through the application layer's `brief` and `report`
 * use cases, as the CLI calls them; the large model is analysed on worker threads (the
 * Node runner), as `concord report` does, and its time includes that analysis.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brief as briefOf, inlineRunner, openScenario, report as reportOf, type Result } from "@concord/app";
import { workerRunner } from "@concord/node";
import { emit, measure, timingWords } from "./figures.js";
import { stabilityModel } from "./models.js";

const seedFile = "scenarios/armenia-azerbaijan-2023.yaml";
const text = readFileSync(seedFile, "utf8");
const seed = { text, file: seedFile };
const value = <T>(r: Result<T>): T => {
  if (!r.ok) throw new Error(`the bench's scenario was refused: ${r.problems[0]?.message}`);
  return r.value;
};

console.log("Report and brief (issues 11 and 12)");
let briefBytes = 0;
const brief = await measure(5, async () => {
  briefBytes = value(await briefOf(seed, { format: "html" }, inlineRunner)).text.length;
});
console.log(`Brief of the seed (load, analyse, brief, HTML): ${timingWords(brief)}`);
emit({ issue: 11, name: "brief of the seed (load, analyse, HTML)", unit: "ms", value: brief.median, timing: brief, target: { atMost: 1000 } });
emit({ issue: 11, name: "brief of the seed: characters of HTML (a check that it is written)", unit: "count", value: briefBytes, correct: briefBytes > 1000 });

const report = await measure(5, async () => value(await reportOf(seed, { format: "html" }, inlineRunner)));
console.log(`Full report of the seed: ${timingWords(report)}`);
emit({ issue: 11, name: "full report of the seed", unit: "ms", value: report.median, timing: report, target: { atMost: 2000 } });
emit({ issue: 12, name: "report of the seed", unit: "ms", value: report.median, timing: report, target: { atMost: 3000 } });

// The seed end to end, as a new user runs it: a fresh process that analyses the seed, writes the report and prints the answer.
const dir = mkdtempSync(join(tmpdir(), "concord-bench-"));
try {
  const bin = join(process.cwd(), "packages/cli/bin/concord.js");
  const run = await measure(3, () => execFileSync(process.execPath, [bin], { cwd: dir, stdio: "ignore" }));
  console.log(`\`npx concord\` on the seed (a fresh process: analyse, write the report, print the answer): ${timingWords(run)}`);
  emit({ issue: 12, name: "`npx concord` on the seed, end to end", unit: "ms", value: run.median, timing: run, target: { atMost: 5000 }, note: "node packages/cli/bin/concord.js, without npx's own start-up" });
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const m = stabilityModel(18);
const big = value(openScenario({ text: JSON.stringify(m.doc), format: "json" }));
if (!big.space) throw new Error("the large model has no states");
let bytes = 0;
const large = await measure(2, async () => {
  bytes = Buffer.byteLength(value(await reportOf(big, { format: "html" }, workerRunner())).text);
});
const states = big.space!.size.toLocaleString("en");
console.log(`Report of ${m.name} — ${states} states (analysis on worker threads included): ${timingWords(large)}, ${(bytes / 1e6).toFixed(2)} MB of HTML`);
emit({ issue: 11, name: `report of a ${states}-state model`, unit: "ms", value: large.median, timing: large, target: { atMost: 10_000 } });
emit({ issue: 11, name: `report of a ${states}-state model: HTML size`, unit: "MB", value: bytes / 1e6, target: { atMost: 5 } });
