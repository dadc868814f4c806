import { describe, expect, it } from "vitest";
import { value } from "../../../../test/fixtures/result.js";
import { generateModel } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import { analyze } from "../stability/analysis.js";
import { Oracle } from "../stability/oracle.js";
import { coalitionsOf } from "./coalitions.js";
import { CoalitionOracle } from "./oracle.js";
import { jointMoveReport } from "./question.js";
import { asDmIndex, asStateIndex } from "../numbering.js";

describe("can a coalition move a state?", () => {
  it("counts what the members reach and prefer, and answers yes exactly when a joint improvement exists", () => {
    let yes = 0;
    let no = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const v = validateDocument(generateModel({ decisionMakers: 3, options: 2, statements: 3, conditions: seed % 2, oneWay: 0.2, seed }));
      if (!v.ok) continue;
      const a = analyze(v.value.space!);
      const o = new Oracle(a.space, a.payoffs.map((p) => p.payoff));
      const co = new CoalitionOracle(o);
      for (const H of coalitionsOf(3)) {
        const s = seed % a.space.size;
        const r = value(jointMoveReport(a, H, asStateIndex(s)));
        const reach = o.reach(H, s, false).filter((t) => t !== s);
        expect(r.reachable).toBe(reach.length);
        H.forEach((d, j) => expect(r.preferredBy[j]!.states).toBe(reach.filter((t) => o.P[d]![t]! > o.P[d]![s]!).length));
        expect([...r.jointImprovements].sort((x, y) => x - y)).toEqual(co.improvements(H, s).map((t) => t + 1));
        expect(r.answer.startsWith(r.jointImprovements.length > 0 ? "Yes." : "No.")).toBe(true);
        for (const c of a.concepts) expect(r.stability[c]!.stable).toBe(co.stable(H, s, c, [0, 1, 2].map(asDmIndex).filter((d) => !H.includes(d)).map((d) => [d])));
        if (r.jointImprovements.length > 0) yes++;
        else no++;
      }
    }
    expect(yes).toBeGreaterThan(10);
    expect(no).toBeGreaterThan(10);
  });
});
