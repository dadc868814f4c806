/**
 * gmcr-py interoperability: reads gmcr-py's `.gmcr` save files into Concord scenario
 * documents and writes Concord models back as `.gmcr` files. What maps to what, and
 * what is lost either way, is in docs/gmcr-py.md.
 *
 * State numbers line up with gmcr-py's: gmcr-py regroups options by decision maker
 * (decision makers in file order, each one's options in the order of its `options`
 * list) every time it loads or saves a file, then numbers feasible states by binary
 * value with the first option least significant. Concord's global option order is
 * that same grouping, so a ranking's state numbers mean the same states in both.
 */
import { toTerms, type Expr, type Term } from "../model/expression.js";
import type { ConflictModel, DecisionMakerInfo, PriorityStatement } from "../model/types.js";
import { fail, ok, type DocPath, type Problem, type Result } from "../problems.js";
import { describeValue, issuesToProblems } from "../format/issues.js";
import type { DecisionMakerDocument, ScenarioDocument } from "../format/schema.js";
import { computePayoffs } from "../statespace/payoffs.js";
import type { StateSpace } from "../statespace/space.js";
import {
  GmcrFileSchema,
  GmcrRankingSchema,
  type GmcrCompound,
  type GmcrCondition,
  type GmcrConjunction,
  type GmcrFile,
  type GmcrFileInput,
  type GmcrRanking,
} from "./gmcr-schema.js";

export interface GmcrImport {
  readonly document: ScenarioDocument;
  /** A path in `document` → the place in the gmcr-py file it came from (for reporting problems). */
  readonly sourcePath: (path: DocPath) => DocPath;
}

export interface GmcrImportOptions {
  /** The file's name: gives the scenario its id and title. */
  readonly file?: string;
}

type RankingKey = "preferenceRanking" | "preferenceVector";

/**
 * Converts a parsed gmcr-py save file into a Concord scenario document. Problems
 * have paths inside the gmcr-py file, e.g. `decisionMakers[1].preferences[0][0]`.
 * The document still has to pass `validateDocument` (which checks rankings against
 * the feasible states); `sourcePath` maps the paths of its problems back.
 */
