import { readFileSync } from "node:fs";
import { loadScenario } from "@concord/core";
import { reportData, timelineSvg } from "@concord/report";
const f = "docs/examples/record-armenia-azerbaijan.yaml";
const r = loadScenario(readFileSync(f, "utf8"), { file: f }); if (!r.ok) throw 1;
const d = reportData(r.value);
const svg = timelineSvg(d.timeline)!;
console.log([...svg.matchAll(/<text x="[\d.]+" y="[\d.]+">([^<]*)<\/text>/g)].map((m) => m[1]).filter((t) => /^[A-Z][a-z]{2}/.test(t!)).slice(0, 40).join(" | "));
console.log(d.timeline.map(t => t.first).sort()[0]);
