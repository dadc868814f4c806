// The three mediator's questions of issue 10, asked of the real seed scenario (six decision
// makers, 18,432 states) as a new user would, in this process: each answer in plain words,
// with the priorities it rests on and their sources. Pinned on what the seed as of
// 7 December 2023 gives; a wrong search, sensitivity or coalition analysis gets these wrong.
import { describe, expect, it } from "vitest";
import { concord as run, concordJson, type Run } from "../../../../test/fixtures/concord.js";

const SEED = "scenarios/armenia-azerbaijan-2023.yaml";
const concord = (...args: string[]): Promise<Run> => run(args);
const json = (...args: string[]): Promise<ReturnType<typeof JSON.parse>> => concordJson(args);
const URL_LINE = /^ {2}\[1\] .+ https?:\/\/\S+$/m;

describe("on the seed: what would make a bilateral treaty stable and reachable, and who would have to change what?", () => {
  it("finds the blocked step, the smallest changes and who makes them, with sources", { timeout: 300_000 }, async () => {
    const j = await json("stabilize", SEED, "--target", "treaty-direct");
    const d = j.detail;
    // Not reachable today: on the way with the fewest refusals only Azerbaijan refuses, because of its priority 3 (an estimate).
    expect(d.reach.reachable).toBe(false);
    const refusals = d.reach.blocked.steps.filter((s: { improvement: boolean }) => !s.improvement);
    expect(refusals.map((s: { move: { by: string } }) => s.move.by)).toEqual(["Azerbaijan"]);
    expect(refusals[0].decision.statement).toMatchObject({ dm: "Azerbaijan", position: 3, estimate: true });
    // Once there it can hold (one Nash equilibrium among the bilateral treaties).
    expect(d.equilibria.nash).toEqual([2795]);
    // The search is exact over single changes; one suffices, so pairs are not needed.
    expect(d.changes.goalMet).toBe(true);
    expect(d.changes.total).toBe(21);
    expect(d.changes.coverage.single).toMatchObject({ distinct: 1696, analysed: 16, thirdPartyOptions: 580, thirdPartyAnalysed: 15, exhaustive: true });
    expect(d.changes.changes[0].parts[0].change).toEqual({ kind: "move", dm: "Azerbaijan", from: 11, to: 3 });
    expect(d.changes.changes[0].revisesEstimate).toBe(true);
    // The plain answer (what the text output prints first), with the priorities and sources it rests on.
    const words = j.answer.answer.join(" ");
    expect(words).toContain("Who would have to change: Azerbaijan. The first change revises a modeller's estimate, not a stated position.");
    expect(words).toContain("Azerbaijan would rather not take “Azerbaijan signs the peace treaty bilaterally, without mediators”");
    expect(j.answer.grounds[0]).toMatchObject({ dm: "Azerbaijan", position: 3, estimate: true });
    expect(j.answer.sources.length).toBeGreaterThan(0);
    expect(j.answer.sources.every((x: { address?: string }) => x.address?.startsWith("http"))).toBe(true);
  });
});

describe("on the seed: which of the answers rest on the modeller's estimates?", () => {
  it("tries every single and pairwise flip and names the estimates each answer rests on, with sources", { timeout: 300_000 }, async () => {
    const j = await json("sensitivity", SEED);
    expect(j.detail.coverage).toEqual({ singles: 40, pairs: 761, notApplicable: 0, exhaustive: true });
    const q = (question: string): { alone: string[]; inPairs: string[] } => j.questions.find((x: { question: string }) => x.question === question);
    expect(q("whether today's situation holds").alone).toHaveLength(6);
    // No treaty is reachable today; only reversing Baku's transit estimate (its priority 3) changes that alone.
    const direct = j.detail.conclusions.find((c: { id: string }) => c.id === "target-reachable:treaty-direct");
    expect(direct.answer).toBe(false);
    const alone = direct.changedBy.filter((c: { variations: unknown[] }) => c.variations.length === 1);
    expect(alone.map((c: { words: string }) => c.words.slice(0, 45))).toEqual(["if Azerbaijan wants the opposite of its state"]);
    expect(direct.changedBy.length - alone.length).toBe(6);
    // The Moscow treaty rests on no single estimate, only on pairs.
    const moscow = j.detail.conclusions.find((c: { id: string }) => c.id === "target-reachable:treaty-moscow");
    expect(moscow.changedBy.every((c: { variations: unknown[] }) => c.variations.length === 2)).toBe(true);
    expect(moscow.changedBy).toHaveLength(4);
    const words = j.answer.answer.join(" ");
    expect(words).toContain("The model marks 21 judgements as the modeller's estimates");
    expect(words).toContain("Whether today's situation holds rests on 6 estimates: Armenia's priority 1,");
    expect(j.answer.sources.length).toBeGreaterThan(0);
  });
});

describe("on the seed: can Armenia and the West together move the status quo?", () => {
  it("says no, and why each Western party would rather keep today's situation, with sources", { timeout: 300_000 }, async () => {
    const j = await json("coalitions", SEED, "--partition", "Armenia+US+EU");
    const t = j.together[0];
    expect(t.members).toEqual(["Armenia", "US", "EU"]);
    expect(t.reachable).toBe(127);
    expect(t.jointImprovements).toEqual([]);
    const a = j.answers[0];
    expect(a.answer[0]).toBe("No. By their own moves Armenia + United States + European Union can reach 127 other outcomes, but none that all of them prefer to today's.");
    expect(a.grounds.map((g: { dm: string; position: number }) => [g.dm, g.position])).toEqual([["US", 9], ["EU", 5]]);
    expect(a.sources[0].address).toBe("https://report.az/en/region/us-state-department-says-necessary-to-replace-russian-peacekeepers-in-karabakh");
    const r = await concord("coalitions", SEED, "--partition", "Armenia+US+EU");
    expect(r.out).toContain("Armenia would gain in 4 of them.");
    expect(r.out).toContain("it would rather keep today's situation because of its priority 9");
    expect(r.out).toMatch(URL_LINE);
  });
});
