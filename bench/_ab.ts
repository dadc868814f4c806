import { readFileSync } from "node:fs";
import { validateDocument, prepareAnalysis, engineData, allocMinimums, passesFor, sanctionPass, stabilityFromMinimums, finishAnalysis, type BasicConcept } from "@concord/core";
const bits = Number(process.argv[2]); const runs = Number(process.argv[3] ?? 3);
const doc = JSON.parse(readFileSync(`/tmp/eng/m${bits}.json`, "utf8"));
const r = validateDocument(doc); if (!r.ok) throw new Error("bad");
const space = r.value.space!;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const concepts: BasicConcept[] = ["nash", "gmr", "smr", "seq"];
const best: Record<string, number> = {};
let eq = "";
for (let run = 0; run < runs; run++) {
  const ms: Record<string, number> = { prepare: 0, all: 0, improving: 0, scan: 0, finish: 0, total: 0 };
  const T0 = cpu(); let t = cpu();
  const prep = prepareAnalysis(space, { concepts });
  ms.prepare = cpu() - t;
  const data = engineData(prep);
  const perDm = prep.payoffs.map((_, i) => {
    const mins = allocMinimums(space.size, prep.concepts);
    for (const pass of passesFor(prep.concepts)) { t = cpu(); sanctionPass(data, i, pass, prep.concepts, mins); ms[pass]! += cpu() - t; }
    t = cpu(); const x = stabilityFromMinimums(data, i, prep.concepts, mins); ms.scan! += cpu() - t; return x;
  });
  t = cpu(); const a = finishAnalysis(prep, perDm); ms.finish = cpu() - t;
  ms.total = cpu() - T0;
  eq = JSON.stringify(Object.fromEntries(Object.entries(a.equilibria).map(([c, e]) => [c, e!.length])));
  if (run > 0 || runs === 1) for (const k in ms) best[k] = Math.min(best[k] ?? Infinity, ms[k]!);
}
console.log(bits, "cpu-ms min", JSON.stringify(Object.fromEntries(Object.entries(best).map(([k, v]) => [k, Math.round(v)]))), eq, "rss", Math.round(process.resourceUsage().maxRSS / 1024));
