import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { generateModel } from "../scenario/generate.js";
import type { MoveDescription } from "../stability/describe.js";
import { validateDocument } from "../scenario/load.js";
import { analyze, type Analysis } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";
import { coalitionsOf, type Coalition } from "./coalitions.js";
import { explainCoalition } from "./explain.js";
import { CoalitionOracle } from "./oracle.js";
import { otherDecisionMakers } from "./stability.js";
import { coalitionStatusQuo } from "./status-quo.js";
import { asDmIndex, asStateIndex } from "../numbering.js";

function models(count: number): Analysis[] {
  const out: Analysis[] = [];
  for (let seed = 1; out.length < count && seed < 10 * count; seed++) {
    const r = validateDocument(generateModel({ decisionMakers: 3, options: [2, 1, 2], statements: 3, conditions: seed % 3, oneWay: 0.2, seed }));
    if (r.ok) out.push(analyze(r.value.space!));
  }
  return out;
}

/** Follows a move list from `from`, checking each is a legal move of its mover, that no one moves twice in a row, and that movers are among `who`; returns the end. */
function follow(a: Analysis, o: Oracle, moves: readonly MoveDescription[], from: number, who: Coalition, improving = false): number {
  let at = from;
  let last = -1;
  for (const mv of moves) {
    const k = a.space.model.decisionMakers.findIndex((d) => d.name === mv.by);
    expect(who).toContain(k);
    expect(k).not.toBe(last);
    expect(mv.from - 1).toBe(at);
    expect(o.R(k, at)).toContain(mv.to - 1);
    if (improving) expect(o.P[k]![mv.to - 1]!).toBeGreaterThan(o.P[k]![at]!);
    at = mv.to - 1;
    last = k;
  }
  return at;
}

describe("coalition explanations", () => {
  it("show legal joint moves every member gains from, and sanctions that leave a member no better off", () => {
    let deterred = 0;
    let undeterred = 0;
    for (const a of models(10)) {
      const o = new Oracle(a.space, a.payoffs.map((p) => p.payoff));
      const co = new CoalitionOracle(o);
      const D = a.index.dmCount;
      for (const H of coalitionsOf(D)) {
        const others = otherDecisionMakers(D, H);
        for (let s = 0; s < a.space.size; s++) {
          for (const c of BASIC_CONCEPTS) {
            const x = explainCoalition(a, H, asStateIndex(s), c, { limit: 3 });
            expect(x.stable).toBe(co.stable(H, s, c, others.map((d) => [d])));
            expect(x.total).toBe(co.improvements(H, s).length);
            for (const imp of x.improvements) {
              expect(follow(a, o, imp.steps, s, H)).toBe(imp.to - 1);
              for (const g of imp.gains) expect(g.rankAfter).toBeLessThan(g.rankBefore);
              if (imp.deterred) {
                deterred++;
                const end = follow(a, o, imp.sanction!, imp.to - 1, others, c === "seq");
                expect(end).toBe(imp.endsAt! - 1);
                expect(imp.hurt!.length).toBeGreaterThan(0);
                for (const name of imp.hurt!) {
                  const d = a.space.model.decisionMakers.findIndex((m) => m.name === name);
                  expect(o.P[d]![end]!).toBeLessThanOrEqual(o.P[d]![s]!);
                }
                if (c === "smr") expect(co.improvements(H, end).every((t) => !co.gains(H, s, t))).toBe(true);
              } else if (c !== "nash") undeterred++;
            }
            // An unstable state shows an improvement nobody can deter first.
            if (!x.stable && c !== "nash") expect(x.improvements[0]!.deterred).toBe(false);
          }
        }
      }
    }
    expect(deterred).toBeGreaterThan(50);
    expect(undeterred).toBeGreaterThan(50);
  });
});

describe("status quo analysis with coalitions", () => {
  it("reaches exactly the closure of unilateral and joint improvements, by legal shortest paths", () => {
    let opened = 0;
    for (const a of models(25)) {
      const o = new Oracle(a.space, a.payoffs.map((p) => p.payoff));
      const co = new CoalitionOracle(o);
      const P = o.P;
      const D = a.index.dmCount;
      for (const coalitions of [[] as Coalition[], [[0, 1].map(asDmIndex)], coalitionsOf(D)]) {
        const r = value(coalitionStatusQuo(a, coalitions, asStateIndex(0)));
        const closure = (withCoalitions: boolean): Set<number> => {
          const seen = new Set([0]);
          for (let grew = true; grew; ) {
            grew = false;
            for (const u of [...seen]) {
              const next = Array.from({ length: D }, (_, k) => o.R(k, u).filter((w) => P[k]![w]! > P[k]![u]!)).flat();
              if (withCoalitions) for (const H of coalitions) next.push(...co.improvements(H, u));
              for (const w of next) if (!seen.has(w)) { seen.add(w); grew = true; }
            }
          }
          return seen;
        };
        const all = closure(true);
        const alone = closure(false);
        expect(new Set(r.reachable.map((x) => x.state - 1))).toEqual(all);
        for (const x of r.reachable) {
          expect(x.reachableAlone).toBe(alone.has(x.state - 1));
          if (!x.reachableAlone) opened++;
          expect(x.path.length).toBe(x.distance);
          let at = 0;
          for (const st of x.path) {
            const who = st.by.map((n) => asDmIndex(a.space.model.decisionMakers.findIndex((d) => d.name === n)));
            expect(st.from - 1).toBe(at);
            expect(follow(a, o, st.moves, at, who, who.length === 1)).toBe(st.to - 1);
            for (const d of who) expect(P[d]![st.to - 1]!).toBeGreaterThan(P[d]![at]!);
            at = st.to - 1;
          }
          expect(at).toBe(x.state - 1);
        }
        for (const c of a.concepts) {
          expect(r.equilibria[c]!.map((x) => x.state - 1).sort((p, q) => p - q)).toEqual(a.equilibria[c]!.filter((s) => all.has(s)));
          expect(r.onlyWithCoalitions[c]).toEqual(a.equilibria[c]!.filter((s) => all.has(s) && !alone.has(s)).map((s) => s + 1));
        }
      }
    }
    expect(opened).toBeGreaterThan(10);
  });
});
