import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { asStateIndex } from "../numbering.js";
import { analyze } from "./analysis.js";
import { Oracle } from "./oracle.js";
import { pathTo, statusQuoAnalysis, statusQuoReach } from "./status-quo.js";

describe("status quo analysis", () => {
  it("reaches exactly the states a chain of unilateral improvements reaches, by shortest legal paths", () => {
    for (let seed = 1; seed <= 80; seed++) {
      const r = validateDocument(generateModel({ decisionMakers: 3, options: 2, statements: 3, conditions: seed % 3, oneWay: 0.2, seed }));
      if (!r.ok) continue;
      const space = r.value.space!;
      const a = analyze(space);
      const P = a.payoffs.map((p) => p.payoff);
      const oracle = new Oracle(space, P);
      for (const by of ["improvements", "moves"] as const) {
        const sq = value(statusQuoAnalysis(a, by, asStateIndex(0)));
        const reach = value(statusQuoReach(a, by, asStateIndex(0)));
        // Closure by the definition: repeat until nothing new.
        const seen = new Set([0]);
        for (let grew = true; grew; ) {
          grew = false;
          for (const u of [...seen]) for (let k = 0; k < P.length; k++) for (const w of oracle.R(k, u)) {
            if (by === "improvements" && P[k]![w]! <= P[k]![u]!) continue;
            if (!seen.has(w)) { seen.add(w); grew = true; }
          }
        }
        expect(new Set(sq.reachable.map((x) => x.state - 1))).toEqual(seen);
        const equilibriumPaths = new Map(a.concepts.flatMap((c) => sq.equilibria[c]!.map((x) => [x.state, x.path] as const)));
        for (const x of sq.reachable) {
          const path = pathTo(space, reach, asStateIndex(x.state - 1));
          expect(path.length).toBe(x.distance);
          if (equilibriumPaths.has(x.state)) expect(equilibriumPaths.get(x.state)).toEqual(path);
          let at = 0;
          for (const step of path) {
            const k = space.model.decisionMakers.findIndex((d) => d.name === step.by);
            expect(step.from - 1).toBe(at);
            expect(oracle.R(k, at)).toContain(step.to - 1);
            if (by === "improvements") expect(P[k]![step.to - 1]!).toBeGreaterThan(P[k]![at]!);
            at = step.to - 1;
          }
          expect(at).toBe(x.state - 1);
        }
        // Plain data: a JSON round trip changes nothing.
        expect(JSON.parse(JSON.stringify(sq))).toStrictEqual(sq);
        for (const c of a.concepts) {
          const got = [...sq.equilibria[c]!.map((x) => x.state), ...sq.unreachable[c]!].sort((x, y) => x - y);
          expect(got).toEqual(a.equilibria[c]!.map((s) => s + 1));
        }
      }
    }
  });
});
