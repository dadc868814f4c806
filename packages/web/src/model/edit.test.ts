// The editor's in-place edits: each changes only what it says, leaves every other line
// as written (comments included), and gives a scenario the validator accepts.
import { describe, expect, it } from "vitest";
import { validate } from "@concord/app";
import { addItem, moveItem, readModel, removeItem, scalarText, setValue } from "./edit";

const TEXT = `concord: 1
id: tiny
title: A tiny fictional conflict
# a comment that must survive
actors:
  - { id: a, name: Side A, kind: state, roles: [party] }
  - { id: b, name: Side B, kind: state, roles: [party] }
model:
  decisionMakers:
    - id: a
      name: A
      actor: a
      options:
        - id: talk
          label: Talk
      preferences:
        - statement: talk   # A wants talks
          note: first
        - -fight
    - id: b
      actor: b
      options:
        - id: fight
          label: Fight
      preferences:
        - -fight
        - talk
  feasibility:
    - infeasible: talk & fight
question: What holds after the model?
`;

const valid = (t: string): true | string => {
  const v = validate({ text: t, file: "t.yaml" });
  return v.ok ? true : v.problems.map((p) => p.message).join("; ");
};
const prefs = (t: string, d: number) => readModel(t).model!.decisionMakers![d]!.preferences;

describe("editing the model in place", () => {
  it("reads the model section only, as plain data", () => {
    expect(valid(TEXT)).toBe(true);
    expect(prefs(TEXT, 0)).toEqual([{ statement: "talk", note: "first" }, "-fight"]);
    expect(readModel("concord: 1\nid: x\n").model).toBeNull();
  });

  it("sets a statement, keeping its comment and every other line", () => {
    const t = setValue(TEXT, ["decisionMakers", 0, "preferences", 0, "statement"], "-talk | fight");
    expect(t).toBe(TEXT.replace("- statement: talk   # A wants talks", "- statement: -talk | fight   # A wants talks"));
    expect(valid(t)).toBe(true);
  });

  it("quotes what would not read back as the same string", () => {
    expect(scalarText("talk IF -fight")).toBe("talk IF -fight");
    expect(scalarText("yes")).toBe('"yes"');
    expect(scalarText("a: b")).toBe('"a: b"');
    expect(scalarText("- x")).toBe('"- x"');
    const t = setValue(TEXT, ["decisionMakers", 0, "name"], "A: the first side");
    expect(readModel(t).model!.decisionMakers![0]!.name).toBe("A: the first side");
  });

  it("marks a bare statement as an estimate by making it a mapping, and adds a missing key after the first", () => {
    const t = setValue(TEXT, ["decisionMakers", 1, "preferences", 1, "estimate"], true);
    expect(prefs(t, 1)).toEqual(["-fight", { statement: "talk", estimate: true }]);
    const u = setValue(TEXT, ["decisionMakers", 0, "preferences", 0, "estimate"], true);
    expect(prefs(u, 0)).toEqual([{ statement: "talk", estimate: true, note: "first" }, "-fight"]);
    expect(valid(t)).toBe(true);
    expect(valid(u)).toBe(true);
  });

  it("moves, removes and adds statements, options and conditions", () => {
    const moved = moveItem(TEXT, ["decisionMakers", 0, "preferences"], 0, 1);
    expect(prefs(moved, 0)).toEqual(["-fight", { statement: "talk", note: "first" }]);
    expect(moveItem(moved, ["decisionMakers", 0, "preferences"], 1, -1)).toBe(TEXT);
    expect(prefs(removeItem(TEXT, ["decisionMakers", 1, "preferences"], 0), 1)).toEqual(["talk"]);
    const added = addItem(TEXT, ["decisionMakers", 1, "preferences"], "{ statement: fight IF talk }");
    expect(prefs(added, 1)).toEqual(["-fight", "talk", { statement: "fight IF talk" }]);
    const opt = addItem(TEXT, ["decisionMakers", 1, "options"], '{ id: leave, label: "Leave" }');
    expect(readModel(opt).model!.decisionMakers![1]!.options!.map((o) => o.id)).toEqual(["fight", "leave"]);
    const feas = addItem(TEXT, ["feasibility"], '{ infeasible: "-talk & -fight" }');
    expect(readModel(feas).model!.feasibility).toEqual([{ infeasible: "talk & fight" }, { infeasible: "-talk & -fight" }]);
    for (const t of [moved, added, opt, feas]) {
      expect(valid(t)).toBe(true);
      expect(t).toContain("# a comment that must survive");
      expect(t.endsWith("question: What holds after the model?\n")).toBe(true);
    }
  });

  it("leaves the text alone for a path that is not there", () => {
    expect(setValue(TEXT, ["decisionMakers", 5, "name"], "x")).toBe(TEXT);
    expect(removeItem(TEXT, ["decisionMakers", 0, "preferences"], 9)).toBe(TEXT);
    expect(moveItem(TEXT, ["decisionMakers", 0, "preferences"], 1, 1)).toBe(TEXT);
  });
});