export function importGmcr(value: unknown, options: GmcrImportOptions = {}): Result<GmcrImport> {
  if (value === null || value === undefined || typeof value !== "object" || Array.isArray(value)) {
    const found = value === null || value === undefined ? "nothing (an empty file or null)" : describeValue(value);
    return fail([{ code: "type", path: [], message: `expected a gmcr-py save file: a JSON object with "options" and "decisionMakers", found ${found}` }]);
  }
  const parsed = GmcrFileSchema.safeParse(value, { reportInput: true });
  if (!parsed.success) return fail(issuesToProblems(parsed.error.issues));
  const f = parsed.data;
  const manual = f.useManualPreferenceRanking ?? f.useManualPreferenceVectors ?? false;
  const manualKey = f.useManualPreferenceRanking !== undefined ? "useManualPreferenceRanking" : "useManualPreferenceVectors";

  const problems = checkOwners(f);
  const n = f.options.length;
  const checkCondition = (c: GmcrCondition, path: DocPath): void => {
    const members: [GmcrConjunction, DocPath][] = isCompound(c)
      ? c.members.map((m, j) => [m, [...path, "members", j]])
      : [[c, path]];
    for (const [conj, at] of members) {
      conj.forEach(([o], i) => {
        if (o >= n) problems.push({ code: "unknown-ref", path: [...at, i, 0], message: outOfRange(o, n) });
      });
    }
  };
  (f.infeasibles ?? []).forEach((c, i) => checkCondition(c, ["infeasibles", i]));

  const rankings: (GmcrRanking | undefined)[] = [];
  const rankingKeys: RankingKey[] = [];
  f.decisionMakers.forEach((dm, d) => {
    const path: DocPath = ["decisionMakers", d];
    dm.preferences?.forEach((c, k) => checkCondition(c, [...path, "preferences", k]));
    dm.misperceptions?.forEach((c, k) => checkCondition(c, [...path, "misperceptions", k]));
    if (dm.preferences === undefined && !manual) {
      problems.push({ code: "missing", path: [...path, "preferences"], message: `missing required key "preferences"; expected a list of preference statements, most important first` });
    }
    // gmcr-py reads preferenceRanking and falls back to the older preferenceVector.
    const key: RankingKey = dm.preferenceRanking === undefined && dm.preferenceVector !== undefined ? "preferenceVector" : "preferenceRanking";
    rankingKeys.push(key);
    if (!manual) return rankings.push(undefined);
    const raw = dm[key];
    if (raw === undefined) {
      problems.push({
        code: "missing",
        path: [...path, "preferenceRanking"],
        message: `missing required key "preferenceRanking": the file ranks states by hand ("${manualKey}": true), so every decision maker needs a ranking, most preferred state first`,
      });
      return rankings.push(undefined);
    }
    const r = GmcrRankingSchema.safeParse(raw, { reportInput: true });
    if (!r.success) {
      problems.push(...issuesToProblems(r.error.issues, [...path, key]));
      return rankings.push(undefined);
    }
    problems.push(...repeatedStates(r.data, [...path, key]));
    rankings.push(r.data);
  });
  if (problems.length > 0) return fail(problems);

  // Concord's option order: gmcr-py's regrouping (see the module comment).
  const order = f.decisionMakers.flatMap((dm) => dm.options);
  const position = new Map(order.map((o, i) => [o, i]));
  const optionIds = uniqueIds(order.map((o) => f.options[o]!.name), "option");
  const idOf = (o: number): string => optionIds[position.get(o)!]!;
  const text = conditionText(idOf, optionIds[0] ?? "x");

  const dmIds = uniqueIds(f.decisionMakers.map((dm) => dm.name), "dm");
  const decisionMakers: DecisionMakerDocument[] = f.decisionMakers.map((dm, d) => {
    const notes: string[] = [];
    const prefs = (dm.preferences ?? []).map(text);
    if (manual && prefs.length > 0) {
      notes.push(`The gmcr-py file also lists preference statements, unused because it ranks states by hand: ${prefs.map((p, k) => `${k + 1}. ${p}`).join("; ")}.`);
    }
    const misperceived = (dm.misperceptions ?? []).map(text);
    return {
      id: dmIds[d]!,
      name: dm.name,
      options: dm.options.map((o) => {
        const dir = f.options[o]!.permittedDirection;
        return { id: idOf(o), label: f.options[o]!.name, ...(dir === "fwd" ? { oneWay: "toY" as const } : dir === "back" ? { oneWay: "toN" as const } : {}) };
      }),
      ...(manual ? { ranking: rankings[d]!.map((e) => (typeof e === "number" ? e : [...e])) } : { preferences: prefs }),
      ...(misperceived.length > 0 ? { doesNotPerceive: misperceived } : {}),
      ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
    };
  });
  const feasibility = (f.infeasibles ?? []).map((c) => ({ infeasible: text(c) }));
  const coalitions = coalitionNote(f);

  const base = options.file?.split(/[\\/]/).pop();
  const stem = base?.replace(/\.[^.]*$/, "");
  const version = typeof f.version === "string" ? ` (saved by gmcr-py ${f.version})` : "";
  const document: ScenarioDocument = {
    concord: 1,
    id: slug(stem ?? "", "-") || "gmcr-import",
    title: stem || "gmcr-py model",
    description: `Imported from the gmcr-py file${base ? ` ${base}` : ""}${version}.`,
    model: {
      decisionMakers,
      ...(feasibility.length > 0 ? { feasibility } : {}),
      ...(coalitions ? { note: coalitions } : {}),
    },
  };

  const sourcePath = (path: DocPath): DocPath => {
    if (path[0] !== "model") return [];
    const [, section, i, key, j, ...rest] = path;
    if (section === "feasibility") return typeof i === "number" ? ["infeasibles", i] : ["infeasibles"];
    if (section !== "decisionMakers") return [];
    if (typeof i !== "number") return ["decisionMakers"];
    const dmPath: DocPath = ["decisionMakers", i];
    switch (key) {
      case "options": return typeof j === "number" ? ["options", f.decisionMakers[i]!.options[j]!] : [...dmPath, "options"];
      case "ranking": return [...dmPath, rankingKeys[i]!, ...(j === undefined ? [] : [j, ...rest])];
      case "preferences": return [...dmPath, "preferences", ...(j === undefined ? [] : [j])];
      case "doesNotPerceive": return [...dmPath, "misperceptions", ...(j === undefined ? [] : [j])];
      case "id":
      case "name": return [...dmPath, "name"];
      default: return dmPath;
    }
  };
  return ok({ document, sourcePath });
}

