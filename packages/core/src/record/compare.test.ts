import { describe, expect, it } from "vitest";
import { recordOf, recordSmall } from "../../../../test/fixtures/record.js";
import type { ScenarioDocument } from "../format/schema.js";
import { compareVersions } from "./compare.js";

describe("comparing versions article by article", () => {
  const doc = recordSmall();
  const record = recordOf(doc);
  const compared = (r: ReturnType<typeof compareVersions>) => {
    if (!r.ok) throw new Error(r.problems[0]!.message);
    return r.value;
  };

  it("compares a draft with the one it supersedes", () => {
    const r = compared(compareVersions(record, "draft-2"));
    expect([r.earlier, r.later]).toEqual(["draft-1", "draft-2"]);
    expect(r.articles.map((a) => [a.article, a.change, a.bracketed])).toEqual([
      ["1", "unchanged", false],
      ["2", "changed", false],
      ["3", "new", false],
    ]);
    expect(r.counts).toEqual({ unchanged: 1, changed: 1, new: 1, dropped: 0, bracketed: 0 });
  });

  it("lists dropped articles and marks bracketed wording", () => {
    const r = compared(compareVersions(record, "draft-1", "draft-2"));
    expect(r.articles.map((a) => [a.article, a.change, a.bracketed])).toEqual([
      ["1", "unchanged", false],
      ["2", "changed", true],
      ["3", "dropped", false],
    ]);
    const marked: ScenarioDocument = {
      ...doc,
      documents: doc.documents!.map((d) => (d.id === "draft-2" ? { ...d, articles: d.articles!.map((a) => (a.id === "1" ? { ...a, status: "agreed" as const } : a)) } : d)),
    };
    const m = compared(compareVersions(recordOf(marked), "draft-2"));
    expect(m.articles[0]).toMatchObject({ article: "1", marked: "agreed", change: "unchanged" });
  });

  it("says what is missing", () => {
    expect(compareVersions(record, "draft-1")).toEqual({ ok: false, problems: [{ code: "usage", path: ["later"], message: 'document "draft-1" supersedes no document; name the earlier version to compare with' }] });
    expect(compareVersions(record, "draft-9")).toEqual({ ok: false, problems: [{ code: "usage", path: ["later"], message: 'unknown document "draft-9"' }] });
  });
});
