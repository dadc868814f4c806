import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { evaluate } from "../model/expression.js";
import { optionValues, valueText, valueWords, type OptionValue } from "../model/values.js";
import { asDmIndex, asStateIndex, type StateIndex } from "../numbering.js";
import { explain } from "../stability/explain.js";
import { describeMove, moveText } from "../stability/describe.js";
import { analyze } from "../stability/analysis.js";
import { buildMoveIndex, movesFrom } from "../stability/moves.js";
import { oracleMoves } from "../stability/oracle.js";
import type { StateSpace } from "../statespace/space.js";
import { resolveTarget, targetStates } from "../mediation/targets.js";
import { stateWords } from "../mediation/words.js";
import { generateModel } from "./generate.js";
import { loadScenario, validateDocument } from "./load.js";

const TRANSIT = `
concord: 1
id: transit-valley
title: A transit road through a fictional valley
model:
  decisionMakers:
    - id: north
      name: North
      options:
        - id: transit
          label: Transit regime
          alternatives:
            - { id: none, label: none agreed }
            - { id: sovereign, label: under the crossed state's sovereignty }
            - { id: monitored, label: with third-party monitoring }
            - { id: extraterritorial, label: extraterritorial, oneWay: toY }
        - { id: sign, label: Sign the treaty }
      preferences: [sign, transit = sovereign | transit = monitored, -(transit = none)]
    - id: south
      name: South
      options:
        - { id: ratify, label: Ratify }
      preferences: [-(transit = extraterritorial), ratify IF sign]
  statusQuo: [transit = monitored]
`;

/** The same model written with yes/no options and a mutually exclusive group, as before alternatives existed. */
const TRANSIT_YES_NO = `
concord: 1
id: transit-valley
title: A transit road through a fictional valley
model:
  decisionMakers:
    - id: north
      name: North
      options:
        - { id: sovereign, label: "Transit regime: under the crossed state's sovereignty" }
        - { id: monitored, label: "Transit regime: with third-party monitoring" }
        - { id: extraterritorial, label: "Transit regime: extraterritorial", oneWay: toY }
        - { id: sign, label: Sign the treaty }
      preferences: [sign, sovereign | monitored, sovereign | monitored | extraterritorial]
    - id: south
      name: South
      options:
        - { id: ratify, label: Ratify }
      preferences: [-extraterritorial, ratify IF sign]
  feasibility:
    - mutuallyExclusive: [sovereign, monitored, extraterritorial]
  statusQuo: [monitored]
`;

const spaceOf = (text: string): StateSpace => value(loadScenario(text)).space!;
const text = (space: StateSpace, s: number): string => optionValues(space.model, (o) => space.taken(asStateIndex(s), o)).map(valueText).join(", ");