function isCompound(c: GmcrCondition): c is GmcrCompound {
  return !Array.isArray(c);
}

function outOfRange(o: number, n: number): string {
  return n === 0
    ? `option index ${o} is out of range: the file has no options`
    : `option index ${o} is out of range; expected 0 to ${n - 1} (the file has ${n} option${n === 1 ? "" : "s"})`;
}

/** Every option must belong to exactly one decision maker, as in Concord. */
function checkOwners(f: GmcrFileInput): Problem[] {
  const problems: Problem[] = [];
  const n = f.options.length;
  const optionName = (o: number): string => `option ${o} ("${f.options[o]!.name}")`;
  const dmName = (d: number): string => `decision maker ${d} ("${f.decisionMakers[d]!.name}")`;
  if (n === 0) problems.push({ code: "missing", path: ["options"], message: "expected at least one option, found none" });
  const owner: (number | undefined)[] = new Array<number | undefined>(n).fill(undefined);
  f.decisionMakers.forEach((dm, d) =>
    dm.options.forEach((o, k) => {
      const path: DocPath = ["decisionMakers", d, "options", k];
      const prev = owner[o];
      if (o >= n) problems.push({ code: "unknown-ref", path, message: outOfRange(o, n) });
      else if (prev === d) problems.push({ code: "duplicate-id", path, message: `${optionName(o)} is listed twice by ${dmName(d)}` });
      else if (prev !== undefined) {
        problems.push({ code: "option-owner", path, message: `${optionName(o)} is already controlled by ${dmName(prev)}; each option must belong to exactly one decision maker` });
      } else owner[o] = d;
    }),
  );
  owner.forEach((d, o) => {
    if (d === undefined) {
      problems.push({ code: "option-owner", path: ["options", o], message: `${optionName(o)} is controlled by no decision maker; expected exactly one decision maker to list ${o} in its "options"` });
    }
  });
  return problems;
}

/** gmcr-py rejects a ranking that names a state twice; the missing and unknown states are found once states are known. */
function repeatedStates(ranking: GmcrRanking, path: DocPath): Problem[] {
  const problems: Problem[] = [];
  const seen = new Map<number, DocPath>();
  const at = (p: DocPath): string => `${String(path[path.length - 1])}${p.map((x) => `[${x}]`).join("")}`;
  ranking.forEach((entry, i) => {
    const items: [number, DocPath][] = typeof entry === "number" ? [[entry, [i]]] : entry.map((s, j) => [s, [i, j]]);
    for (const [s, p] of items) {
      const first = seen.get(s);
      if (first !== undefined) {
        problems.push({ code: "ranking", path: [...path, ...p], message: `state ${s} appears more than once in the ranking (also at ${at(first)}); expected every feasible state exactly once` });
      } else seen.set(s, p);
    }
  });
  return problems;
}

/**
 * A gmcr-py condition as a Concord statement: `a & -b` for a conjunction,
 * `(a & -b) | c` for a compound one. An empty conjunction holds everywhere and an
 * empty compound nowhere; the language has no constants, so they become
 * `(x | -x)` and `(x & -x)` over the first option.
 */
function conditionText(idOf: (o: number) => string, first: string): (c: GmcrCondition) => string {
  const conj = (c: GmcrConjunction): string =>
    c.length === 0 ? `(${first} | -${first})` : c.map(([o, v]) => `${v === "N" ? "-" : ""}${idOf(o)}`).join(" & ");
  return (c) => {
    if (!isCompound(c)) return conj(c);
    const { members } = c;
    if (members.length === 0) return `(${first} & -${first})`;
    if (members.length === 1) return conj(members[0]!);
    return members.map((m) => (m.length > 1 ? `(${conj(m)})` : conj(m))).join(" | ");
  };
}

