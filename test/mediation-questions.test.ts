/**
 * The three questions of issue 10, asked as a new user would ask them, on the command
 * line and in the report. These tests check the answers' structure — present, in plain
 * words first, resting on named priorities with their sources, estimates named — not
 * exact states or options. The seed itself (six decision makers, 18,432 states) is
 * asked the coalition question; stabilization and sensitivity take minutes on it on a
 * loaded machine, so they and the report are asked of the seed's earlier four-decision-
 * maker model with the same record (test/fixtures/armenia-azerbaijan-2023-estimates.yaml).
 * The pinned answers are in packages/cli/src/commands/mediation.test.ts (fictional and
 * classic models) and test/mediation-seed.test.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { reportData } from "@concord/app";
import { loadScenario } from "@concord/core";
import { concord, concordJson, ROOT } from "./fixtures/concord.js";

const SEED = "scenarios/armenia-azerbaijan-2023.yaml";
/** Armenia with the United States and the European Union. */
const WEST = "Armenia+US+EU";
const MARKED = "test/fixtures/armenia-azerbaijan-2023-estimates.yaml";
/** What a mediator reads first carries no state numbers and no solution-concept names. */
const SPECIALIST = /\bstates? \d|\bNash\b|\bGMR\b|\bSMR\b|\bSEQ\b|equilibri/;

const json = (args: string[]): Promise<ReturnType<typeof JSON.parse>> => concordJson(args);

/** The seed's named bilateral treaty (by its label), else its first named target. */
function bilateralTarget(file: string): string {
  const r = loadScenario(readFileSync(join(ROOT, file), "utf8"), { file });
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  const targets = r.value.space!.model.targets ?? [];
  const t = targets.find((x) => /direct|bilateral/i.test(`${x.id} ${x.label}`)) ?? targets[0];
  if (!t) throw new Error("the seed names no target");
  return t.id;
}

interface Answer {
  question: string;
  answer: string[];
  grounds: { dm: string; position: number; estimate: boolean; evidence: unknown[] }[];
  sources: { id: string; citation: string }[];
}

/** An answer in plain words whose every priority is sourced from the record. */
function expectSourcedAnswer(a: Answer): void {
  expect(a.answer.length).toBeGreaterThan(0);
  expect(a.answer.join(" ")).not.toMatch(SPECIALIST);
  expect(a.grounds.length).toBeGreaterThan(0);
  expect(a.sources.length).toBeGreaterThan(0);
  for (const s of a.sources) expect(s.citation).toMatch(/\(.*\d{4}/);
}

describe("what would make a bilateral treaty stable and reachable, and who would have to change what?", () => {
  const target = bilateralTarget(MARKED);

  it("gets a sourced answer in plain words that names who would have to change", async () => {
    const j = await json(["stabilize", MARKED, "--target", target, "--max-size", "1"]);
    expectSourcedAnswer(j.answer);
    expect(j.answer.answer.join(" ")).toMatch(/Who would have to change: |Nothing needs to change|No change the search tried/);
    const r = await concord(["stabilize", MARKED, "--target", target, "--max-size", "1", "--no-third-party"]);
    expect(r.out.split("\n\n").slice(0, 2).join("\n")).not.toMatch(SPECIALIST);
    expect(r.out).toMatch(/\nWhat this rests on:\n/);
    expect(r.out).toMatch(/\nSources:\n {2}\[1\] /);
  });
});

describe("which of the answers rest on the modeller's estimates?", () => {
  it("with the seed's estimates marked: each answer names the estimates it rests on, sourced", async () => {
    const j = await json(["sensitivity", MARKED, "--no-pairs"]);
    expectSourcedAnswer(j.answer);
    expect(j.answer.grounds.every((g: { estimate: boolean }) => g.estimate)).toBe(true);
    const reach = j.questions.find((q: { question: string }) => q.question.startsWith("whether the conflict can get to a bilateral treaty"));
    expect(reach.alone).toHaveLength(1);
    expect(reach.alone[0]).toMatch(/^Azerbaijan's priority 3, /);
    expect(j.answer.answer.join(" ")).toContain(`rests on one estimate: ${reach.alone[0]}`);
  });
});

describe("can Armenia and the West together move the status quo?", () => {
  it("gets a yes or no in plain words, with the reason and its sources", async () => {
    // The model has the United States and the European Union as decision makers: "the West" is the two together.
    const j = await json(["coalitions", SEED, "--partition", WEST]);
    expect(j.answers).toHaveLength(1);
    const a = j.answers[0];
    expect(a.question).toMatch(/^Can Armenia, .+ and .+ together move the status quo\?$/);
    expect(a.answer[0]).toMatch(/^(Yes|No)\. /);
    expectSourcedAnswer(a);
    expect(j.together[0].members).toHaveLength(3);
  }, 180_000);
});

describe("the same three questions in the report (concord report --mediation --together Armenia+West)", () => {
  it("are answered in the report's mediation section, each resting on cited priorities", async () => {
    const text = readFileSync(join(ROOT, MARKED), "utf8");
    const r = await reportData({ text, file: MARKED }, { mediation: { robustness: 0, together: "Armenia+West" } });
    if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
    const m = r.value.mediation!;
    const answer = (id: string) => m.answers.find((a) => a.id === id);
    // What would make a bilateral treaty stable and reachable?
    const treaty = answer(`target-${bilateralTarget(MARKED)}`)!;
    expect(treaty.answer.join(" ")).not.toMatch(SPECIALIST);
    expect(treaty.rests.length).toBeGreaterThan(0);
    expect(treaty.rests.some((p) => p.cites.length > 0)).toBe(true);
    // Can Armenia and the West together move the status quo?
    const together = m.answers.find((a) => /^Can Armenia and .+ together move the status quo\?$/.test(a.question))!;
    expect(together.answer[0]).toMatch(/^(Yes|No)\. /);
    expect(together.rests.every((p) => p.cites.length > 0)).toBe(true);
    // Which answers rest on estimates: named, each linked to the model and cited.
    expect(answer("estimates")!.rests.every((p) => p.estimate && p.cites.length > 0)).toBe(true);
    expect(m.estimates.length).toBeGreaterThan(0);
  }, 120_000);
});
