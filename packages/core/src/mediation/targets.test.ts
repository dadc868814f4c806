import { describe, expect, it } from "vitest";
import { evaluate } from "../model/expression.js";
import { generateModel } from "../scenario/generate.js";
import { loadScenario, validateDocument } from "../scenario/load.js";
import { asStateIndex } from "../numbering.js";
import { analyze } from "../stability/analysis.js";
import { stabilize } from "./stabilize.js";
import { matchTarget, resolveTarget, stateFilter, targetStates } from "./targets.js";

const VALLEY = `
concord: 1
id: valley
title: A ceasefire in a fictional valley
model:
  decisionMakers:
    - id: gov
      options:
        - { id: withdraw, label: Withdraw the troops }
      preferences: [disarm, -withdraw]
    - id: front
      options:
        - { id: disarm, label: Hand in heavy weapons }
        - { id: talks, label: Join talks }
      preferences: [withdraw, talks, -disarm]
  feasibility:
    - infeasible: disarm & -talks
  statusQuo: [talks]
  targets:
    - { id: peace, label: troops out and weapons in, pattern: withdraw & disarm }
`;

describe("targets", () => {
  it("names the states where a pattern holds, by the model's target id or by a pattern", () => {
    const r = loadScenario(VALLEY);
    if (!r.ok) throw new Error("invalid");
    const space = r.value.space!;
    const byId = resolveTarget(space.model, "peace");
    expect(byId.ok && byId.value).toMatchObject({ id: "peace", label: "troops out and weapons in", pattern: "withdraw & disarm" });
    // States (withdraw, disarm, talks): 1 NNN, 2 YNN, 3 NNY, 4 YNY, 5 NYY, 6 YYY (README's numbering).
    const m = matchTarget(space, byId.ok ? byId.value : (undefined as never));
    expect(m).toMatchObject({ count: 1, statusQuoMatches: false, states: [{ state: 6, yn: "YYY" }] });
    const talks = resolveTarget(space.model, "talks & -withdraw");
    if (!talks.ok) throw new Error("pattern");
    expect(targetStates(space, talks.value).map((s) => s + 1)).toEqual([3, 5]);
    expect(matchTarget(space, talks.value).statusQuoMatches).toBe(true);
    const keep = stateFilter(space, talks.value);
    expect([1, 2, 3, 4, 5, 6, 0, 7].filter(keep)).toEqual([3, 5]);
  });

  it("leaves a target no feasible state matches without a search, and says so", () => {
    const r = loadScenario(VALLEY);
    if (!r.ok) throw new Error("invalid");
    const t = resolveTarget(r.value.space!.model, "disarm & -talks");
    if (!t.ok) throw new Error("pattern");
    const res = stabilize(analyze(r.value.space!), t.value);
    expect(res.target.count).toBe(0);
    expect(res.reach).toBeNull();
    expect(res.pulls).toEqual([]);
    expect(res.focus).toBeNull();
    expect(res.changes).toMatchObject({ goalMet: false, total: 0, coverage: { single: { preferenceChanges: 0 }, pairs: { searched: false } } });
  });

  it("says what is wrong with a pattern, with did-you-mean and the model's targets", () => {
    const r = loadScenario(VALLEY);
    if (!r.ok) throw new Error("invalid");
    const bad = resolveTarget(r.value.space!.model, "withdraw & disram");
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.problems[0]).toMatchObject({
      code: "unknown-ref",
      path: ["target"],
      message: 'unknown option "disram"; did you mean "disarm"? (at character 12 of "withdraw & disram"); the model\'s targets are "peace"',
      offset: 11,
    });
    const broken = resolveTarget(r.value.space!.model, "withdraw &");
    expect(!broken.ok && broken.problems[0]!.code).toBe("statement");
  });

  it("matches exactly the states where the pattern is true (random models and patterns)", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const v = validateDocument(generateModel({ decisionMakers: 3, options: 2, statements: 3, conditions: seed % 4, seed }));
      if (!v.ok) continue;
      const space = v.value.space!;
      // Use the model's own statements as patterns: every kind of expression the language has.
      for (const dm of space.model.decisionMakers) {
        if (dm.preference.kind !== "priorities") continue;
        for (const st of dm.preference.statements) {
          const t = resolveTarget(space.model, st.text);
          if (!t.ok) throw new Error(st.text);
          const want = Array.from({ length: space.size }, (_, s) => s).filter((s) => evaluate(st.expr, (o) => space.taken(asStateIndex(s), o)));
          expect(targetStates(space, t.value)).toEqual(want);
        }
      }
    }
  });
});
