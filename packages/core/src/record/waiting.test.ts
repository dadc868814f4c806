import { describe, expect, it } from "vitest";
import { day, recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import type { ScenarioDocument } from "../format/schema.js";
import { waiting } from "./waiting.js";

describe("waiting", () => {
  const doc = recordSmall();
  const record = recordOf(doc);

  it("on the scenario's date: who awaits whose answer, for how many days", () => {
    const w = waiting(record, day("2024-03-31"));
    expect(w.asOf).toBe("2024-03-31");
    expect(w.waiting.map((x) => [x.id, x.from, x.awaiting, x.minDays, x.maxDays])).toEqual([
      // 29 February to 31 March: 31 days.
      ["draft-2", ["north"], ["south"], 31, 31],
      // Dated only to the month: between 0 and 30 days.
      ["pledge", ["south"], ["north", "union"], 0, 30],
      // A proposal made as an event waits too.
      ["direct-offer", ["south"], ["north"], 26, 26],
    ]);
  });

  it("answered and superseded documents no longer wait", () => {
    expect(waiting(record, day("2024-01-20")).waiting.map((x) => [x.id, x.minDays])).toEqual([["draft-1", 10]]);
    // draft-1 answered on 31 January; the answer waits for Northland.
    expect(waiting(record, day("2024-02-15")).waiting.map((x) => [x.id, x.awaiting, x.minDays])).toEqual([["answer-1", ["north"], 15]]);
  });

  it("who holds the pen on each track", () => {
    expect(waiting(record, day("2024-02-15")).pens).toEqual([
      { track: "t-union", name: "Union-mediated talks", document: "answer-1", since: "2024-01-31", minDays: 15, maxDays: 15, state: "awaiting-answer", holders: ["north"] },
      { track: "t-east", name: "Eastern format", document: "ceasefire", since: "2023-08-31", minDays: 168, maxDays: 168, state: "agreed", holders: [] },
    ]);
    const pens = waiting(record, day("2024-03-31")).pens;
    expect(pens.map((p) => [p.track, p.state, p.holders, p.document])).toEqual([
      ["t-union", "awaiting-answer", ["south"], "draft-2"],
      ["t-east", "agreed", [], "ceasefire"],
      ["t-direct", "no-text", [], undefined],
    ]);
  });

  it("a text answered by an event (not by a new text) hands the pen back to its authors", () => {
    const rejected: ScenarioDocument = {
      ...doc,
      events: [...doc.events!, { id: "reject", title: "Southland rejects the second draft", kind: "response", date: "2024-03-30", by: ["south"], answers: "draft-2", sources: ["s-mar20"] }],
    };
    const w = waiting(recordOf(rejected), day("2024-03-31"));
    expect(w.waiting.map((x) => x.id)).toEqual(["pledge", "direct-offer"]);
    expect(w.pens[0]).toMatchObject({ track: "t-union", state: "answered-without-text", holders: ["north"] });
  });

  it("an answer from one recipient leaves the others awaited", () => {
    const partly: ScenarioDocument = {
      ...doc,
      documents: [...doc.documents!, { id: "north-reply", title: "Northland's reply", kind: "letter", author: "north", to: "south", answers: "pledge", date: "2024-03-15", sources: ["s-month"] }],
    };
    const pledge = waiting(recordOf(partly), day("2024-03-31")).waiting.find((x) => x.id === "pledge");
    expect(pledge).toMatchObject({ awaiting: ["union"], answered: ["north"] });
  });
});
