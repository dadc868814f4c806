// The settle use case against independent checks: each package's state satisfies what
// its alternatives say and is the closest such state to the status quo, and its
// stability is what a plain stability analysis of that state says.
import { readFileSync } from "node:fs";
import { HtmlValidate } from "html-validate";
import { describe, expect, it } from "vitest";
import { BASIC_CONCEPTS, analyze, asStateIndex, evaluate, loadScenario, type Loaded } from "@concord/core";
import { brief, report } from "./report.js";
import { settle } from "./settle.js";

const load = (text: string): Loaded => {
  const r = loadScenario(text, { file: "t.yaml" });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.value;
};
const lake = load(readFileSync(new URL("../../../scenarios/examples/settlement.yaml", import.meta.url), "utf8"));

describe("settle", () => {
  it("maps every frontier package to a state where all its alternatives hold, stable exactly where the analysis says", async () => {
    const r = await settle(lake, { stabilize: false });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const space = lake.space!;
    const a = analyze(space, BASIC_CONCEPTS);
    const s = lake.scenario.settlement!;
    expect(r.value.packages.length).toBe(13);
    for (const p of r.value.packages) {
      expect(p.state).not.toBeNull();
      const st = asStateIndex(p.state! - 1);
      for (const issue of s.issues) {
        const alt = issue.alternatives.find((x) => x.id === p.package[issue.id])!;
        expect(evaluate(alt.when!.expr, (o) => space.taken(st, o)), `${p.words}: ${alt.when!.text}`).toBe(true);
      }
      expect(p.stableUnder).toEqual(BASIC_CONCEPTS.filter((c) => a.equilibria[c]!.includes(st)));
    }
  });

  it("leaves what a package does not settle as it is today: the matching state closest to the status quo", async () => {
    const scenario = `
concord: 1
id: open-options
title: Open options
model:
  decisionMakers:
    - id: a
      options: [{ id: sign, label: Sign }, { id: patrol, label: Patrol }]
      preferences: [sign]
    - id: b
      options: [{ id: ratify, label: Ratify }]
      preferences: [ratify]
  statusQuo: [patrol]
settlement:
  parties: [a, b]
  issues:
    - id: treaty
      alternatives: [{ id: "no", when: -sign }, { id: "yes", when: sign }]
  valuations:
    a: { estimate: true, utilities: { treaty: { "no": 0, "yes": 2 } } }
    b: { estimate: true, utilities: { treaty: { "no": 0, "yes": 1 } } }
  disagreement: { values: { a: 0, b: 0 } }
`;
    const loaded = load(scenario);
    const r = await settle(loaded, { stabilize: false });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const [p] = r.value.packages;
    // sign Y, patrol kept Y as today, ratify N as today.
    expect(loaded.space!.yn(asStateIndex(p!.state! - 1))).toBe("YYN");
  });

  it("without a model, still finds the packages and says stability was not checked", async () => {
    const scenario = `
concord: 1
id: no-model
title: No model
actors: [{ id: a, name: Aland }, { id: b, name: Belmark }]
settlement:
  parties: [a, b]
  issues:
    - { id: x, alternatives: [{ id: p }, { id: q }] }
    - { id: y, alternatives: [{ id: p }, { id: q }] }
  valuations:
    a: { estimate: true, total: 10, utilities: { x: { p: 6, q: 0 }, y: { p: 0, q: 4 } } }
    b: { estimate: true, total: 10, utilities: { x: { p: 0, q: 3 }, y: { p: 7, q: 0 } } }
  disagreement: { values: { a: 0, b: 0 } }
`;
    const r = await settle(load(scenario));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.concepts).toEqual([]);
    expect(r.value.stabilityNote).toMatch(/no model/);
    expect(r.value.nash?.package).toEqual({ x: "p", y: "p" });
    expect(r.value.parties).toEqual([{ id: "a", label: "Aland" }, { id: "b", label: "Belmark" }]);
    expect(r.value.summary).not.toMatch(/would hold/);
    expect(r.value.adjustedWinnerNote).toMatch(/No issue is marked divisible/);
  });

  it("puts the section in the brief and the report, with the frontier chart, only when the scenario has a settlement section", async () => {
    const b = await brief(lake, { format: "md" });
    if (!b.ok) throw new Error(b.problems[0]!.message);
    expect(b.value.data.settlement?.accepted[0]?.words).toMatch(/^Troops in the strip: Norland withdraws/);
    expect(b.value.text).toContain("## Packages both sides could accept, and which would hold");
    const r = await report(lake, { format: "html" });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.text).toContain('<section id="settlement"><h2>Packages both sides could accept, and which would hold</h2>');
    expect(r.value.text).toContain('<svg xmlns="http://www.w3.org/2000/svg" class="frontier-chart"');
    expect(r.value.text).toContain('<a href="#settlement-brief">');
    const validation = await new HtmlValidate({ extends: ["html-validate:recommended"], rules: { "long-title": "off" } }).validateString(r.value.text);
    expect(validation.results.flatMap((x) => x.messages.map((m) => `${m.ruleId}: ${m.message}`))).toEqual([]);
    const plain = await report({ text: readFileSync(new URL("../../../scenarios/prisoners-dilemma.yaml", import.meta.url), "utf8"), file: "pd.yaml" }, { format: "html" });
    if (!plain.ok) throw new Error(plain.problems[0]!.message);
    expect(plain.value.text).not.toContain("frontier-chart");
    expect(plain.value.data.settlement).toBeUndefined();
  });

  it("searches for the change that would make an unstable Nash package hold, and says who would move away", async () => {
    // Sudria cares nothing for transit here (its 15 points go to the troops), so the most even package keeps the road closed.
    const text = readFileSync(new URL("../../../scenarios/examples/settlement.yaml", import.meta.url), "utf8")
      .replace("troops: { stay: 0, withdraw: 35 }", "troops: { stay: 0, withdraw: 50 }")
      .replace("transit: { closed: 0, open: 15 }", "transit: { closed: 0, open: 0 }");
    const r = await settle(load(text));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    const nash = r.value.packages.find((p) => p.nash)!;
    expect(nash.words).toContain("Road transit: closed");
    expect(nash.stableUnder).not.toContain("nash");
    expect(nash.needs?.nash).toMatchObject({ searched: true, found: true });
    expect(nash.needs!.nash!.pulls[0]).toMatch(/^Sudria would drop/);
    expect(nash.needs!.nash!.changes[0]).toMatch(/^Sudria comes to want/);
    // Other acceptable packages get who would move away, without a search.
    expect(r.value.packages.filter((p) => p.needs && !p.nash && !p.kalaiSmorodinsky).every((p) => Object.values(p.needs!).every((n) => n!.searched === false))).toBe(true);
  });

  it("leaves out packages the model rules out, names the condition, and finds the package they hid", async () => {
    // x with p would be best for both, but the model rules out o0 with o2.
    const text = `concord: 1
id: ruled
title: Ruled out
model:
  decisionMakers:
    - { id: a, options: [{ id: o0, label: o0 }, { id: o1, label: o1 }], preferences: [o0] }
    - { id: b, options: [{ id: o2, label: o2 }], preferences: [o2] }
  feasibility:
    - infeasible: o0 & o2
settlement:
  parties: [a, b]
  issues:
    - { id: i0, alternatives: [{ id: x, when: o0 & -o1 }, { id: y, when: o1 & -o0 }] }
    - { id: i1, alternatives: [{ id: p, when: o2 }, { id: q, when: -o2 }] }
  valuations:
    a: { estimate: true, utilities: { i0: { x: 2, y: 1 }, i1: { p: 2, q: 0 } } }
    b: { estimate: true, utilities: { i0: { x: 2, y: 1 }, i1: { p: 2, q: 0 } } }
  disagreement: { values: { a: 0, b: 0 } }
`;
    const r = await settle(load(text), { stabilize: false });
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.packages.map((p) => [p.package, p.state !== null, p.nash])).toEqual([[{ i0: "y", i1: "p" }, true, true]]);
    expect(r.value.excluded.map((x) => [x.package, x.gains, x.ruledOutBy])).toEqual([[{ i0: "x", i1: "p" }, { a: 4, b: 4 }, ["o0 & o2"]]]);
    expect(r.value.excluded[0]!.reason).toBe('The model rules it out: "o0 & o2".');
  });

  it("maps alternatives by patterns over options with alternatives (transit = sovereign)", async () => {
    const r = await settle(load(ALT));
    if (!r.ok) throw new Error(r.problems[0]!.message);
    expect(r.value.packages.map((p) => p.state !== null)).toEqual([true, true]);
  });
});

const ALT = `
concord: 1
id: alt
title: Alt
model:
  decisionMakers:
    - id: a
      options:
        - id: transit
          label: Transit
          alternatives: [{ id: none, label: none }, { id: sovereign, label: sovereign }, { id: corridor, label: corridor }]
      preferences: ["transit = sovereign"]
    - id: b
      options: [{ id: sign, label: Sign }]
      preferences: [sign]
settlement:
  parties: [a, b]
  issues:
    - id: transit
      alternatives: [{ id: s, when: "transit = sovereign" }, { id: c, when: "transit = corridor" }]
  valuations:
    a: { estimate: true, utilities: { transit: { s: 2, c: 0 } } }
    b: { estimate: true, utilities: { transit: { s: 0, c: 2 } } }
  disagreement: { values: { a: 0, b: 0 } }
`;