describe("options with alternatives", () => {
  it("compile to one yes/no option per alternative after the first, at most one taken, numbered as the equivalent exclusive options", () => {
    const space = spaceOf(TRANSIT);
    const plain = spaceOf(TRANSIT_YES_NO);
    expect(space.model.options.map((o) => o.id)).toEqual(["transit=sovereign", "transit=monitored", "transit=extraterritorial", "sign", "ratify"]);
    expect(space.model.options[2]!.oneWay).toBe("toY");
    // 4 alternatives × 2 × 2 states, in the same order and with the same preferences and equilibria as the yes/no version.
    expect(space.size).toBe(16);
    expect(Array.from({ length: 16 }, (_, s) => space.vector(asStateIndex(s)))).toEqual(Array.from({ length: 16 }, (_, s) => plain.vector(asStateIndex(s))));
    expect(space.statusQuo).toBe(plain.statusQuo);
    const a = analyze(space);
    const b = analyze(plain);
    expect(a.equilibria).toEqual(b.equilibria);
    expect(a.equilibria.gmr?.length).toBeGreaterThan(0);
  });

  it("names an alternative by its full label where one is given, else by the option's label and its own", () => {
    const full = spaceOf(TRANSIT.replace("{ id: monitored, label: with third-party monitoring }", "{ id: monitored, label: with third-party monitoring, fullLabel: North lets a third party monitor the road }"));
    expect(full.model.options.map((o) => o.label).slice(0, 3)).toEqual(["Transit regime: under the crossed state's sovereignty", "North lets a third party monitor the road", "Transit regime: extraterritorial"]);
    const words = (s: number): string[] => optionValues(full.model, (o) => full.taken(asStateIndex(s), o)).filter((v) => v.choice).map(valueWords);
    // States 2 and 3 (from 0: sovereign, monitored), nothing else taken.
    expect(words(1)).toEqual(["Transit regime: under the crossed state's sovereignty"]);
    expect(words(2)).toEqual(["North lets a third party monitor the road"]);
    // A move onto the alternative reads with its full label too.
    expect(describeMove(full, asDmIndex(0), asStateIndex(1), asStateIndex(2)).changes[0]!.label).toBe("North lets a third party monitor the road");
  });

  it("reads states as the alternative chosen", () => {
    const space = spaceOf(TRANSIT);
    expect(text(space, 0)).toBe("transit = none, -sign, -ratify");
    expect(text(space, 2)).toBe("transit = monitored, -sign, -ratify");
    expect(text(space, 15)).toBe("transit = extraterritorial, sign, ratify");
    expect(stateWords(space, asStateIndex(6)).words).toBe("North: Transit regime: with third-party monitoring, Sign the treaty; South: none of its options");
  });

  it("names alternatives in statements and patterns; the first alternative is none of the others", () => {
    const space = spaceOf(TRANSIT);
    const states = (pattern: string): number[] => targetStates(space, value(resolveTarget(space.model, pattern))).map((s) => s + 1);
    expect(states("transit = none & -sign & -ratify")).toEqual([1]);
    expect(states("transit = sovereign | transit = monitored").length).toBe(8);
    expect(states("-(transit = none) & sign & ratify")).toEqual([14, 15, 16]);
    expect(states("transit=extraterritorial & ratify & -sign")).toEqual([12]);
    const bad = resolveTarget(space.model, "transit = sovreign");
    expect(bad.ok ? "" : bad.problems[0]!.message).toContain('unknown alternative "sovreign" of "transit"; did you mean "sovereign"?');
  });

  it("describes a move between two alternatives as one change", () => {
    const space = spaceOf(TRANSIT);
    // State 2 (sovereign) → state 3 (monitored): two yes/no options flip, one option changes.
    const move = describeMove(space, asDmIndex(0), asStateIndex(1), asStateIndex(2));
    expect(move.changes).toEqual([
      {
        option: "transit",
        label: "Transit regime: with third-party monitoring",
        taken: true,
        alternatives: { label: "Transit regime", from: { id: "sovereign", label: "under the crossed state's sovereignty" }, to: { id: "monitored", label: "with third-party monitoring" } },
      },
    ]);
    expect(moveText(move)).toBe('North changes "Transit regime" from "under the crossed state\'s sovereignty" to "with third-party monitoring" (state 2 → 3)');
    const back = describeMove(space, asDmIndex(0), asStateIndex(2), asStateIndex(0));
    expect(moveText(back)).toBe('North changes "Transit regime" from "with third-party monitoring" to "none agreed" (state 3 → 1)');
    // North, at state 1 (nothing agreed), improves by signing with a sovereign or monitored regime: said as a change of regime.
    const why = explain(analyze(space), asStateIndex(0), asDmIndex(0), "nash");
    expect(why.text).toContain('changes "Transit regime" from "none agreed" to');
    expect(why.text).not.toContain('takes "Transit regime:');
  });

  it("keeps an alternative marked toY once chosen: no move leaves it", () => {
    const space = spaceOf(TRANSIT);
    const idx = buildMoveIndex(space);
    // State 4: extraterritorial, not signed. North may sign, but not change the transit regime.
    expect(movesFrom(idx, 0, 3).map((t) => text(space, t))).toEqual(["transit = extraterritorial, sign, -ratify"]);
  });
});

/** Every option's value per state of a compiled model, read through the one helper. */
const valuesOf = (space: StateSpace, s: number): OptionValue[] => optionValues(space.model, (o) => space.taken(asStateIndex(s), o));

/**
 * R_i(s) written straight from the definition over options with alternatives: the
 * states that differ from s only in i's options, where a yes/no option respects its
 * direction, and an option with alternatives may not leave an alternative marked toY
 * (once chosen, it stays) nor enter one marked toN (once left, never again).
 */
