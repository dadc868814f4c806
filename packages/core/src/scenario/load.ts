/**
 * The one entry point from text to a validated Scenario: parse (YAML, JSON or a
 * gmcr-py file), check the structure against the schema, check the meaning, and
 * report every problem with file, line:column and path.
 */
import type { Problem, Result } from "../problems.js";
import { sortProblems } from "../problems.js";
import type { StateSpace } from "../statespace/space.js";
import { importGmcr } from "../interop/gmcr-py.js";
import { buildScenario } from "./build.js";
import { allowedKeys, issuesToProblems } from "../format/issues.js";
import { parseText, type ParsedText } from "./locate.js";
import { validParts } from "./prune.js";
import { closest } from "../format/suggest.js";
import { ScenarioPartsSchema, ScenarioSchema } from "../format/schema.js";
import type { Scenario } from "./types.js";
import { modelWarnings } from "./sanity.js";

export type InputFormat = "yaml" | "json" | "gmcr";

export interface LoadOptions {
  /** Shown in problems; also decides the format by its extension when `format` is absent. */
  readonly file?: string;
  readonly format?: InputFormat;
}

export interface Loaded {
  readonly scenario: Scenario;
  /** The feasible states, when the scenario has a model. */
  readonly space?: StateSpace;
  /** The file it was loaded from, as named in problems. */
  readonly file?: string;
}

export function detectFormat(file: string | undefined, value?: unknown): InputFormat {
  const ext = file?.toLowerCase().match(/\.([a-z]+)$/)?.[1];
  if (ext === "gmcr") return "gmcr";
  if (
    value !== null && typeof value === "object" && !Array.isArray(value) &&
    !("concord" in value) && "decisionMakers" in value && "options" in value
  ) return "gmcr";
  return ext === "json" ? "json" : "yaml";
}

export function loadScenario(text: string, options: LoadOptions = {}): Result<Loaded> {
  const { file } = options;
  const read = parseText(text, file);
  if (!read.ok) return read;
  const parsed = read.value;
  const format = options.format ?? detectFormat(file, parsed.value);

  const r = format === "gmcr" ? loadGmcr(text, parsed, file) : validateDocument(parsed.value, file, parsed);
  return r.ok && file !== undefined ? { ok: true, value: { ...r.value, file } } : r;
}

/**
 * A gmcr-py file: converted to a scenario document, then checked like any other.
 * Every problem is reported at its place in the gmcr-py file, including those found
 * only after conversion (e.g. a ranking that misses a feasible state).
 */
function loadGmcr(text: string, parsed: ParsedText, file: string | undefined): Result<Loaded> {
  // gmcr-py reads its files with Python's json module; the YAML parser would accept more.
  if (!/\.ya?ml$/i.test(file ?? "")) {
    try {
      JSON.parse(text);
    } catch (e) {
      // V8 may quote a snippet of the text, line breaks included: keep the report on one line.
      const message = (e as Error).message.replace(/\s*\n\s*/g, " ");
      const at = /at position (\d+)/.exec(message);
      const pos = at ? lineColumn(text, Number(at[1])) : {};
      return { ok: false, problems: [{ code: "syntax", path: [], message: `not valid JSON (gmcr-py files are JSON): ${message}`, ...(file ? { file } : {}), ...pos }] };
    }
  }
  const imported = importGmcr(parsed.value, file ? { file } : {});
  if (!imported.ok) return { ok: false, problems: place(imported.problems, parsed, file) };
  const r = validateDocument(imported.value.document);
  if (r.ok) return r;
  const { sourcePath } = imported.value;
  return { ok: false, problems: place(r.problems.map((p) => ({ ...p, path: sourcePath(p.path) })), parsed, file) };
}

/**
 * Warnings about a loaded model (see modelWarnings), placed at line:column in `text`
 * when it is the YAML or JSON the scenario was loaded from.
 */
export function scenarioWarnings(loaded: Loaded, text?: string): Problem[] {
  if (!loaded.space) return [];
  const warnings = modelWarnings(loaded.space);
  const parsed = text !== undefined ? parseText(text, loaded.file) : undefined;
  // A gmcr-py file has other paths: its warnings are named by path only.
  const located = parsed?.ok && detectFormat(loaded.file, parsed.value.value) !== "gmcr" ? parsed.value : undefined;
  return place(warnings, located, loaded.file);
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split("\n");
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * Validates a plain value as a scenario document: first its structure (the schema),
 * then the meaning of the parts whose structure is sound, so that one run reports
 * every problem. `located` maps paths to positions when known.
 */
export function validateDocument(value: unknown, file?: string, located?: ParsedText): Result<Loaded> {
  if (value === null || value === undefined) {
    const message = "the file holds no scenario (it is empty or only comments); expected a mapping with concord, id, title, …";
    return { ok: false, problems: [{ code: "type", path: [], message, ...(file ? { file } : {}), ...(located ? { line: 1, column: 1 } : {}) }] };
  }
  const r = ScenarioSchema.safeParse(value, { reportInput: true });
  if (r.success) {
    const built = buildScenario(r.data);
    if (built.problems.length > 0 || !built.scenario) return { ok: false, problems: place(built.problems, located, file) };
    return { ok: true, value: { scenario: built.scenario, ...(built.space ? { space: built.space } : {}) } };
  }
  const structural = structuralProblems(r.error.issues);
  // The meaning of what passed the structure check, reported at its place in the original.
  const parts = validParts(value, structural, ScenarioPartsSchema);
  const sound = ScenarioPartsSchema.safeParse(parts.value);
  const semantic = sound.success ? buildScenario(sound.data, parts.context).problems.map((p) => ({ ...p, path: parts.toOriginal(p.path) })) : [];
  return { ok: false, problems: place([...structural, ...semantic], located, file) };
}

/** The schema's issues as problems; a misspelt required key shows up once (unknown "titel"; did you mean "title"?), not also as missing. */
function structuralProblems(issues: Parameters<typeof issuesToProblems>[0]): Problem[] {
  const meant = new Set<string>();
  return issuesToProblems(issues)
    .map((p) => {
      if (p.code !== "unknown-key") return p;
      const allowed = allowedKeys(ScenarioSchema, p.path.slice(0, -1));
      const near = closest(String(p.path[p.path.length - 1]), allowed);
      if (near !== undefined) meant.add(JSON.stringify([...p.path.slice(0, -1), near]));
      const hint = near ? `; did you mean "${near}"?` : allowed.length ? `; expected one of ${allowed.join(", ")}` : "";
      return { ...p, message: `${p.message}${hint}` };
    })
    .filter((p) => !(p.code === "missing" && meant.has(JSON.stringify(p.path))));
}

function place(problems: readonly Problem[], located: ParsedText | undefined, file: string | undefined): Problem[] {
  return sortProblems(
    problems.map((p) => {
      const pos = p.line === undefined && located ? located.locate(p.path, p.code === "unknown-key", p.offset) : undefined;
      return { ...p, ...(file && !p.file ? { file } : {}), ...(pos ?? {}) };
    }),
  );
}
