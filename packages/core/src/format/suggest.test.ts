import { describe, expect, it } from "vitest";
import { closest, editDistance } from "./suggest.js";

describe("did-you-mean suggestions", () => {
  it("suggests the key or id a typo most likely meant", () => {
    const keys = ["id", "name", "actor", "options", "preferences", "ranking", "note", "evidence"];
    expect(closest("prefrences", keys)).toBe("preferences");
    expect(closest("Ranking", keys)).toBe("ranking");
    expect(closest("optoins", keys)).toBe("options");
    expect(closest("lable", ["id", "label", "oneWay"])).toBe("label");
  });

  it("does not suggest a far-fetched match", () => {
    // "kind" is two edits from "id", too many for a four-letter word.
    expect(closest("kind", ["id", "name"])).toBeUndefined();
    expect(closest("colour", ["concord", "id", "title"])).toBeUndefined();
    // One- and two-letter names only match up to case.
    expect(closest("x", ["y", "z"])).toBeUndefined();
    expect(closest("X", ["x"])).toBe("x");
  });

  it("counts swapping two neighbours as one edit and caps at the limit", () => {
    expect(editDistance("titel", "title", 3)).toBe(1);
    expect(editDistance("abc", "abc", 3)).toBe(0);
    expect(editDistance("abcdef", "a", 2)).toBe(3);
  });
});
