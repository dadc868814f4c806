import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { generateModel, randomRankings } from "../scenario/generate.js";
import { asStateIndex } from "../numbering.js";
import { formatProblem } from "../problems.js";
import { loadScenario, validateDocument, type Loaded } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { computePayoffs, rankOf } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import { unperceivedStates } from "../stability/unperceived.js";
import { optionName } from "../model/values.js";
import { exportGmcr, formatGmcr, gmcrExportNotes, importGmcr } from "./gmcr-py.js";
import { GmcrFileSchema, type GmcrCondition, type GmcrConjunction, type GmcrFile, type GmcrRanking } from "./gmcr-schema.js";

const ROOT = new URL("../../../../", import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(`test/gmcr/${name}`, ROOT), "utf8");

function load(text: string, file = "model.gmcr"): Loaded {
  const r = loadScenario(text, { file });
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

function exported(space: StateSpace): GmcrFile {
  const r = exportGmcr(space);
  if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
  return r.value;
}

/** Y/N per option (Concord order) of every state, and each decision maker's rank per state (1 = best). */
function table(space: StateSpace): { yn: string[]; ranks: Record<string, number[]> } {
  const yn = Array.from({ length: space.size }, (_, s) => space.yn(asStateIndex(s)));
  const ranks: Record<string, number[]> = {};
  for (const dm of space.model.decisionMakers) {
    const p = computePayoffs(space, dm);
    ranks[dm.name] = Array.from({ length: space.size }, (_, s) => rankOf(p, asStateIndex(s)));
  }
  return { yn, ranks };
}

/*
 * How the expected numbers for test/gmcr/three-party.gmcr were derived, by hand, from
 * gmcr-py's documented rules (not from Concord):
 *
 * 1. Option order. gmcr-py's reorderOptionsByDM puts options in the order the
 *    decision makers list them: Upstream [1], Downstream [3, 0], Mediator [2], so the
 *    master order is Build dam (file option 1), Go to court (3), Protest (0),
 *    Offer aid (2). Master index i is bit i of a state's decimal value (first option
 *    least significant).
 * 2. Feasible states. The infeasibles, "Protest and Go to court" and "Offer aid
 *    without Build dam", remove decimals 6, 7, 14, 15 and 8, 10, 12, 14. What is left,
 *    sorted ascending, gets ordered numbers 1..9:
 *      1→0 NNNN  2→1 YNNN  3→2 NYNN  4→3 YYNN  5→4 NNYN  6→5 YNYN
 *      7→9 YNNY  8→11 YYNY  9→13 YNYY        (Y/N in master order)
 * 3. Manual ranking (useManualPreferenceRanking): a state's rank is the position of
 *    its entry in preferenceRanking; a tie list shares one position. Upstream's
 *    [6, 2, [7, 9], 8, 4, 5, 1, 3] gives state 1 rank 7, state 2 rank 2, …
 * 4. Option prioritization (same file with the manual ranking switched off):
 *    statement k of K weighs 2^(K−k) and a state scores the weights of the statements
 *    it satisfies; prefPriorities2payoffs ranks distinct scores, highest first.
 *    Upstream: "dam" (4), "no protest and no court" (2), "aid" (1) scores the states
 *    2, 6, 0, 4, 0, 4, 7, 5, 5 → ranks 5, 2, 6, 4, 6, 4, 1, 3, 3.
 *    Downstream: "no dam" (4), "court, or protest without aid" (2), "no protest" (1):
 *    5, 1, 7, 3, 6, 2, 1, 3, 0 → ranks 3, 6, 1, 4, 2, 5, 6, 4, 7.
 *    Mediator: "aid and dam, or no dam" (2), "no court" (1): 3, 1, 2, 0, 3, 1, 3, 2, 3
 *    → ranks 1, 3, 2, 4, 1, 3, 1, 2, 1.
 */
const THREE_PARTY_YN = ["NNNN", "YNNN", "NYNN", "YYNN", "NNYN", "YNYN", "YNNY", "YYNY", "YNYY"];

describe("importing gmcr-py files", () => {
  it("numbers states and ranks them by a manual ranking as gmcr-py does", () => {
    const { scenario, space } = load(fixture("three-party.gmcr"), "three-party.gmcr");
    expect(scenario.model!.options.map((o) => o.label)).toEqual(["Build dam", "Go to court", "Protest", "Offer aid"]);
    expect(table(space!)).toEqual({
      yn: THREE_PARTY_YN,
      ranks: {
        Upstream: [7, 2, 8, 5, 6, 1, 3, 4, 3],
        Downstream: [1, 4, 3, 5, 2, 4, 6, 8, 7],
        Mediator: [4, 4, 4, 4, 4, 4, 1, 2, 3],
      },
    });
  });

  it("reads misperceptions as the states a decision maker does not perceive, and writes them back", () => {
    const { space } = load(fixture("three-party.gmcr"), "three-party.gmcr");
    // Downstream misperceives [[2, "Y"]]: option 2 is "Offer aid", the last option in Concord's order.
    const aid = THREE_PARTY_YN.map((yn) => (yn[3] === "Y" ? 1 : 0));
    expect(unperceivedStates(space!).map((u) => u && Array.from(u))).toEqual([null, aid, null]);
    expect(exported(space!).decisionMakers.map((d) => d.misperceptions)).toEqual([[], [[[3, "Y"]]], []]);
  });

  it("ranks states by option prioritization as gmcr-py does, with options regrouped by decision maker", () => {
    const text = fixture("three-party.gmcr").replace('"useManualPreferenceRanking": true', '"useManualPreferenceRanking": false');
    const { space } = load(text);
    expect(table(space!)).toEqual({
      yn: THREE_PARTY_YN,
      ranks: {
        Upstream: [5, 2, 6, 4, 6, 4, 1, 3, 3],
        Downstream: [3, 6, 1, 4, 2, 5, 6, 4, 7],
        Mediator: [1, 3, 2, 4, 1, 3, 1, 2, 1],
      },
    });
  });

  it("reads old files (useManualPreferenceVectors) and gives the Prisoner's Dilemma its textbook order", () => {
    // Options: Row defects (bit 0), Column defects (bit 1); states NN, YN, NY, YY.
    // Row: "Column does not defect" (2), "Row defects" (1) → scores 2, 3, 0, 1.
    const { space } = load(fixture("prisoners-dilemma.gmcr"));
    expect(table(space!)).toEqual({
      yn: ["NN", "YN", "NY", "YY"],
      ranks: { Row: [2, 1, 4, 3], Column: [2, 4, 1, 3] },
    });
    // gmcr-py's payoffs for the same file: dense ranks, 1 = least preferred.
    const out = exported(space!);
    expect(out.decisionMakers.map((d) => d.payoffs)).toEqual([[3, 4, 1, 2], [3, 1, 4, 2]]);
    expect(out.useManualPreferenceRanking).toBe(false);
  });

  it("maps options, directions, statements, infeasibles and what Concord cannot model to a scenario document", () => {
    const r = importGmcr(JSON.parse(fixture("three-party.gmcr")), { file: "some/dir/three-party.gmcr" });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const doc = r.value.document;
    expect(doc.id).toBe("three-party");
    expect(doc.title).toBe("three-party");
    const dms = doc.model!.decisionMakers;
    expect(dms.map((d) => [d.id, d.name])).toEqual([["upstream", "Upstream"], ["downstream", "Downstream"], ["mediator", "Mediator"]]);
    expect(dms.map((d) => d.options.map((o) => [o.id, o.label, o.oneWay]))).toEqual([
      [["build_dam", "Build dam", "toY"]],
      [["go_to_court", "Go to court", "toN"], ["protest", "Protest", undefined]],
      [["offer_aid", "Offer aid", undefined]],
    ]);
    expect(dms[1]!.ranking).toEqual([1, 5, 3, [2, 6], 4, 7, 9, 8]);
    expect(dms[1]!.preferences).toBeUndefined();
    expect(dms[1]!.note).toContain("2. go_to_court | (protest & -offer_aid)");
    expect(dms[1]!.doesNotPerceive).toEqual(["offer_aid"]);
    expect(dms[0]!.doesNotPerceive).toBeUndefined();
    expect(doc.model!.feasibility).toEqual([{ infeasible: "protest & go_to_court" }, { infeasible: "-build_dam & offer_aid" }]);
    expect(doc.model!.note).toContain("(Upstream; Downstream + Mediator)");

    const prio = importGmcr({ ...JSON.parse(fixture("three-party.gmcr")), useManualPreferenceRanking: false });
    if (!prio.ok) throw new Error(JSON.stringify(prio.problems));
    expect(prio.value.document.model!.decisionMakers.map((d) => d.preferences)).toEqual([
      ["build_dam", "-protest & -go_to_court", "offer_aid"],
      ["-build_dam", "go_to_court | (protest & -offer_aid)", "-protest"],
      ["(offer_aid & build_dam) | -build_dam", "-go_to_court"],
    ]);
  });

  it("makes unique identifiers from option names and keeps the names as labels", () => {
    const names = ["Full", "Full", "2nd strike", "if", "Ωμέγα", "Réduit (partiel)"];
    const r = importGmcr({
      options: names.map((name) => ({ name })),
      decisionMakers: [{ name: "US Support", options: [0, 1, 2, 3, 4, 5], preferences: [] }],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const opts = r.value.document.model!.decisionMakers[0]!.options;
    expect(opts.map((o) => o.id)).toEqual(["full", "full_2", "option_2nd_strike", "option_if", "option5", "reduit_partiel"]);
    expect(opts.map((o) => o.label)).toEqual(names);
    expect(validateDocument(r.value.document).ok).toBe(true);
  });

  it("turns empty conditions into statements that are always or never true", () => {
    const { space } = load(JSON.stringify({
      options: [{ name: "a" }, { name: "b" }],
      decisionMakers: [
        { name: "A", options: [0], preferences: [{ compound: true, members: [] }, [[0, "Y"]]] },
        { name: "B", options: [1], preferences: [[], [[1, "N"]]] },
      ],
    }));
    // The empty compound holds nowhere and the empty conjunction everywhere, so only the second statements rank.
    expect(table(space!).ranks).toEqual({ A: [2, 1, 2, 1], B: [1, 1, 2, 2] });
  });

  it("detects a gmcr-py file by its keys when the name does not end in .gmcr", () => {
    const text = JSON.stringify({ options: [{ name: "a" }], decisionMakers: [{ name: "A", options: [0], preferences: [[[0, "Y"]]] }] });
    expect(load(text, "export.json").space!.size).toBe(2);
    expect(load(text).scenario.title).toBe("model");
  });
});

/** A gmcr-py file in gmcr-py's own normal form: options regrouped by decision maker, literals sorted. */
function canonical(value: unknown): unknown {
  const f = GmcrFileSchema.parse(value);
  const order = f.decisionMakers.flatMap((dm) => dm.options);
  const pos = new Map(order.map((o, i) => [o, i]));
  const cond = (c: GmcrCondition): string[][] =>
    ("members" in c ? c.members : [c as GmcrConjunction]).map((m) => m.map(([o, v]) => `${pos.get(o)}${v}`).sort());
  const manual = f.useManualPreferenceRanking ?? f.useManualPreferenceVectors ?? false;
  const ranking = (r: unknown): unknown => (r as GmcrRanking).map((e) => (typeof e !== "number" && e.length === 1 ? e[0] : e));
  return {
    options: order.map((o) => [f.options[o]!.name, f.options[o]!.permittedDirection ?? "both"]),
    infeasibles: (f.infeasibles ?? []).map(cond),
    decisionMakers: f.decisionMakers.map((dm) => ({
      name: dm.name,
      options: dm.options.map((o) => pos.get(o)),
      ...(manual ? { ranking: ranking(dm.preferenceRanking ?? dm.preferenceVector) } : { preferences: (dm.preferences ?? []).map(cond) }),
    })),
  };
}

describe("gmcr-py → Concord → gmcr-py", () => {
  it("preserves options, directions, infeasibles and manual rankings", () => {
    const original: unknown = JSON.parse(fixture("three-party.gmcr"));
    const back: unknown = JSON.parse(formatGmcr(exported(load(fixture("three-party.gmcr")).space!)));
    expect(canonical(back)).toEqual(canonical(original));
    // The file listed Downstream's options as [3, 0]; gmcr-py would save them regrouped, and so do we.
    expect((back as GmcrFile).decisionMakers.map((d) => d.options)).toEqual([[0], [1, 2], [3]]);
    expect((back as GmcrFile).useManualPreferenceRanking).toBe(true);
  });

  it("preserves preference statements, compound ones included", () => {
    const text = fixture("three-party.gmcr").replace('"useManualPreferenceRanking": true', '"useManualPreferenceRanking": false');
    const back: unknown = JSON.parse(formatGmcr(exported(load(text).space!)));
    expect(canonical(back)).toEqual(canonical(JSON.parse(text)));
    expect((back as GmcrFile).decisionMakers.every((d) => d.preferenceRanking === undefined)).toBe(true);
  });
});

describe("exporting to gmcr-py", () => {
  const scenario = (preferences: string[], extra: Partial<NonNullable<ScenarioDocument["model"]>> = {}): StateSpace => {
    const r = validateDocument({
      concord: 1, id: "t", title: "t",
      model: {
        decisionMakers: [
          { id: "a", options: [{ id: "x", label: "X" }, { id: "y", label: "Y", oneWay: "toY" }], preferences },
          { id: "b", options: [{ id: "z", label: "Z", oneWay: "toN" }], preferences: ["z"] },
        ],
        ...extra,
      },
    });
    if (!r.ok) throw new Error(r.problems.map(formatProblem).join("\n"));
    return r.value.space!;
  };

  it("writes an option with alternatives as its yes/no options, at most one taken, and says so", () => {
    const space = load(`
concord: 1
id: venue
title: Where a fictional treaty is signed
model:
  decisionMakers:
    - id: a
      options:
        - id: venue
          label: Signing venue
          alternatives: [{ id: none, label: not signed }, { id: west, label: Western capital, oneWay: toY }, { id: direct, label: bilateral }]
      preferences: [venue = direct, -(venue = none)]
    - id: b
      options: [{ id: ratify, label: Ratify }]
      preferences: [ratify IF -(venue = none)]
`, "venue.yaml").space!;
    const file = exported(space);
    expect(file.options).toEqual([
      { name: "Signing venue: Western capital", permittedDirection: "fwd" },
      { name: "Signing venue: bilateral", permittedDirection: "both" },
      { name: "Ratify", permittedDirection: "both" },
    ]);
    expect(file.infeasibles).toEqual([[[0, "Y"], [1, "Y"]]]);
    expect(gmcrExportNotes(space.model)).toEqual([
      'option "venue" has alternatives, which gmcr-py does not know: it is written as 2 yes/no options ("Signing venue: Western capital", "Signing venue: bilateral"), at most one taken; "none" is none of them taken. Read back, they stay yes/no options.',
    ]);
    const back = load(formatGmcr(file)).space!;
    expect(back.size).toBe(space.size);
    expect(Array.from(computePayoffs(back, back.model.decisionMakers[0]!).payoff)).toEqual(Array.from(computePayoffs(space, space.model.decisionMakers[0]!).payoff));
  });

  it("writes IF and nested statements in the OR-of-ANDs form gmcr-py has", () => {
    const out = exported(scenario(["x IF z", "(x | y) & -z", "x & -x", "-(x & y)"]));
    expect(out.decisionMakers[0]!.preferences).toEqual([
      { compound: true, members: [[[0, "Y"]], [[2, "N"]]] },
      { compound: true, members: [[[0, "Y"], [2, "N"]], [[1, "Y"], [2, "N"]]] },
      { compound: true, members: [] },
      { compound: true, members: [[[0, "N"]], [[1, "N"]]] },
    ]);
    expect(out.options).toEqual([
      { name: "X", permittedDirection: "both" },
      { name: "Y", permittedDirection: "fwd" },
      { name: "Z", permittedDirection: "back" },
    ]);
  });

  it("writes every feasibility condition as the infeasible patterns it removes", () => {
    const out = exported(scenario(["x"], { feasibility: [{ exactlyOne: ["x", "y"] }, { infeasible: "z & (x | y)" }, { mutuallyExclusive: ["x", "y"] }] }));
    expect(out.infeasibles).toEqual([
      [[0, "Y"], [1, "Y"]],
      [[0, "N"], [1, "N"]],
      [[0, "Y"], [2, "Y"]],
      [[1, "Y"], [2, "Y"]],
    ]);
  });

  it("switches the whole file to manual ranking when one decision maker has a ranking, computing the others' rankings", () => {
    const r = validateDocument({
      concord: 1, id: "t", title: "t",
      model: {
        decisionMakers: [
          { id: "a", options: [{ id: "x", label: "X" }], ranking: [[2, 3], 1, 4] },
          { id: "b", options: [{ id: "z", label: "Z" }], preferences: ["z", "-x"] },
        ],
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const out = exported(r.value.space!);
    expect(out.useManualPreferenceRanking).toBe(true);
    // b's scores: NN 1, YN 0, NY 3, YY 2.
    expect(out.decisionMakers.map((d) => d.preferenceRanking)).toEqual([[[2, 3], 1, 4], [3, 4, 1, 2]]);
    expect(out.decisionMakers[1]!.preferences).toEqual([[[1, "Y"]], [[0, "N"]]]);
    // gmcr-py's manual payoffs: (number of states) − (position in the ranking).
    expect(out.decisionMakers.map((d) => d.payoffs)).toEqual([[3, 4, 4, 2], [2, 1, 4, 3]]);
  });

  it("refuses a statement whose OR-of-ANDs form is too large, naming it", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    const r = validateDocument({
      concord: 1, id: "t", title: "t",
      model: { decisionMakers: [{ id: "a", options: ids.map((id) => ({ id, label: id })), preferences: ["o0", ids.map((id) => `(${id} | -${id})`).join(" & ")] }] },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const e = exportGmcr(r.value.space!);
    expect(e.ok).toBe(false);
    if (e.ok) return;
    expect(e.problems.map(formatProblem)).toEqual([
      'model.decisionMakers[0].preferences[1]: statement "(o0 | -o0) & (o1 | -o1) & (o2 | -o2) & (o3 | -o3) & (o4 | -o4) & (o5 | -o5) & (o6 | -o6) & (o7 | -o7) & (o8 | -o8) & (o9 | -o9)" cannot be written for gmcr-py: gmcr-py needs it as an OR of ANDs of options, which here has more than 512 terms; split or simplify it',
    ]);
  });

  it("lays the file out the same way every time, as JSON", () => {
    const space = load(fixture("three-party.gmcr")).space!;
    const a = formatGmcr(exported(space));
    expect(formatGmcr(exported(space))).toBe(a);
    expect(JSON.parse(a)).toEqual(exported(space));
    expect(a.split("\n").every((line) => line.length <= 100)).toBe(true);
  });
});

describe("Concord → gmcr-py → Concord (random models)", () => {
  it("keeps the feasible states, the one-way options, every decision maker's payoffs and the states it does not perceive, options with alternatives included", () => {
    fc.assert(
      fc.property(
        fc.record({
          dms: fc.integer({ min: 1, max: 3 }),
          options: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
          statements: fc.integer({ min: 0, max: 5 }),
          conditions: fc.integer({ min: 0, max: 4 }),
          rankings: fc.constantFrom("none", "all", "first"),
          seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
          // Options with alternatives are written as their yes/no options and read back as such: an equivalent model.
          alternatives: fc.constantFrom(undefined, 0.4),
        }),
        (p) => {
          let doc = generateModel({
            decisionMakers: p.dms,
            // With alternatives an option is up to 3 yes/no options: at most 2 per decision maker keeps the states few.
            options: p.options.slice(0, p.dms).map((n) => (p.alternatives !== undefined ? Math.min(n, 2) : n)),
            statements: p.statements,
            conditions: p.conditions,
            oneWay: 0.3,
            seed: p.seed,
            ...(p.alternatives !== undefined ? { alternatives: p.alternatives } : {}),
          });
          const first = validateDocument(doc);
          fc.pre(first.ok);
          if (!first.ok) return;
          if (p.rankings !== "none") {
            const ranked = randomRankings(doc, first.value.space!.size, p.seed);
            const dms = doc.model!.decisionMakers.map((dm, d) => (p.rankings === "all" || d === 0 ? ranked.model!.decisionMakers[d]! : dm));
            doc = { ...doc, model: { ...doc.model!, decisionMakers: dms } };
          }
          // Misperceived states for the first decision maker: a literal, or an OR of two.
          const ids = first.value.space!.model.options.map((o) => `(${optionName(first.value.space!.model, o.index)})`);
          const blind = p.seed % 3 === 0 ? [] : [p.seed % 3 === 1 ? `-${ids[p.seed % ids.length]!}` : `${ids[0]!} | -${ids[ids.length - 1]!}`];
          if (blind.length > 0) doc = { ...doc, model: { ...doc.model!, decisionMakers: doc.model!.decisionMakers.map((dm, d) => (d === 0 ? { ...dm, doesNotPerceive: blind } : dm)) } };
          const before = validateDocument(doc);
          if (!before.ok) throw new Error(before.problems.map(formatProblem).join("\n"));
          const space = before.value.space!;
          const after = load(formatGmcr(exported(space))).space!;
          expect(Array.from({ length: after.size }, (_, s) => after.vector(asStateIndex(s)))).toEqual(Array.from({ length: space.size }, (_, s) => space.vector(asStateIndex(s))));
          expect(after.model.options.map((o) => [o.label, o.oneWay, o.dm])).toEqual(space.model.options.map((o) => [o.label, o.oneWay, o.dm]));
          space.model.decisionMakers.forEach((dm, d) => {
            const dm2 = after.model.decisionMakers[d]!;
            expect(dm2.name).toBe(dm.name);
            expect(Array.from(computePayoffs(after, dm2).payoff)).toEqual(Array.from(computePayoffs(space, dm).payoff));
          });
          expect(unperceivedStates(after).map((u) => u && Array.from(u))).toEqual(unperceivedStates(space).map((u) => u && Array.from(u)));
        },
      ),
      { numRuns: 200 },
    );
  });
});

/**
 * Each bad file in test/bad-files/gmcr/ and everything `concord validate` must say
 * about it (file:line:column: path in the .gmcr file: message).
 */
const BAD_FILES: Record<string, string[]> = {
  "bad-direction.gmcr": ['bad-direction.gmcr:4:48: options[1].permittedDirection: expected one of "both", "fwd", "back", found text "forward"'],
  "bad-yes-no.gmcr": ['bad-yes-no.gmcr:8:56: decisionMakers[1].preferences[0][0][1]: expected "Y" (option taken) or "N" (not taken), found text "yes"'],
  "condition-not-a-list-of-pairs.gmcr": ['condition-not-a-list-of-pairs.gmcr:10:19: infeasibles[0]: expected a list of pairs [optionIndex, "Y" or "N"], found a single pair; write [[0,"Y"]]'],
  "decision-maker-without-options.gmcr": ['decision-maker-without-options.gmcr:7:30: decisionMakers[1].options: decision maker "b" controls no option; expected at least one'],
  "duplicate-decision-maker-name.gmcr": ['duplicate-decision-maker-name.gmcr:8:14: decisionMakers[1].name: two decision makers are named "A"; names must differ'],
  "empty.gmcr": ["empty.gmcr: not valid JSON (gmcr-py files are JSON): Unexpected end of JSON input"],
  "missing-decision-makers.gmcr": ['missing-decision-makers.gmcr:1:1: decisionMakers: missing required key "decisionMakers"; expected a list'],
  "missing-preferences.gmcr": ['missing-preferences.gmcr:8:5: decisionMakers[1].preferences: missing required key "preferences"; expected a list of preference statements, most important first'],
  "no-feasible-state.gmcr": ["no-feasible-state.gmcr:10:18: infeasibles: no state is feasible: the feasibility conditions together remove every combination of options"],
  "not-an-object.gmcr": ['not-an-object.gmcr:1:1: expected a gmcr-py save file: a JSON object with "options" and "decisionMakers", found a list'],
  "not-json.gmcr": ["not-json.gmcr:4:1: not valid JSON (gmcr-py files are JSON): Expected double-quoted property name in JSON at position 139"],
  "option-index-out-of-range.gmcr": ["option-index-out-of-range.gmcr:8:53: decisionMakers[1].preferences[0][0][0]: option index 5 is out of range; expected 0 to 1 (the file has 2 options)"],
  "option-with-two-owners.gmcr": ['option-with-two-owners.gmcr:8:31: decisionMakers[1].options[0]: option 0 ("Attack") is already controlled by decision maker 0 ("A"); each option must belong to exactly one decision maker'],
  "option-without-owner.gmcr": ['option-without-owner.gmcr:5:5: options[2]: option 2 ("Mediate") is controlled by no decision maker; expected exactly one decision maker to list 2 in its "options"'],
  "owned-option-out-of-range.gmcr": ["owned-option-out-of-range.gmcr:7:34: decisionMakers[0].options[1]: option index 2 is out of range; expected 0 to 1 (the file has 2 options)"],
  "ranking-misses-state.gmcr": ["ranking-misses-state.gmcr:8:75: decisionMakers[1].preferenceRanking: the ranking misses 1 of 4 feasible states (e.g. state 1); expected every feasible state exactly once"],
  "ranking-missing.gmcr": ['ranking-missing.gmcr:8:5: decisionMakers[1].preferenceRanking: missing required key "preferenceRanking": the file ranks states by hand ("useManualPreferenceRanking": true), so every decision maker needs a ranking, most preferred state first'],
  "ranking-repeats-state.gmcr": ["ranking-repeats-state.gmcr:7:83: decisionMakers[0].preferenceRanking[1][1]: state 1 appears more than once in the ranking (also at preferenceRanking[0]); expected every feasible state exactly once"],
  "ranking-unknown-state.gmcr": ["ranking-unknown-state.gmcr:9:84: decisionMakers[0].preferenceVector[3]: state 4 does not exist; the model has states 1 to 3"],
};

describe("bad gmcr-py files", () => {
  const dir = new URL("test/bad-files/gmcr/", ROOT);
  it("has an expected message for every file in test/bad-files/gmcr/ and a file for every message", () => {
    expect(readdirSync(dir).sort()).toEqual(Object.keys(BAD_FILES).sort());
  });
  for (const [file, expected] of Object.entries(BAD_FILES)) {
    it(`reports ${file}`, () => {
      const r = loadScenario(readFileSync(new URL(file, dir), "utf8"), { file });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems.map(formatProblem)).toEqual(expected);
    });
  }
});