/** A model note naming gmcr-py's coalitions, when the file groups decision makers. */
function coalitionNote(f: GmcrFileInput): string | undefined {
  const c = f.coalitions;
  if (!Array.isArray(c)) return undefined;
  const groups = c.map((g: unknown) => (typeof g === "number" ? [g] : g));
  const flat = groups.flat();
  const valid =
    groups.every((g) => Array.isArray(g) && g.every((d) => Number.isInteger(d) && d >= 0 && d < f.decisionMakers.length)) &&
    flat.length === f.decisionMakers.length &&
    new Set(flat).size === flat.length;
  // gmcr-py resets invalid coalitions to one per decision maker; singletons need no note.
  if (!valid || groups.every((g) => (g as number[]).length === 1)) return undefined;
  const names = (groups as number[][]).map((g) => g.map((d) => f.decisionMakers[d]!.name).join(" + "));
  return `The gmcr-py file groups the decision makers into coalitions (${names.join("; ")}), which gmcr-py analyses as single players. Concord's ordinary analysis lets each decision maker act alone; its coalition analysis can play these groups as blocks of a partition.`;
}

function slug(name: string, sep: "_" | "-"): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, sep)
    .replace(/^[-_]+|[-_]+$/g, "");
}

/** Identifiers for expressions, made from names: `Air Strike` → `air_strike`; unique within the list. */
function uniqueIds(names: readonly string[], prefix: string): string[] {
  const used = new Set<string>();
  return names.map((name, i) => {
    let id = slug(name, "_");
    if (id === "") id = `${prefix}${i + 1}`;
    else if (/^[0-9]/.test(id) || id === "if") id = `${prefix}_${id}`;
    let out = id;
    for (let k = 2; used.has(out); k++) out = `${id}_${k}`;
    used.add(out);
    return out;
  });
}

/**
 * Writes a model as a gmcr-py save file. Preference statements become gmcr-py
 * conditions through their disjunctive normal form (so `a IF b` becomes the compound
 * condition `a | -b`); a statement whose normal form is too large is a problem. If
 * any decision maker has an explicit ranking, the file ranks states by hand and
 * every other decision maker's ranking is computed from its statements, since
 * gmcr-py switches manual ranking on or off for the whole file.
 */
