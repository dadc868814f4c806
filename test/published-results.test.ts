/**
 * Stability results we did not compute ourselves, against Concord's engine:
 * - test/published/: results stated in publications (each file cites its sources);
 *   every concept a file gives must match exactly.
 * - test/independent/: results of another tool (gmcr-py). gmcr-py lets each opponent
 *   sanction with a single move of its own; the published definitions (and Concord)
 *   let the opponents respond with any legal sequence of moves. With two decision
 *   makers the two coincide, so every concept must match. With more, Nash must
 *   match, Concord's GMR/SMR/SEQ equilibria must include gmcr-py's (more sanctions
 *   can only add stability), and the one-move reading, applied by the oracle to our
 *   scenario file, must reproduce gmcr-py's sets exactly — which checks that the
 *   scenario transcribes the model and the numbering faithfully.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { analyze, BASIC_CONCEPTS, loadScenario, type Analysis, type BasicConcept } from "@concord/core";
import { Oracle } from "@concord/core/oracles";

const ROOT = resolve(import.meta.dirname, "..");

interface ResultFile {
  scenario: string;
  results: {
    equilibria?: Partial<Record<BasicConcept, number[]>>;
    stability?: Partial<Record<BasicConcept, Record<string, number[]>>>;
  };
}

function analysisOf(file: ResultFile): Analysis {
  const path = join(ROOT, file.scenario);
  const r = loadScenario(readFileSync(path, "utf8"), { file: path });
  if (!r.ok) throw new Error(`${file.scenario} does not load`);
  return analyze(r.value.space!);
}

const eq = (a: Analysis, c: BasicConcept): number[] => a.equilibria[c]!.map((s) => s + 1);
const stableFor = (a: Analysis, c: BasicConcept, dm: string): number[] => {
  const d = a.space.model.decisionMakers.findIndex((x) => x.name === dm);
  expect(d, `decision maker ${dm}`).toBeGreaterThanOrEqual(0);
  return Array.from(a.stable[c]![d]!).flatMap((f, s) => (f === 1 ? [s + 1] : []));
};

function files(dir: string): [string, ResultFile][] {
  return readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(ROOT, dir, f), "utf8")) as ResultFile]);
}

describe("published stability results", () => {
  const published = files("test/published");
  it("has result files", () => expect(published.length).toBeGreaterThanOrEqual(2));
  for (const [name, file] of published) {
    it(`${name}: Concord gives the published results`, () => {
      const a = analysisOf(file);
      let compared = 0;
      for (const [c, states] of Object.entries(file.results.equilibria ?? {}) as [BasicConcept, number[]][]) {
        expect(eq(a, c), `${c} equilibria`).toEqual([...states].sort((x, y) => x - y));
        compared++;
      }
      for (const [c, perDm] of Object.entries(file.results.stability ?? {}) as [BasicConcept, Record<string, number[]>][]) {
        for (const [dm, states] of Object.entries(perDm)) expect(stableFor(a, c, dm), `${c} for ${dm}`).toEqual([...states].sort((x, y) => x - y));
        compared++;
      }
      expect(compared).toBeGreaterThan(0);
    });
  }
});

describe("another tool's results (gmcr-py)", () => {
  for (const [name, file] of files("test/independent")) {
    it(`${name}: agrees where the definitions agree`, () => {
      const a = analysisOf(file);
      const dms = a.space.model.decisionMakers.length;
      const P = a.payoffs.map((p) => p.payoff);
      const oracle = new Oracle(a.space, P);
      // gmcr-py's reading: each sanction is one move by one opponent (for SEQ, an improvement for it).
      const oneMove = (c: BasicConcept, i: number, s: number): boolean => {
        const better = oracle.R(i, s).filter((t) => P[i]![t]! > P[i]![s]!);
        if (c === "nash") return better.length === 0;
        const others = P.map((_, k) => k).filter((k) => k !== i);
        return better.every((t) =>
          others.some((k) =>
            oracle.R(k, t).some((u) => {
              if (c === "seq" && P[k]![u]! <= P[k]![t]!) return false;
              if (P[i]![u]! > P[i]![s]!) return false;
              return c !== "smr" || oracle.R(i, u).every((w) => P[i]![w]! <= P[i]![s]!);
            }),
          ),
        );
      };
      for (const [c, states] of Object.entries(file.results.equilibria ?? {}) as [BasicConcept, number[]][]) {
        const theirs = [...states].sort((x, y) => x - y);
        const byOneMove = Array.from({ length: a.space.size }, (_, s) => s).filter((s) => P.every((_, i) => oneMove(c, i, s))).map((s) => s + 1);
        expect(byOneMove, `${c}: one-move reading of our file`).toEqual(theirs);
        if (dms === 2 || c === "nash") expect(eq(a, c), `${c} equilibria`).toEqual(theirs);
        else expect(eq(a, c), `${c} equilibria include gmcr-py's`).toEqual(expect.arrayContaining(theirs));
      }
    });
  }
});

describe("textbook results of the graph model", () => {
  // Fang, Hipel & Kilgour (1993) and Kilgour & Hipel (2005) discuss these 2×2 games in graph form:
  // in the Prisoner's Dilemma mutual cooperation is GMR, SMR and SEQ stable (each defection is
  // deterred by the other's defection) but not Nash; in Chicken mutual swerving is GMR and SMR
  // stable (a swerve-away is deterred by the crash) but not SEQ (crashing is no improvement).
  it("Prisoner's Dilemma and Chicken", () => {
    const load = (f: string): Analysis => analysisOf({ scenario: f, results: {} });
    const pd = load("scenarios/prisoners-dilemma.yaml");
    expect(BASIC_CONCEPTS.map((c) => eq(pd, c))).toEqual([[1], [1, 4], [1, 4], [1, 4]]);
    const chicken = load("scenarios/chicken.yaml");
    // State 4 = both swerve (YY), 2 and 3 = one swerves.
    expect(BASIC_CONCEPTS.map((c) => eq(chicken, c))).toEqual([[2, 3], [2, 3, 4], [2, 3, 4], [2, 3]]);
  });
});