function directMoves(values: readonly OptionValue[][], doc: ReturnType<typeof generateModel>, i: number, s: number): number[] {
  const written = doc.model!.decisionMakers.flatMap((dm) => dm.options);
  const from = values[s]!;
  const out: number[] = [];
  for (let t = 0; t < values.length; t++) {
    if (t === s) continue;
    const to = values[t]!;
    const legal = from.every((a, k) => {
      const b = to[k]!;
      if (a.value === b.value) return true;
      if (a.dm !== i) return false;
      const o = written.find((x) => x.id === a.id)!;
      if (o.alternatives === undefined) return !(o.oneWay === "toY" && a.taken) && !(o.oneWay === "toN" && !a.taken);
      const dir = (id: string): string | undefined => o.alternatives!.find((x) => x.id === id)!.oneWay;
      return dir(a.value) !== "toY" && dir(b.value) !== "toN";
    });
    if (legal) out.push(t);
  }
  return out;
}

describe("options with alternatives (random models)", () => {
  it("compile to yes/no options whose moves are exactly the moves of the direct definition, engine and oracle alike", () => {
    fc.assert(
      fc.property(
        // At most 4 options of up to 4 alternatives: up to 256 states, small enough for the quadratic definition.
        fc.record({ dms: fc.integer({ min: 1, max: 3 }), options: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 3, maxLength: 3 }), seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }) }),
        (p) => {
          const counts = p.options.slice(0, p.dms).map((n, d) => (d === 2 ? 1 : n));
          const doc = generateModel({ decisionMakers: p.dms, options: counts, statements: 3, oneWay: 0.4, alternatives: 0.5, seed: p.seed });
          const r = validateDocument(doc);
          if (!r.ok) throw new Error(r.problems.map((x) => x.message).join("\n"));
          const space = r.value.space!;
          // With no written conditions, the states are every combination of values, each once.
          const combos = doc.model!.decisionMakers.flatMap((dm) => dm.options).reduce((n, o) => n * (o.alternatives?.length ?? 2), 1);
          expect(space.size).toBe(combos);
          expect(new Set(Array.from({ length: space.size }, (_, s) => valuesOf(space, s).map(valueText).join()))).toHaveProperty("size", combos);
          const idx = buildMoveIndex(space);
          const values = Array.from({ length: space.size }, (_, s) => valuesOf(space, s));
          for (let i = 0; i < p.dms; i++) {
            for (let s = 0; s < space.size; s++) {
              const direct = directMoves(values, doc, i, s);
              expect(oracleMoves(space, i, s)).toEqual(direct);
              expect(movesFrom(idx, i, s)).toEqual(direct);
            }
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("evaluate `option = alternative` statements as the alternative chosen", () => {
    for (let seed = 1; seed <= 40; seed++) {
      const doc = generateModel({ decisionMakers: 2, options: [2, 2], statements: 4, alternatives: 0.6, seed });
      const space = value(validateDocument(doc)).space!;
      for (const dm of space.model.decisionMakers) {
        if (dm.preference.kind !== "priorities") continue;
        for (const st of dm.preference.statements) {
          for (let s = 0; s < space.size; s++) {
            const values = new Map(valuesOf(space, s).map((v) => [v.id, v]));
            // The statement's text, read directly: `x = a` by the value chosen, `x` by Y.
            const direct = directTruth(st.text, (id, alt) => (alt === undefined ? values.get(id)!.taken : values.get(id)!.value === alt));
            expect(evaluate(st.expr, (o) => space.taken(asStateIndex(s) as StateIndex, o))).toBe(direct);
          }
        }
      }
    }
  });
});

/** A tiny direct reader of the generator's statement shapes: literals, &, |, IF and one level of brackets. */
function directTruth(text: string, atom: (id: string, alt?: string) => boolean): boolean {
  const lit = (x: string): boolean => {
    const t = x.trim();
    if (t.startsWith("-(")) return !lit(t.slice(2, -1));
    if (t.startsWith("-")) return !lit(t.slice(1));
    if (t.startsWith("(")) return or(t.slice(1, -1));
    const [id, alt] = t.split("=").map((y) => y.trim());
    return atom(id!, alt);
  };
  const and = (x: string): boolean => x.split(" & ").every(lit);
  const or = (x: string): boolean => x.split(" | ").some(and);
  if (text.includes(" IF ")) {
    const [then, cond] = text.split(" IF ");
    return !lit(cond!) || lit(then!);
  }
  // `(a | b) & c`: split on the bracket first.
  const m = /^\((.*)\) & (.*)$/.exec(text);
  if (m) return or(m[1]!) && lit(m[2]!);
  return or(text);
}
