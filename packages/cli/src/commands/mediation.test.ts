// `concord target`, `stabilize`, `sensitivity`, `robustness` and `coalitions`, run as a user
// runs them, in this process. Exact answers are pinned on classic and fictional models
// (Elmira, the Prisoner's Dilemma, the README's ceasefire with two estimates marked).
import { describe, expect, it } from "vitest";
import { concord as run, concordJson, ROOT, type Run } from "../../../../test/fixtures/concord.js";
import { memoryIo } from "../io.js";
import { main } from "../main.js";

const ELMIRA = "scenarios/elmira.yaml";
const PD = "scenarios/prisoners-dilemma.yaml";
const CEASEFIRE = "test/fixtures/ceasefire-estimates.yaml";

const concord = (...args: string[]): Promise<Run> => run(args);
const json = (...args: string[]): Promise<ReturnType<typeof JSON.parse>> => concordJson(args);

/** The lines a mediator reads first: up to the first blank line after the answer. */
function firstLines(out: string): string {
  return out.split("\n\n").slice(0, 2).join("\n");
}
const SPECIALIST = /\bstates? \d|\bNash\b|\bGMR\b|\bSMR\b|\bSEQ\b|equilibri/;

describe("concord target", () => {
  it("lists the states a pattern names, numbered from 1, and says whether today's is one", async () => {
    const j = await json("target", ELMIRA, "-1");
    expect(j.count).toBe(6);
    expect(j.states.map((s: { state: number }) => s.state)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(j.statusQuoMatches).toBe(true);
    const r = await concord("target", ELMIRA, "-1");
    expect(r.out).toMatch(/^6 possible outcomes match “-1”; today's situation is one of them\./);
  });

  it("rejects a misspelt option with 'did you mean' at --target", async () => {
    const r = await concord("stabilize", "scenarios/examples/ceasefire.yaml", "--target", "withdrew");
    expect(r.code).toBe(2);
    expect(r.err).toContain('--target: unknown option "withdrew"; did you mean "withdraw"?');
    expect(r.out).toBe("");
    expect((await concord("stabilize", CEASEFIRE, "--target", "peace", "--max-size", "3")).err).toContain('--max-size: expected 1 or 2, found "3"');
    expect((await concord("target", CEASEFIRE, "peace", "--limit", "x")).err).toContain('--limit: expected a whole number ≥ 1 (decimal digits), found "x"');
  });
});

describe("--target on analyze and states", () => {
  it("keeps only the matching states in every list", async () => {
    const all = await json("analyze", ELMIRA);
    const some = await json("analyze", ELMIRA, "--target", "-1");
    expect(some.states.map((s: { id: number }) => s.id)).toEqual([1, 3, 5, 7, 9, 11]);
    expect(some.equilibria.nash).toEqual(all.equilibria.nash.filter((s: number) => s % 2 === 1));
    expect((await json("states", ELMIRA, "--target", "-1")).states.map((s: { id: number }) => s.id)).toEqual([1, 3, 5, 7, 9, 11]);
    expect((await concord("states", ELMIRA, "--target", "-1")).out).toContain('6 feasible states matching "-1"');
  });
});

describe("concord stabilize", () => {
  it("answers in plain words first: the refusals on the way, the changes and who would make them, with the estimates named and sources cited", async () => {
    const r = await concord("stabilize", CEASEFIRE, "--target", "withdraw & disarm");
    expect(r.code).toBe(0);
    const first = firstLines(r.out);
    expect(first).not.toMatch(SPECIALIST);
    expect(first).toContain("Government would rather not take “Withdraw the troops from the valley”, because of its priority 2, not “Withdraw the troops from the valley” (a modeller's estimate)");
    expect(first).toContain("Valley Front would rather not take “Hand in heavy weapons”");
    expect(first).toContain("Two changes together would be needed");
    expect(first).toContain("Who would have to change: Government and Valley Front.");
    expect(r.out).toContain("[1] The Valley Front's position paper (fictional) (Valley Front, 2020-01-01)");
    // The detail for specialists follows.
    expect(r.out).toMatch(/Path with the fewest blocked steps \(2 blocked\) to state 6:/);
  });

  it("prints the same shapes as the application layer in JSON", async () => {
    const j = await json("stabilize", CEASEFIRE, "--target", "withdraw & disarm");
    expect(j.detail.target.count).toBe(1);
    expect(j.detail.reach.reachable).toBe(false);
    expect(j.detail.reach.blocked.blockedSteps).toBe(2);
    expect(j.detail.changes.goalMet).toBe(true);
    expect(j.detail.changes.changes[0].size).toBe(2);
    expect(j.answer.grounds.map((g: { dm: string; position: number; estimate: boolean }) => [g.dm, g.position, g.estimate])).toContainEqual(["gov", 2, true]);
    expect(j.answer.sources).toEqual([{ id: "front-paper", citation: "The Valley Front's position paper (fictional) (Valley Front, 2020-01-01)" }]);
  });

  it("says when the target already holds and is reached", async () => {
    const j = await json("stabilize", ELMIRA, "--target", "-1", "--max-size", "1");
    expect(j.detail.changes.alreadyMet).toBe(true);
    expect(j.answer.answer).toContain("Nothing needs to change: it already holds and the conflict can get there.");
  });
});

describe("concord sensitivity", () => {
  it("names, per question, the estimates the answer rests on", async () => {
    const r = await concord("sensitivity", CEASEFIRE);
    expect(r.code).toBe(0);
    const first = firstLines(r.out);
    expect(first).not.toMatch(SPECIALIST);
    expect(first).toContain("The model marks 2 judgements as the modeller's estimates");
    expect(first).toContain("Whether today's situation holds rests on 2 estimates: Government's priority 2, not “Withdraw the troops from the valley”; Valley Front's priority 3, not “Hand in heavy weapons”.");
    const j = await json("sensitivity", CEASEFIRE, "--no-pairs");
    expect(j.detail.coverage).toMatchObject({ singles: 4, pairs: 0 });
    expect(j.detail.conclusions.find((c: { id: string }) => c.id === "status-quo-stable:nash").answer).toBe(true);
  });

  it("says so when the model marks no estimate", async () => {
    expect((await concord("sensitivity", ELMIRA)).out).toContain("The model marks none of its judgements as a modeller's estimate");
  });
});

describe("concord robustness", () => {
  it("gives each state's share of variants in which it is an equilibrium", async () => {
    const j = await json("robustness", CEASEFIRE);
    expect(j.detail.plan).toMatchObject({ exhaustive: true, distinct: 9, variants: 9 });
    const share = (s: number): Record<string, number> => j.detail.states.find((x: { state: number }) => x.state === s).share;
    // State 3 (talks only) is an equilibrium exactly when neither estimate is flipped: 4 of the 9 combinations.
    expect(share(3)).toEqual({ nash: 4 / 9, gmr: 4 / 9, smr: 4 / 9, seq: 4 / 9 });
    expect(share(6).gmr).toBe(1);
    expect(j.answer.answer[1]).toBe("Today's situation holds in 44% of them (44% with no side gaining by leaving).");
  });

  it("is reproducible: the same seed gives the same result, on one thread or two", async () => {
    const a = await json("robustness", CEASEFIRE, "--variants", "5", "--seed", "7", "--threads", "1");
    const b = await json("robustness", CEASEFIRE, "--variants", "5", "--seed", "7", "--threads", "2");
    expect(a.detail.plan).toMatchObject({ exhaustive: false, variants: 5, seed: 7 });
    expect(b).toEqual(a);
    expect((await concord("robustness", CEASEFIRE, "--threads", "0")).err).toContain("--threads: expected a whole number ≥ 1");
  });

  it("shows progress on standard error on a terminal, ending at every variant", async () => {
    const io = memoryIo({ cwd: ROOT, isTTY: true, columns: 100 });
    expect(await main(["robustness", CEASEFIRE, "--json"], io)).toBe(0);
    expect(io.err()).toMatch(/\rvariants: 9\/9 \(100%\)\n$/);
    expect(JSON.parse(io.out()).value.detail.variants).toBe(9);
  });

  it("writes no progress when standard error is not a terminal", async () => {
    const r = await concord("robustness", CEASEFIRE);
    expect(r.err).toBe("");
  });
});

describe("concord coalitions", () => {
  it("names the equilibrium that falls to a coalition (Elmira: MoE and Uniroyal leave state 7)", async () => {
    const j = await json("coalitions", ELMIRA);
    expect(j.all.fallen.nash).toEqual([{ state: 7, coalitions: [{ members: ["moe", "uniroyal"], name: "MoE + Uniroyal" }] }]);
    const r = await concord("coalitions", ELMIRA);
    expect(firstLines(r.out)).not.toMatch(SPECIALIST);
    expect(r.out).toContain("1 can be left by a group whose members all gain: MoE + Uniroyal.");
  });

  it("answers whether a group can together move the status quo, and why not", async () => {
    const j = await json("coalitions", ELMIRA, "--partition", "moe+uniroyal");
    expect(j.together[0]).toMatchObject({ members: ["moe", "uniroyal"], jointImprovements: [] });
    expect(j.answers[0].question).toBe("Can MoE and Uniroyal together move the status quo?");
    expect(j.answers[0].answer[0]).toMatch(/^No\. /);
    expect(j.partition.blocks.map((b: { members: string[] }) => b.members)).toEqual([["moe", "uniroyal"], ["local_government"]]);
  });

  it("plays a partition: both prisoners together no longer defect", async () => {
    const j = await json("coalitions", PD, "--partition", "prisoner a+prisoner b");
    expect(j.partition.equilibria.partition.nash).toEqual([2, 3, 4]);
    expect(j.partition.equilibria.individual.nash).toEqual([1]);
  });

  it("rejects an unknown decision maker or one in two groups at --partition", async () => {
    const r = await concord("coalitions", ELMIRA, "--partition", "moe+nobody");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^--partition: "nobody": /);
    expect((await concord("coalitions", ELMIRA, "--partition", "moe,moe")).err).toContain("is in two groups");
  });
});