export function exportGmcr(space: StateSpace): Result<GmcrFile> {
  const m = space.model;
  const problems: Problem[] = [];
  const manual = m.decisionMakers.some((dm) => dm.preference.kind === "ranking");
  /** Statements as gmcr-py conditions (their disjunctive normal form), or a problem at `key`. */
  const conditions = (list: readonly PriorityStatement[], d: number, key: string): GmcrCondition[] =>
    list.flatMap((st, k) => {
      const c = exprCondition(st.expr);
      if (c) return [c];
      problems.push({
        code: "statement",
        path: ["model", "decisionMakers", d, key, k],
        message: `statement "${st.text}" cannot be written for gmcr-py: gmcr-py needs it as an OR of ANDs of options, which here has more than 512 terms; split or simplify it`,
      });
      return [];
    });
  const decisionMakers = m.decisionMakers.map((dm, d) => {
    const preferences = dm.preference.kind === "priorities" ? conditions(dm.preference.statements, d, "preferences") : [];
    const misperceptions = conditions(dm.doesNotPerceive ?? [], d, "doesNotPerceive");
    const ranking = rankingOf(space, dm);
    const payoffs = manual ? manualPayoffs(ranking, space.size) : Array.from(computePayoffs(space, dm).payoff, (p) => p + 1);
    return { name: dm.name, options: [...dm.options], preferences, payoffs, misperceptions, ...(manual ? { preferenceRanking: ranking } : {}) };
  });
  if (problems.length > 0) return fail(problems);
  const seen = new Set<string>();
  const infeasibles = m.infeasible.filter((t) => {
    const key = `${t.loMask},${t.loValue},${t.hiMask},${t.hiValue}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return ok({
    options: m.options.map((o) => ({ name: o.label, permittedDirection: o.oneWay === "toY" ? "fwd" : o.oneWay === "toN" ? "back" : "both" })),
    decisionMakers,
    infeasibles: infeasibles.map(termLiterals),
    useManualPreferenceRanking: manual,
    coalitions: m.decisionMakers.map((_, d) => d),
    program: "concord",
  });
}

/**
 * What a .gmcr file of this model cannot say, for the person exporting it: gmcr-py has
 * only yes/no options, so an option with alternatives is written as its yes/no options
 * (one per alternative after the first) and a feasibility pattern keeping at most one taken.
 */
export function gmcrExportNotes(model: ConflictModel): string[] {
  return (model.choices ?? []).map((c) => {
    const [first, ...rest] = c.alternatives;
    return `option "${c.id}" has alternatives, which gmcr-py does not know: it is written as ${rest.length} yes/no option${rest.length === 1 ? "" : "s"} (${rest.map((a) => `"${model.options[a.option!]!.label}"`).join(", ")}), at most one taken; "${first!.id}" is none of them taken. Read back, they stay yes/no options.`;
  });
}

function exprCondition(e: Expr): GmcrCondition | null {
  const terms = toTerms(e);
  if (terms === null) return null;
  const seen = new Set<string>();
  const members = terms.map(termLiterals).filter((c) => {
    const key = JSON.stringify(c);
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return members.length === 1 ? members[0]! : { compound: true, members };
}

function termLiterals(t: Term): GmcrConjunction {
  const out: [number, "Y" | "N"][] = [];
  for (let o = 0; o < 64; o++) {
    const [mask, value] = o < 32 ? [t.loMask, t.loValue] : [t.hiMask, t.hiValue];
    if (((mask >>> (o % 32)) & 1) === 1) out.push([o, ((value >>> (o % 32)) & 1) === 1 ? "Y" : "N"]);
  }
  return out;
}

/** Ordered state numbers, most preferred first, ties as lists (in the ranking's own order, else ascending). */
function rankingOf(space: StateSpace, dm: DecisionMakerInfo): GmcrRanking {
  const levels: number[][] =
    dm.preference.kind === "ranking"
      ? dm.preference.levels.map((level) => level.map((v) => space.indexOf(v)! + 1))
      : (() => {
          const p = computePayoffs(space, dm);
          const out: number[][] = Array.from({ length: p.levels }, () => []);
          for (let s = 0; s < space.size; s++) out[p.levels - 1 - p.payoff[s]!]!.push(s + 1);
          return out;
        })();
  return levels.map((l) => (l.length === 1 ? l[0]! : l));
}

/** gmcr-py's payoffs for a manual ranking: (number of states) − (position in the ranking). */
function manualPayoffs(ranking: GmcrRanking, size: number): number[] {
  const payoffs = new Array<number>(size).fill(0);
  ranking.forEach((entry, i) => {
    for (const s of typeof entry === "number" ? [entry] : entry) payoffs[s - 1] = size - i;
  });
  return payoffs;
}

/**
 * The file as text: JSON that gmcr-py reads, laid out for people (a value stays on
 * one line when it fits in 100 columns). Same model, same bytes.
 */
export function formatGmcr(file: GmcrFile): string {
  return `${layout(file, "", 100)}\n`;
}

const isNumbers = (x: unknown): boolean => typeof x === "number" || (Array.isArray(x) && x.every((y) => typeof y === "number"));

/** `v` as JSON at `indent`, after `lead` characters of key on its first line. */
function layout(v: unknown, indent: string, width: number, lead = 0): string {
  const flat = JSON.stringify(v);
  if (v === null || typeof v !== "object" || indent.length + lead + flat.length <= width) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v) && v.every(isNumbers)) {
    // Rankings and payoffs: as many numbers to a line as fit.
    const lines: string[] = [];
    for (const item of v.map((x) => JSON.stringify(x))) {
      const last = lines.length - 1;
      if (last >= 0 && inner.length + lines[last]!.length + item.length + 1 <= width) lines[last] += `,${item}`;
      else lines.push(item);
    }
    return `[\n${lines.map((l) => inner + l).join(",\n")}\n${indent}]`;
  }
  if (Array.isArray(v)) return `[\n${v.map((x) => inner + layout(x, inner, width)).join(",\n")}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => {
    const key = `${JSON.stringify(k)}: `;
    return inner + key + layout(x, inner, width, key.length);
  });
  return `{\n${entries.join(",\n")}\n${indent}}`;
}
