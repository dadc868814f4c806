import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, concord as run } from "../../../test/fixtures/concord.js";

// The command as a user runs it in the repository's root, in this process: main(argv, io).
const THREE_PARTY = join(ROOT, "test", "gmcr", "three-party.gmcr");
const tmp = mkdtempSync(join(tmpdir(), "concord-gmcr-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function concord(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const r = await run(args);
  return { code: r.code, stdout: r.out, stderr: r.err };
}

interface StatesJson {
  decisionMakers: { id: string; name: string }[];
  states: { id: number; values: Record<string, boolean>; rank: Record<string, number> }[];
}

async function states(file: string): Promise<StatesJson> {
  const r = await concord("states", "--json", file);
  expect(r.stderr).toBe("");
  expect(r.code).toBe(0);
  return (JSON.parse(r.stdout) as { value: StatesJson }).value;
}

describe("concord with gmcr-py files", () => {
  it("lists an imported file's states with the numbers and ranks gmcr-py gives them", async () => {
    // Derivation of these numbers: see packages/core/src/interop/gmcr-py.test.ts.
    const data = await states("test/gmcr/three-party.gmcr");
    expect(data.decisionMakers.map((d) => [d.id, d.name])).toEqual([["upstream", "Upstream"], ["downstream", "Downstream"], ["mediator", "Mediator"]]);
    expect(data.states[6]).toEqual({
      id: 7,
      values: { build_dam: true, go_to_court: false, protest: false, offer_aid: true },
      rank: { upstream: 3, downstream: 6, mediator: 1 },
    });
    expect(data.states.map((s) => s.rank.upstream)).toEqual([7, 2, 8, 5, 6, 1, 3, 4, 3]);
  });

  it("validates a .gmcr file", async () => {
    const r = await concord("validate", "test/gmcr/three-party.gmcr");
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('test/gmcr/three-party.gmcr: valid scenario "three-party": 3 decision makers, 4 options, 9 feasible states\n');
  });

  it("converts gmcr-py → gmcr-py and gmcr-py → YAML without changing states or ranks", async () => {
    const before = await states(THREE_PARTY);
    const gmcr = join(tmp, "again.gmcr");
    expect((await concord("convert", THREE_PARTY, "--to", "gmcr", "-o", gmcr)).code).toBe(0);
    expect(await states(gmcr)).toEqual(before);
    const yaml = join(tmp, "three-party.yaml");
    expect((await concord("convert", THREE_PARTY, "--to", "yaml", "-o", yaml)).code).toBe(0);
    expect(readFileSync(yaml, "utf8")).toContain("oneWay: toY");
    expect(await states(yaml)).toEqual(before);
  });

  it("writes a Concord scenario as a .gmcr file that reads back to the same states and ranks", async () => {
    const yaml = join(tmp, "conditional.yaml");
    writeFileSync(yaml, `concord: 1
id: conditional
title: A conditional preference
model:
  decisionMakers:
    - id: gov
      name: Government
      options: [{id: talk, label: Open talks}, {id: amnesty, label: Amnesty, oneWay: toY}]
      preferences: ["talk IF ceasefire", -amnesty]
    - id: rebels
      name: Rebels
      options: [{id: ceasefire, label: Ceasefire}]
      ranking: [YNY, [NNY, YYY], NNN, YNN, YYN, NYY]
  feasibility:
    - infeasible: amnesty & -talk & -ceasefire
`);
    const r = await concord("convert", yaml, "--to", "gmcr");
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const file = JSON.parse(r.stdout) as { useManualPreferenceRanking: boolean; decisionMakers: { preferences: unknown[] }[]; options: unknown[] };
    expect(file.useManualPreferenceRanking).toBe(true);
    expect(file.decisionMakers[0]!.preferences[0]).toEqual({ compound: true, members: [[[0, "Y"]], [[2, "N"]]] });
    expect(file.options[1]).toEqual({ name: "Amnesty", permittedDirection: "fwd" });
    const gmcr = join(tmp, "conditional.gmcr");
    writeFileSync(gmcr, r.stdout);
    const [a, b] = [await states(yaml), await states(gmcr)];
    // Option and decision maker ids come back from the labels and names; states and ranks are the same.
    expect(b.states.map((s) => [s.id, Object.values(s.values), Object.values(s.rank)])).toEqual(a.states.map((s) => [s.id, Object.values(s.values), Object.values(s.rank)]));
  });

  it("reports a bad .gmcr file with its place in the file and exit code 2", async () => {
    const r = await concord("validate", "test/bad-files/gmcr/option-with-two-owners.gmcr");
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'test/bad-files/gmcr/option-with-two-owners.gmcr:8:31: decisionMakers[1].options[0]: option 0 ("Attack") is already controlled by decision maker 0 ("A"); each option must belong to exactly one decision maker\n' +
        "test/bad-files/gmcr/option-with-two-owners.gmcr: 1 problem\n",
    );
  });

  it("refuses to write a model gmcr-py cannot hold, writing nothing", async () => {
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const yaml = join(tmp, "huge.yaml");
    writeFileSync(yaml, JSON.stringify({
      concord: 1, id: "huge", title: "huge",
      model: { decisionMakers: [{ id: "a", options: ids.map((id) => ({ id, label: id })), preferences: [ids.map((id) => `(${id} | -${id})`).join(" & ")] }] },
    }));
    const out = join(tmp, "huge.gmcr");
    const r = await concord("convert", yaml, "--to", "gmcr", "-o", out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${yaml}: model.decisionMakers[0].preferences[0]: statement "(o0 | -o0) & `);
    expect(r.stderr).toContain("more than 512 terms");
    expect(r.stderr).toContain(`${yaml}: cannot be written as a gmcr-py file: 1 problem`);
    expect(() => readFileSync(out)).toThrow();
  });
});
