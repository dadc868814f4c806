/**
 * Use case: read events from CSV (the format of exportRecord's cameo) into a
 * scenario: new ids are added, known ids updated. The whole result is checked
 * before it is handed back; in YAML, comments and the layout of events that did
 * not change are kept.
 */
import { cameoRowProblems, fail, importCameo, loadScenario, ok, validateDocument, type Problem, type Result } from "@concord/core";
import { isMap, isSeq, parseDocument } from "yaml";
import { openScenario, type ScenarioSource } from "./source.js";

export interface ImportEventsOptions {
  /** The format of the scenario text returned; default: JSON for a .json scenario, else YAML. */
  readonly format?: "yaml" | "json";
}

export interface ImportEventsResult {
  /** Event ids added, changed and found identical, in CSV order. */
  readonly added: readonly string[];
  readonly updated: readonly string[];
  readonly unchanged: readonly string[];
  /** The scenario with the events imported, ready to be written. */
  readonly text: string;
  /** Cells that a spreadsheet would evaluate as formulas, at their CSV line (kept as text). */
  readonly warnings: readonly Problem[];
}

/** `csv.file` names the CSV in problems about its rows; `into.file` the scenario in problems about it. */
export function importEvents(into: ScenarioSource, csv: { readonly text: string; readonly file?: string }, options: ImportEventsOptions = {}): Result<ImportEventsResult> {
  const opened = openScenario(into);
  if (!opened.ok) return opened;
  // Problems in the CSV's rows are at their line in the CSV; the rest are in the scenario.
  const placed = (problems: readonly Problem[]): Result<never> => {
    const file = (p: Problem): string | undefined => (p.line !== undefined && p.path.length === 0 ? csv.file : into.file);
    return fail(problems.map((p) => ({ ...p, ...(file(p) !== undefined ? { file: file(p) } : {}) })));
  };
  const imported = importCameo(csv.text, opened.value.scenario.document);
  if (!imported.ok) return placed(imported.problems);
  const r = imported.value;
  // The scenario with the events in must be valid as a whole; problems in imported rows are reported at their CSV line.
  const whole = validateDocument(r.document);
  if (!whole.ok) return placed(cameoRowProblems(whole.problems, r));
  const json = (options.format ?? (/\.json$/i.test(into.file ?? "") ? "json" : "yaml")) === "json";
  const text = json ? JSON.stringify(r.document, null, 2) + "\n" : yamlWithEvents(into.text, r.document.events ?? [], r.added, r.updated);
  // What is handed back must load: check before anyone writes it.
  const check = loadScenario(text, { format: json ? "json" : "yaml" });
  if (!check.ok) return fail([{ code: "internal", path: [], message: `import produced an invalid scenario: ${check.problems.map((p) => p.message).join("; ")}` }]);
  const warnings = r.warnings.map((p) => ({ ...p, ...(csv.file !== undefined ? { file: csv.file } : {}) }));
  return ok({ added: r.added, updated: r.updated, unchanged: r.unchanged, text, warnings });
}

/** The scenario's YAML with only the added and updated events rewritten, so comments elsewhere stay. */
function yamlWithEvents(text: string, events: readonly { id: string }[], added: readonly string[], updated: readonly string[]): string {
  const doc = parseDocument(text);
  const seq = doc.get("events", true);
  if (!isSeq(seq)) {
    doc.set("events", doc.createNode(events));
    return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  for (const id of updated) {
    const k = seq.items.findIndex((item) => isMap(item) && item.get("id") === id);
    seq.items[k] = doc.createNode(events.find((e) => e.id === id));
  }
  for (const id of added) seq.items.push(doc.createNode(events.find((e) => e.id === id)));
  return doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}
