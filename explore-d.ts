import { readFileSync } from "node:fs";
import { loadScenario } from "@concord/core";
import { buildReport } from "@concord/report";
const f = "test/fixtures/report-small.yaml";
const load = () => { const r = loadScenario(readFileSync(f, "utf8"), { file: f }); if (!r.ok) throw 1; return r.value; };
const a = await buildReport(load(), "html");
const b = await buildReport(load(), "html");
const la = a.text.split("\n"), lb = b.text.split("\n");
for (let i = 0; i < la.length; i++) if (la[i] !== lb[i]) { console.log("A", la[i]!.slice(0, 600)); console.log("B", lb[i]!.slice(0, 600)); break; }
