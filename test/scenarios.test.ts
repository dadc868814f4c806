/**
 * The shipped scenarios and the result files that refer to them:
 * - every file under scenarios/ is a valid scenario (as `concord validate` would say);
 * - every result file in test/published/ and test/independent/ names states that exist
 *   in its scenario, with the Y/N vectors it claims, so the numbers mean what the
 *   file's "numbering" note says they mean;
 * - the Elmira scenario ranks the states as its source does, through the publication →
 *   Concord state mapping given in the scenario's description.
 */
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { computePayoffs, formatProblem, loadScenario, parseYn, rankOf, stateIndexOf, type StateNumber, type StateSpace } from "@concord/core";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const CONCEPTS = ["nash", "gmr", "smr", "seq"] as const;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]))
    .sort();
}

function loadSpace(file: string): StateSpace {
  const r = loadScenario(readFileSync(file, "utf8"), { file: relative(ROOT, file) });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  if (!r.value.space) throw new Error(`${file}: the scenario has no model`);
  return r.value.space;
}

describe("scenarios/", () => {
  const files = filesUnder(join(ROOT, "scenarios"));

  it("holds the classic cases", () => {
    const names = files.map((f) => relative(join(ROOT, "scenarios"), f));
    for (const name of ["prisoners-dilemma.yaml", "chicken.yaml", "elmira.yaml", "cuban-missile-crisis.yaml", "garrison.yaml"]) {
      expect(names).toContain(name);
    }
  });

  for (const file of files) {
    it(`${relative(ROOT, file)} is a valid scenario`, () => {
      const r = loadScenario(readFileSync(file, "utf8"), { file: relative(ROOT, file) });
      // Show the problems themselves when it fails, not just "false".
      expect(r.ok ? [] : r.problems.map(formatProblem)).toEqual([]);
    });
  }
});

/** The parts of a result file this test relies on. */
interface ResultFile {
  scenario: string;
  numbering: string;
  states: Record<string, string>;
  results: Record<string, unknown>;
}

/** Every state number a result file's "results" mentions, with where it is mentioned. */
function mentionedStates(results: Record<string, unknown>, decisionMakers: readonly string[]): { where: string; state: number }[] {
  const out: { where: string; state: number }[] = [];
  const take = (where: string, list: unknown): void => {
    expect(Array.isArray(list), `${where} should be a list of state numbers`).toBe(true);
    for (const s of list as unknown[]) {
      expect(Number.isInteger(s), `${where} holds ${JSON.stringify(s)}; expected state numbers`).toBe(true);
      out.push({ where, state: s as number });
    }
  };
  for (const [key, value] of Object.entries(results)) {
    if (key === "equilibria") {
      for (const [concept, list] of Object.entries(value as Record<string, unknown>)) {
        expect(CONCEPTS, `results.equilibria.${concept}`).toContain(concept);
        take(`results.equilibria.${concept}`, list);
      }
    } else {
      expect(CONCEPTS, `results.${key}`).toContain(key);
      for (const [dm, list] of Object.entries(value as Record<string, unknown>)) {
        expect(decisionMakers, `results.${key}: unknown decision maker "${dm}"`).toContain(dm);
        take(`results.${key}.${dm}`, list);
      }
    }
  }
  return out;
}

describe("result files (test/published, test/independent)", () => {
  const files = ["published", "independent"].flatMap((d) => filesUnder(join(ROOT, "test", d)).filter((f) => f.endsWith(".json")));

  it("include published results for at least the two 2x2 games", () => {
    const names = files.map((f) => relative(join(ROOT, "test"), f));
    expect(names).toContain(join("published", "prisoners-dilemma.json"));
    expect(names).toContain(join("published", "chicken.json"));
  });

  for (const file of files) {
    it(`${relative(ROOT, file)}: its states exist in its scenario with the vectors it gives`, () => {
      const data = JSON.parse(readFileSync(file, "utf8")) as ResultFile;
      expect(typeof data.numbering).toBe("string");
      const space = loadSpace(join(ROOT, data.scenario));
      const dmNames = space.model.decisionMakers.map((d) => d.name);

      for (const [num, yn] of Object.entries(data.states)) {
        const s = Number(num);
        expect(Number.isInteger(s) && s >= 1 && s <= space.size, `state ${num} should be 1..${space.size}`).toBe(true);
        expect(space.yn(stateIndexOf(s as StateNumber)), `state ${num}`).toBe(yn);
      }
      const mentioned = mentionedStates(data.results, dmNames);
      expect(mentioned.length).toBeGreaterThan(0);
      for (const { where, state } of mentioned) {
        expect(Object.keys(data.states), `${where} mentions state ${state}, which "states" does not describe`).toContain(String(state));
      }
    });
  }
});

describe("elmira.yaml against its source's rankings", () => {
  // Publication state → Concord state(s), as the scenario's description gives it.
  const pubToConcord: Record<number, number[]> = { 1: [1], 2: [2], 3: [3], 4: [4], 5: [7], 6: [8], 7: [9], 8: [10], 9: [5, 6, 11, 12] };
  // Payoffs of publication states 1..9 (higher is better), quoted in the scenario's evidence.
  const payoffs: Record<string, number[]> = {
    MoE: [4, 3, 8, 7, 5, 2, 9, 6, 1],
    Uniroyal: [9, 2, 4, 8, 6, 1, 3, 7, 5],
    "Local Government": [6, 2, 8, 3, 7, 4, 9, 5, 1],
  };
  const space = loadSpace(join(ROOT, "scenarios", "elmira.yaml"));

  it("numbers the states as the description says", () => {
    const pubVectors = ["NYNNN", "YYNNN", "NNYNN", "YNYNN", "NYNNY", "YYNNY", "NNYNY", "YNYNY"];
    pubVectors.forEach((yn, i) => expect(space.indexOf(parseYn(yn))! + 1, `publication state ${i + 1}`).toBe(pubToConcord[i + 1]![0]));
    for (const s of pubToConcord[9]!) expect(space.yn(stateIndexOf(s as StateNumber))[3], `state ${s} is an abandon state`).toBe("Y");
    expect(space.size).toBe(12);
    expect(space.statusQuo).toBe(0);
  });

  for (const [name, pay] of Object.entries(payoffs)) {
    it(`ranks ${name}'s states in the source's order`, () => {
      const d = space.model.decisionMakers.findIndex((dm) => dm.name === name);
      const p = computePayoffs(space, space.model.decisionMakers[d]!);
      // Rank 1 goes to the highest payoff; the four abandon states share one rank.
      for (let pub = 1; pub <= 9; pub++) {
        const expected = 10 - pay[pub - 1]!;
        for (const s of pubToConcord[pub]!) expect(rankOf(p, stateIndexOf(s as StateNumber)), `publication state ${pub} = Concord state ${s}`).toBe(expected);
      }
    });
  }
});
