import { describe, expect, it } from "vitest";
import { day, recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import { timeline } from "./timeline.js";

const ids = (xs: readonly { id: string }[]): string[] => xs.map((x) => x.id);

describe("timeline", () => {
  const doc = recordSmall();
  const record = recordOf(doc);

  it("orders by first possible day, then events, documents, statements, then document order", () => {
    expect(ids(timeline(record))).toEqual([
      "signing", "ceasefire", // 2023-08-31: the event before the document
      "opening", "draft-1", "north-ready", // 2024-01-10
      "answer-1",
      "hearing", "east-mandate", // 2024-02-01
      "draft-2",
      "pledge", // 2024-03 sorts at 2024-03-01
      "direct-offer", "pundit-mandate", // 2024-03-05
      "union-mandate",
      "march-round",
      "signing-deadline",
      "incident",
      "south-late",
    ]);
  });

  it("describes each entry with its date precision, kind, actors and sources", () => {
    const [pledge] = timeline(record, { kinds: ["letter"] });
    expect(pledge).toEqual({
      date: "2024-03", day: "2024-03-01", precision: "month", approximate: false,
      type: "document", id: "pledge", kind: "letter", title: "Southland's letter on prisoners",
      actors: ["south", "north", "union"], sources: ["s-month"],
    });
    const [pundit] = timeline(record, { kinds: ["prediction"] });
    expect(pundit).toMatchObject({ type: "statement", kind: "opinion/prediction", title: "The monitors' mandate expires in a year.", actors: ["pundit"] });
  });

  it("keeps entries that overlap the period, including a month-precision date", () => {
    expect(ids(timeline(record, { from: day("2024-03-02"), to: day("2024-03-20") }))).toEqual(["pledge", "direct-offer", "pundit-mandate", "union-mandate"]);
    expect(ids(timeline(record, { to: day("2023-12-31") }))).toEqual(["signing", "ceasefire"]);
  });

  it("filters by actor, by type and by kind", () => {
    expect(ids(timeline(record, { actor: "union" }))).toEqual(["opening", "hearing", "pledge", "union-mandate", "march-round"]);
    expect(ids(timeline(record, { kinds: ["statement"] }))).toEqual(["north-ready", "east-mandate", "pundit-mandate", "union-mandate", "south-late"]);
    expect(ids(timeline(record, { kinds: ["proposal"] }))).toEqual(["draft-1", "draft-2", "direct-offer"]);
    expect(ids(timeline(record, { kinds: ["meeting", "hearing"], actor: "south" }))).toEqual(["opening", "march-round"]);
  });

  it("places a span (A/B) at its first day and keeps it while any of it overlaps the period", () => {
    const spanned = recordOf({ ...doc, model: undefined, statements: [{ id: "sometime", speaker: "pundit", date: "2023-11/2024-01-15", kind: "reported-fact" as const, quote: "It was said.", sources: ["s-jan"] }] });
    const [e] = timeline(spanned, { kinds: ["statement"] });
    expect(e).toMatchObject({ id: "sometime", day: "2023-11-01", precision: "range" });
    expect(ids(timeline(spanned, { from: day("2024-01-15"), kinds: ["statement"] }))).toEqual(["sometime"]);
    expect(ids(timeline(spanned, { from: day("2024-01-16"), kinds: ["statement"] }))).toEqual([]);
  });

  it("counts an actor's members (memberOf) as the actor", () => {
    const withMinister = recordOf({
      ...doc,
      model: undefined,
      actors: [...doc.actors!, { id: "minister", name: "Northland's minister", memberOf: ["north"] }],
      statements: [{ id: "minister-says", speaker: "minister", date: "2024-02-02", kind: "opinion" as const, quote: "Soon.", sources: ["s-feb"] }],
    });
    expect(ids(timeline(withMinister, { actor: "north", kinds: ["statement"] }))).toEqual(["minister-says"]);
  });
});
