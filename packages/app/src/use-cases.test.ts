// The application layer's contract: plain data in, core's Result with serialisable
// values out — states numbered from 1, decision makers keyed by id, bad options as
// "usage" problems at the option's name.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  analyze,
  asOf,
  brief,
  compare,
  contradictions,
  convert,
  deadlines,
  evidence,
  explain,
  exportRecord,
  importEvents,
  openScenario,
  reportData,
  states,
  statusQuo,
  timeline,
  validate,
  waiting,
  type Result,
  type ScenarioSource,
} from "./index.js";

const read = (path: string): ScenarioSource => {
  const file = fileURLToPath(new URL(`../../../${path}`, import.meta.url));
  return { text: readFileSync(file, "utf8"), file: path };
};
const PD = read("scenarios/prisoners-dilemma.yaml");
const ELMIRA = read("scenarios/elmira.yaml");
const RECORD = read("test/fixtures/record-small.yaml");
const SEED = read("scenarios/armenia-azerbaijan-2023.yaml");

function value<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.problems.map((p) => p.message).join("\n"));
  return r.value;
}

/** JSON-safe: no typed arrays, classes, Maps or undefined properties; survives a round trip unchanged. */
function expectSerialisable(x: unknown): void {
  expect(JSON.parse(JSON.stringify(x))).toStrictEqual(x);
}

describe("every use case returns plain, serialisable data", () => {
  it("for the model", async () => {
    const results = [
      value(validate(PD)),
      value(states(PD)),
      value(await analyze(PD, { horizon: 2, nonMyopic: true })),
      value(await explain(ELMIRA, { state: 1, dm: "moe" })),
      value(await statusQuo(ELMIRA)),
      value(convert(PD, { to: "gmcr" })),
    ];
    for (const r of results) expectSerialisable(r);
  });

  it("for the record", async () => {
    const results = [
      value(timeline(RECORD)),
      value(waiting(RECORD)),
      value(deadlines(RECORD)),
      value(contradictions(RECORD)),
      value(evidence(RECORD, { dm: "north" })),
      value(compare(RECORD, { later: "draft-2" })),
      value(asOf(RECORD, { date: "2024-02-01" })),
      value(exportRecord(RECORD, { to: "pax", all: true })),
      value(importEvents(RECORD, { text: "id,date,kind,title,sources\nx,2024-03-01,meeting,A meeting,s-mar\n" })),
      value(await reportData(RECORD)),
    ];
    for (const r of results) expectSerialisable(r);
  });
});

describe("one numbering and one key at every boundary", () => {
  it("numbers states from 1 and keys decision makers by id", async () => {
    const a = value(await analyze(PD));
    expect(a.states[0]!.id).toBe(1);
    expect(a.stability.nash).toEqual({ prisoner_a: [1, 3], prisoner_b: [1, 2] });
    expect(a.equilibria.nash).toEqual([1]);
    const s = value(states(PD));
    expect(s.states.map((x) => x.rank)).toEqual([
      { prisoner_a: 3, prisoner_b: 3 },
      { prisoner_a: 4, prisoner_b: 1 },
      { prisoner_a: 1, prisoner_b: 4 },
      { prisoner_a: 2, prisoner_b: 2 },
    ]);
  });

  it("takes state numbers from 1 and rejects 0 and beyond the last as a usage problem at the option", async () => {
    expect(value(await explain(PD, { state: "4", dm: "Prisoner A", concepts: "nash" }))[0]).toMatchObject({ state: 4, stable: false });
    for (const state of [0, 5, "x", "", 1.5, "0x3", "3e0"]) {
      expect(await explain(PD, { state, dm: "Prisoner A" })).toEqual({
        ok: false,
        problems: [{ code: "usage", path: ["state"], message: `expected a state number from 1 to 4 (decimal digits), found "${state}"` }],
      });
    }
  });

  it("finds a decision maker by id, name, alias or a unique start, with one lookup everywhere", async () => {
    for (const dm of ["prisoner_b", "PRISONER B", "prisoner b"]) expect(value(await explain(PD, { state: 1, dm, concepts: "nash" }))[0]!.decisionMaker).toBe("Prisoner B");
    // A unique start of a name in explain, as in evidence (explain's own lookup once took whole names only).
    expect(value(await explain(ELMIRA, { state: 1, dm: "Uni", concepts: "nash" }))[0]!.decisionMaker).toBe("Uniroyal");
    const ambiguous = await explain(PD, { state: 1, dm: "pris" });
    expect(ambiguous.ok ? [] : ambiguous.problems).toMatchObject([{ code: "usage", path: ["dm"] }]);
    expect(value(evidence(RECORD, { dm: "sud" })).decisionMaker.id).toBe("South");
    expect(value(evidence(RECORD, { dm: "Nor" })).decisionMaker.id).toBe("North");
  });
});

