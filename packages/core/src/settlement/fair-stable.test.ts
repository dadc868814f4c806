import { describe, expect, it } from "vitest";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { stateIndexOf, stateNumber, type StateIndex } from "../numbering.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { fairAndStable, type PackageToState } from "./fair-stable.js";
import { settlePackages } from "./packages.js";
import type { Choice, PackagesInput } from "../valuation/types.js";

// The README's fictional ceasefire: the government may withdraw; the Front may disarm and join talks; no disarming without talks.
const doc = {
  concord: 1,
  id: "ceasefire",
  title: "A ceasefire in a fictional valley",
  model: {
    decisionMakers: [
      { id: "gov", name: "Government", options: [{ id: "withdraw", label: "Withdraw the troops" }], preferences: ["disarm", "-withdraw"] },
      { id: "front", name: "Valley Front", options: [{ id: "disarm", label: "Hand in heavy weapons" }, { id: "talks", label: "Join talks" }], preferences: ["withdraw", "talks", "-disarm"] },
    ],
    feasibility: [{ infeasible: "disarm & -talks" }],
    statusQuo: ["talks"],
  },
} as unknown as ScenarioDocument;

const loaded = validateDocument(doc);
if (!loaded.ok) throw new Error("the test model does not load");
const space = loaded.value.space!;
const analysis = analyze(space);

const yesNo = [{ id: "no" }, { id: "yes" }];
const input: PackagesInput = {
  parties: [{ id: "gov", label: "the Government" }, { id: "front", label: "the Front" }],
  issues: [
    { id: "withdraw", label: "Withdrawal", alternatives: yesNo },
    { id: "disarm", label: "Disarmament", alternatives: yesNo },
    { id: "talks", label: "Talks", alternatives: yesNo },
  ],
  utilities: {
    gov: { withdraw: { no: 3, yes: 0 }, disarm: { no: 0, yes: 4 }, talks: { no: 0, yes: 1 } },
    front: { withdraw: { no: 0, yes: 5 }, disarm: { no: 2, yes: 0 }, talks: { no: 0, yes: 3 } },
  },
  disagreement: { package: { withdraw: "no", disarm: "no", talks: "yes" } },
};
const settled = settlePackages(input, { maxPackagesPerPoint: 100 });
if (!settled.ok) throw new Error("the test settlement does not load");
const result = settled.value;

/** Options in model order: withdraw (bit 0), disarm (bit 1), talks (bit 2). */
const toState: PackageToState = (c: Choice) => {
  const v = (c.withdraw === "yes" ? 1 : 0) + (c.disarm === "yes" ? 2 : 0) + (c.talks === "yes" ? 4 : 0);
  return space.indexOf(v) ?? "infeasible";
};

describe("fair and stable", () => {
  const calls: [StateIndex, BasicConcept][] = [];
  const r = fairAndStable(result, analysis, toState, { stabilization: (s, c) => (calls.push([s, c]), `what state ${stateNumber(s)} needs under ${c}`) });
  const v = r.ok ? r.value : null;

  it("maps every listed frontier package to its state and reads the analysis' equilibria", () => {
    expect(v).not.toBeNull();
    const listed = result.frontier.reduce((n, f) => n + f.packages.length, 0);
    expect(v!.packages.length).toBe(listed);
    for (const p of v!.packages) {
      const s = toState(p.package);
      expect(p.state).toBe(s === "infeasible" ? null : stateNumber(s));
      if (s === "infeasible") continue;
      for (const c of BASIC_CONCEPTS) {
        expect(p.equilibrium[c]).toBe(analysis.equilibria[c]!.includes(s));
        const movers = space.model.decisionMakers.filter((_, d) => analysis.stable[c]![d]![s] !== 1).map((d) => d.name);
        expect(p.unstableFor[c]).toEqual(movers);
        expect(p.needs?.[c]).toBe(p.equilibrium[c] ? undefined : `what state ${stateNumber(s)} needs under ${c}`);
      }
    }
  });

  it("calls the stabilization hook once per unstable (state, concept) of a listed package, and only then", () => {
    const expected = v!.packages.flatMap((p) => (p.state === null ? [] : BASIC_CONCEPTS.filter((c) => !p.equilibrium[c]).map((c): [StateIndex, BasicConcept] => [stateIndexOf(p.state!), c])));
    expect(calls).toEqual(expected);
  });

  it("lists, per concept, the acceptable packages whose state is an equilibrium", () => {
    for (const c of BASIC_CONCEPTS) {
      const want = v!.packages.flatMap((p, i) => (p.acceptable && p.state !== null && analysis.equilibria[c]!.includes(stateIndexOf(p.state)) ? [i] : []));
      expect(v!.fairAndStable[c]).toEqual(want);
    }
    expect(v!.explanation).toMatch(/^Of \d+ frontier packages examined, \d+ (is|are) better than no agreement for every party; of those, \d+ under Nash, \d+ under GMR, \d+ under SMR and \d+ under SEQ would hold/);
  });

  it("says in words which concepts hold and who would move", () => {
    const p = v!.packages.find((x) => x.state !== null && !x.equilibrium.nash)!;
    expect(p.explanation).toMatch(/^Withdrawal: (no|yes); Disarmament: (no|yes); Talks: (no|yes) is state \d+: .*not under .*Nash \(unstable for (the )?(Government|Valley Front)/);
  });

  it("reports a mapping to a state that does not exist instead of crashing", () => {
    const bad = fairAndStable(result, analysis, () => 99 as StateIndex);
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]!.message).toBe(`the package maps to 99, which is not a state of the model; expected a state index from 0 to ${space.size - 1} or "infeasible"`);
  });

  it("marks packages that are not feasible states", () => {
    const all = fairAndStable(result, analysis, () => "infeasible");
    expect(all.ok && all.value.packages.every((p) => p.state === null && p.explanation.endsWith("this combination is not a feasible state of the conflict model."))).toBe(true);
  });
});
