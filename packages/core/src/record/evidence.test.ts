import { describe, expect, it } from "vitest";
import { recordSmallLoaded } from "../../../../test/fixtures/record.js";
import { findDecisionMaker } from "../scenario/decision-maker.js";
import { decisionMakerEvidence } from "./evidence.js";

describe("a decision maker's evidence", () => {
  const { scenario } = recordSmallLoaded();
  const evidenceOf = (query: string) => {
    const d = findDecisionMaker(scenario, query);
    if (!d.ok) throw new Error(d.problems[0]!.message);
    return decisionMakerEvidence(scenario.model!, d.value, scenario.record);
  };

  it("resolves statements, sources and events to quotes, speakers, dates and sources", () => {
    const r = evidenceOf("North");
    expect(r.decisionMaker).toEqual({ id: "North", name: "Northland", actor: "north" });
    expect(r.preferences).toHaveLength(1);
    expect(r.preferences[0]!.statement).toBe("sign");
    expect(r.preferences[0]!.evidence).toEqual([
      {
        kind: "statement", id: "north-ready", quote: "We are ready to sign within weeks.", actors: ["north"], date: "2024-01-10", title: "commitment",
        sources: [{ id: "s-jan", title: "Talks open under Union auspices", publisher: "Test Wire", date: "2024-01-10", language: "en" }],
      },
      {
        kind: "source", id: "s-mar", quote: "Northland handed its second draft on 29 February.",
        sources: [{ id: "s-mar", title: "Northland's second draft", publisher: "Test Gazette", date: "2024-03-05" }],
      },
      {
        kind: "event", id: "incident", note: "invented later event, dropped as of March", actors: ["north", "south"], date: "2024-05-15", title: "Border incident",
        sources: [{ id: "s-late", title: "Border incident", publisher: "Test Wire", date: "2024-05-16" }],
      },
    ]);
    expect(r.options.map((o) => [o.id, o.evidence.map((e) => e.id)])).toEqual([["sign", ["north-ready"]]]);
    expect(r.unsupported).toBe(0);
    expect(r.ranking).toBe(false);
  });

  it("finds a decision maker by its actor's alias, in any case; documents cite their authors", () => {
    const r = evidenceOf("sudland");
    expect(r.decisionMaker.id).toBe("South");
    expect(r.preferences[0]!.evidence[0]).toMatchObject({ kind: "document", id: "answer-1", title: "Southland's comments on the first draft", actors: ["south"], date: "2024-01-31" });
  });

  it("finds a decision maker by the start of a name or id, and says which exist when none or several match", () => {
    expect(findDecisionMaker(scenario, "sou")).toEqual({ ok: true, value: 1 });
    expect(findDecisionMaker(scenario, "NORTHL")).toEqual({ ok: true, value: 0 });
    expect(findDecisionMaker(scenario, "West")).toEqual({
      ok: false,
      problems: [{ code: "usage", path: [], message: 'no decision maker matches "West"; expected the name or id of one, or its start: Northland (North), Southland (South)' }],
    });
    // "land" is inside both names but starts neither.
    expect(findDecisionMaker(scenario, "land").ok).toBe(false);
  });
});
