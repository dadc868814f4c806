import { describe, expect, it } from "vitest";
import { recordSmall } from "../../../../test/fixtures/record.js";
import { decisionMakerEvidence } from "./evidence.js";

describe("a decision maker's evidence", () => {
  const doc = recordSmall();

  it("resolves statements, sources and events to quotes, speakers, dates and sources", () => {
    const r = decisionMakerEvidence(doc, "North");
    if ("error" in r) throw new Error(r.error);
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
    const r = decisionMakerEvidence(doc, "sudland");
    if ("error" in r) throw new Error(r.error);
    expect(r.decisionMaker.id).toBe("South");
    expect(r.preferences[0]!.evidence[0]).toMatchObject({ kind: "document", id: "answer-1", title: "Southland's comments on the first draft", actors: ["south"], date: "2024-01-31" });
  });

  it("says which decision makers exist when none matches", () => {
    expect(decisionMakerEvidence(doc, "West")).toEqual({ error: 'no decision maker matches "West"; expected one of Northland, Southland' });
  });
});
