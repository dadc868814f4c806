import { readFileSync } from "node:fs";
import { loadScenario } from "@concord/core";
import { briefData } from "@concord/report";
const f = process.argv[2] ?? "scenarios/armenia-azerbaijan-2023.yaml";
const r = loadScenario(readFileSync(f, "utf8"), { file: f });
if (!r.ok) throw new Error("bad");
const t0 = performance.now();
const b = briefData(r.value, { since: process.argv[3] });
console.error("ms", performance.now() - t0);
if (!b.ok) { console.log(b.problems); process.exit(1); }
const d = b.value;
const show = (c: {text: string; cites: readonly {source: string}[]; refs: readonly string[]}) => console.log("-", c.text, `[${c.cites.length} cites; ${c.refs.length} refs]`);
console.log("BOTTOM LINE"); d.bottomLine.forEach(show);
console.log("NEXT"); d.next.forEach((m) => { console.log(m.rank, m.deterrence); m.claims.forEach(show); });
console.log("TARGETS"); d.targets.forEach((t) => show(t.claim));
console.log("WAITING"); d.waiting.forEach(show); console.log("more", d.waitingMore);
console.log("DEADLINES"); d.deadlines.forEach(show);
if (d.since) { console.log("SINCE"); d.since.answer.forEach(show); console.log(d.since.entries.length, d.since.statusChanges); }
console.log("METHOD"); show(d.method);
console.log("sources", d.sources.length, "estimates", d.estimates.length);
console.log(JSON.stringify(d.paths, null, 1).slice(0, 3000));
console.log(JSON.stringify(d.holdings?.columns));
