import { readFileSync } from "node:fs";
import { analyze, loadScenario, explainCoalition, coalitionStatusQuo, analyzeCoalitions, coalitionAnalysisJson, parseCoalition, BASIC_CONCEPTS } from "@concord/core";
const r = loadScenario(readFileSync("scenarios/armenia-azerbaijan-2023.yaml", "utf8"), { file: "seed.yaml" });
if (!r.ok) throw new Error("x");
const space = r.value.space!;
const a = analyze(space);
console.log("states", space.size, "sq", space.statusQuo + 1);
const H = (parseCoalition(space.model, ["Armenia", "West"]) as any).value;
for (const c of BASIC_CONCEPTS) { const x = explainCoalition(a, H, space.statusQuo, c); console.log(x.text); console.log(); }
const sq = coalitionStatusQuo(a, [H]);
console.log(sq.summary);
for (const c of BASIC_CONCEPTS) for (const e of sq.equilibria[c]!.slice(0,3)) console.log(c, e.state, e.reachableAlone, e.path.map(p => `${p.by.join("+")}: ${p.from}->${p.to}`).join(" | "));
const t = performance.now();
const ca = analyzeCoalitions(a);
console.log("coalitions ms", performance.now() - t);
if (ca.ok) { const j = coalitionAnalysisJson(ca.value); console.log(j.summary); }
