// The mediation use cases' contract: serialisable results (JSON round-trips them
// unchanged: no typed arrays, no undefined, no functions), plain words first with
// grounds and sources, bad options as "usage" problems at the option's name.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { coalitions, historyCheck, hypergame, robustness, sensitivity, stabilize, target, timeCheck, type Result, type ScenarioSource } from "./index.js";

const read = (path: string): ScenarioSource => {
  const file = fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  return { text: readFileSync(file, "utf8"), file: path };
};
const CEASEFIRE = read("test/fixtures/ceasefire-estimates.yaml");
const MISREADING = read("scenarios/examples/misreading.yaml");

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.value;
}
const roundTrips = (x: unknown): void => expect(JSON.parse(JSON.stringify(x))).toEqual(x);

describe("the mediation use cases", () => {
  it("return serialisable values", async () => {
    roundTrips(value(target(CEASEFIRE, { target: "peace" })));
    roundTrips(value(await stabilize(CEASEFIRE, { target: "withdrawal", maxSize: 1 })));
    roundTrips(value(await sensitivity(CEASEFIRE)));
    roundTrips(value(await robustness(CEASEFIRE, { variants: 4, seed: 2 })));
    roundTrips(value(await coalitions(CEASEFIRE)));
    roundTrips(value(await coalitions(CEASEFIRE, { partition: "gov+front" })));
    roundTrips(value(await hypergame(MISREADING)));
    roundTrips(value(await historyCheck(CEASEFIRE)));
  });

  it("name a target's states from 1 and by pattern or id alike", () => {
    const byId = value(target(CEASEFIRE, { target: "peace" }));
    const byPattern = value(target(CEASEFIRE, { target: "withdraw & disarm" }));
    expect(byId.states).toEqual(byPattern.states);
    expect(byId.states.map((s) => s.state)).toEqual([6]);
    expect(byId.target).toEqual({ id: "peace", label: "The troops withdrawn and the weapons handed in", pattern: "withdraw & disarm" });
  });

  it("ground their answers in the priorities and sources they rest on", async () => {
    const s = value(await stabilize(CEASEFIRE, { target: "withdrawal", maxSize: 1 }));
    expect(s.answer.grounds.map((g) => [g.dm, g.position, g.estimate])).toContainEqual(["gov", 2, true]);
    const c = value(await coalitions(CEASEFIRE, { partition: "gov+front" }));
    expect(c.answers[0]!.question).toBe("Can Government and Valley Front together move the status quo?");
  });

  it("report bad options as usage problems at the option", async () => {
    const bad = async (r: Promise<Result<unknown>> | Result<unknown>, option: string): Promise<void> => {
      const got = await r;
      expect(got.ok).toBe(false);
      if (!got.ok) expect(got.problems[0]).toMatchObject({ code: "usage", path: [option] });
    };
    await bad(target(CEASEFIRE, { target: "withdrew" }), "target");
    await bad(stabilize(CEASEFIRE, { target: "peace", focus: 99 }), "focus");
    await bad(robustness(CEASEFIRE, { seed: -1 }), "seed");
    await bad(robustness(CEASEFIRE, { variants: "0" }), "variants");
    await bad(coalitions(CEASEFIRE, { partition: "gov+nobody" }), "partition");
    await bad(timeCheck(CEASEFIRE, { asOf: "soon" }), "asOf");
  });
});