describe("the day of a record view", () => {
  const noDate: ScenarioSource = { ...RECORD, text: RECORD.text.replace("asOf: 2024-03-31\n", "") };
  const noEntries: ScenarioSource = { text: "concord: 1\nid: t\ntitle: T\ntracks: [{ id: t, name: T, format: bilateral }]\n" };

  it("is the day asked for, else the scenario's asOf, else the record's last date, else today as the surface says", () => {
    expect(value(waiting(RECORD, { asOf: "2024-02" }))).toMatchObject({ asOf: "2024-02-29", asOfFrom: "option" });
    expect(value(waiting(RECORD, { today: "2030-01-01" }))).toMatchObject({ asOf: "2024-03-31", asOfFrom: "scenario" });
    // The last day any entry can mean: the statement dated 2024-05-20.
    expect(value(waiting(noDate, { today: "2030-01-01" }))).toMatchObject({ asOf: "2024-05-20", asOfFrom: "record" });
    expect(value(deadlines(noEntries, { today: "2030-01-01" }))).toMatchObject({ asOf: "2030-01-01", asOfFrom: "today" });
  });

  it("is a usage problem when it is not a date or nothing gives one", () => {
    expect(waiting(RECORD, { asOf: "2023-13-40" })).toEqual({ ok: false, problems: [{ code: "usage", path: ["asOf"], message: 'month 13 is not between 01 and 12 in "2023-13-40"' }] });
    expect(asOf(RECORD, { date: "soon" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["date"] }] });
    expect(deadlines(noEntries)).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["asOf"] }] });
  });
});

describe("problems instead of exceptions", () => {
  it("a bad file, a missing model and bad options are problems, with the file where it helps", async () => {
    const bad: ScenarioSource = { text: "concord: 1\nid: x\n", file: "x.yaml" };
    expect(validate(bad)).toMatchObject({ ok: false, problems: [{ code: "missing", file: "x.yaml", line: 1 }] });
    const recordOnly: ScenarioSource = { text: "concord: 1\nid: r\ntitle: R\n", file: "r.yaml" };
    expect(states(recordOnly)).toEqual({
      ok: false,
      problems: [{ code: "missing", path: [], file: recordOnly.file, message: 'the scenario has no model (no "model" section), so it has no states' }],
    });
    expect(await analyze(PD, { concepts: "nash,gmrr" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["concepts"] }] });
    expect(await analyze(ELMIRA, { horizon: 2 })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["horizon"] }] });
    expect(timeline(RECORD, { kinds: "meating" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["kinds"] }] });
    expect(timeline(RECORD, { actor: "Westland" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["actor"] }] });
    expect(compare(RECORD, { later: "nope" })).toMatchObject({ ok: false, problems: [{ code: "usage", message: 'unknown document "nope"' }] });
    expect(await statusQuo(read("test/gmcr/prisoners-dilemma.gmcr"))).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["from"] }] });
  });

  it("a bad CSV row is reported at its line in the CSV, and nothing is handed back to write", () => {
    const r = importEvents(RECORD, { text: "id,date,kind,title,sources\nbad,2023-13-40,meeting,Talks,s-mar\n", file: "e.csv" });
    expect(r).toEqual({ ok: false, problems: [{ code: "date", path: [], line: 2, file: "e.csv", message: 'column "date": month 13 is not between 01 and 12 in "2023-13-40"' }] });
  });
});

describe("the report and the brief", () => {
  it("make the brief alone, as HTML or as Markdown with its picture beside it, with what changed since a day", async () => {
    const html = value(await brief(SEED, { since: "2023-11-01" }));
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect(html.files).toEqual([]);
    expect(html.data.asOf).toBe("2023-12-07");
    expect(html.data.since!.answer[0]!.text).toMatch(/^Since 1 November 2023 the record has /);
    expectSerialisable(html.data);
    const md = value(await brief(SEED, { format: "md", asOf: "2023-12-07" }));
    expect(md.files.map((f) => f.name)).toEqual(["armenia-azerbaijan-2023-brief-paths.svg"]);
    expect(md.data.since).toBeUndefined();
    // The report carries the same brief on top.
    const data = value(await reportData(SEED, { since: "2023-11-01" }));
    expect(data.brief).toEqual(html.data);
  });

  it("refuse a day that is not a date, or a since not before the record's day, as a usage problem at the option", async () => {
    expect(await brief(SEED, { since: "2023-13-01" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["since"] }] });
    expect(await brief(SEED, { asOf: "soon" })).toMatchObject({ ok: false, problems: [{ code: "usage", path: ["asOf"] }] });
    // A fictional record dated 31 March 2024.
    expect(await reportData(RECORD, { since: "2024-04" })).toEqual({
      ok: false,
      problems: [{ code: "usage", path: ["since"], message: 'expected a day before the record\'s day (2024-03-31), found "2024-04"' }],
    });
    // The record's day may be asked for, and since must come before it.
    expect(value(await brief(SEED, { asOf: "2023-12-07", since: "2023-12-01" })).data.since).toBeDefined();
  });
});

describe("opening once", () => {
  it("an opened scenario serves several use cases, with the same results as its text", async () => {
    const opened = value(openScenario(PD));
    expect(value(await analyze(opened))).toEqual(value(await analyze(PD)));
    expect(value(states(opened))).toEqual(value(states(PD)));
  });
});
