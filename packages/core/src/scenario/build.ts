/**
 * From the structurally valid parts of a document to a Scenario: checks everything
 * that needs more than one value at a time (ids, references, owners, expressions,
 * the state space) and reports every problem with its path in the document. When
 * some parts failed the structure check (see prune.ts), the context says which ids
 * they defined, whether the states can still be worked out, and which parts are
 * damaged, so nothing is reported twice or on a false premise.
 */
import { parseDate } from "../dates.js";
import { toTerms, formatExpr, type Expr, type Term } from "../model/expression.js";
import { truthColumn } from "../statespace/payoffs.js";
import {
  MAX_OPTIONS,
  MAX_OPTIONS_PER_DM,
  type AlternativeInfo,
  type ChoiceInfo,
  type ConditionInfo,
  type ConflictModel,
  type DecisionMakerInfo,
  type Evidence,
  type Observation,
  type OptionDeadline,
  type OptionInfo,
  type PerceivedPreference,
  type Preference,
  type PriorityStatement,
  type TargetInfo,
} from "../model/types.js";
import { asDmIndex } from "../numbering.js";
import { formatPath, messageOf, type DocPath, type Problem } from "../problems.js";
import { checkEvidenceRefs, checkRecord, type RecordIds } from "../record/check.js";
import { enumerateStates, indexOfVector, vectorOf, type EnumeratedStates } from "../statespace/enumerate.js";
import { StateSpace, parseYn } from "../statespace/space.js";
import type { ConditionDocument, EvidenceDocument, ScenarioDocument, StateRefDocument, StatementDocument } from "../format/schema.js";
import { compileStatement, unknownAlternative } from "./compile.js";
import { buildSettlement, type ScenarioSettlement } from "./settlement.js";
import { unknown } from "../format/suggest.js";
import type { Scenario } from "./types.js";

/** A scenario document whose top-level id, title and version may be missing (they failed the structure check). */
export type ScenarioParts = Omit<ScenarioDocument, "concord" | "id" | "title"> & Partial<Pick<ScenarioDocument, "concord" | "id" | "title">>;

/** What the structure check found, as the meaning check needs it. */
export interface BuildContext {
  /** Ids defined by parts that failed the structure check: they exist, so references to them are not reported. */
  readonly broken: ReadonlySet<string>;
  /** False when a part the states are made of (decision makers, options, feasibility, status quo) failed the structure check. */
  readonly statesSound: boolean;
  /** Whether the part at this path had a key or item fail the structure check (its own problems would repeat that one). */
  damaged(path: DocPath): boolean;
}

/** The context of a document that passed the structure check. */
export const SOUND: BuildContext = { broken: new Set(), statesSound: true, damaged: () => false };

export function buildScenario(doc: ScenarioParts, context: BuildContext = SOUND): { scenario?: Scenario; space?: StateSpace; problems: Problem[] } {
  const problems: Problem[] = [];
  const report = (code: Problem["code"], path: DocPath, message: string, offset?: number): void => {
    if (context.damaged(path)) return;
    problems.push({ code, path, message, ...(offset !== undefined ? { offset } : {}) });
  };
  const { broken } = context;

  const sources = doc.sources ?? [];
  const actors = doc.actors ?? [];
  const sourceIds = uniqueIds(sources, ["sources"], "source", report);
  const actorIds = uniqueIds(actors, ["actors"], "actor", report);

  if (doc.asOf !== undefined) {
    const d = parseDate(doc.asOf);
    if (!d.ok) report("date", ["asOf"], messageOf(d));
  }
  actors.forEach((a, i) =>
    a.memberOf?.forEach((m, j) => {
      if (!actorIds.has(m) && !broken.has(m)) report("unknown-ref", ["actors", i, "memberOf", j], unknown("actor", m, actorIds));
    }),
  );

  const { ids: recordIds, record } = checkRecord(doc, { sources: sourceIds, actors: actorIds, broken }, report);

  const evidence = (list: readonly EvidenceDocument[] | undefined, path: DocPath): Evidence[] => {
    (list ?? []).forEach((e, i) => {
      if (e.source !== undefined && !sourceIds.has(e.source) && !broken.has(e.source)) {
        report("unknown-ref", [...path, i, "source"], unknown("source", e.source, sourceIds));
      }
      checkEvidenceRefs(e, [...path, i], recordIds, broken, report);
    });
    return (list ?? []).map((e) => ({ ...e }));
  };

  let model: ConflictModel | undefined;
  let space: StateSpace | undefined;
  if (doc.model) {
    const before = problems.length;
    const built = buildModel(doc, { actors: actorIds, sources: sourceIds, record: recordIds }, evidence, broken, report);
    // The states are worked out only from options, feasibility and a status quo that are all sound.
    if (built && context.statesSound && problems.slice(before).every((p) => leavesStatesAlone(p.path))) {
      const enumerated = enumerateStates(built.model.options.length, built.model.infeasible);
      if (!enumerated.ok) report("limit", ["model"], `${messageOf(enumerated)}; add feasibility conditions or leave out options`);
      else {
        const states = enumerated.value;
        // Rankings name states by number or Y/N vector: resolved against the states, then the model is complete.
        const rankings = checkAgainstStates(doc, built, states, report);
        model = {
          ...built.model,
          decisionMakers: built.model.decisionMakers.map((dm) => {
            const levels = rankings.get(dm.index);
            return levels ? { ...dm, preference: { kind: "ranking", levels } } : dm;
          }),
        };
        space = new StateSpace(model, states);
      }
    }
  }
  let settlement: ScenarioSettlement | undefined;
  if (doc.settlement) {
    const ctx = { hasModel: doc.model !== undefined, actors, broken, evidence, ...(model ? { model } : {}), ...(space ? { space } : {}) };
    settlement = buildSettlement(doc.settlement, ctx, report);
  }
  if (problems.length > 0 || doc.id === undefined || doc.title === undefined) return { problems };
  const scenario: Scenario = {
    id: doc.id,
    title: doc.title,
    ...(doc.asOf !== undefined ? { asOf: doc.asOf } : {}),
    ...(doc.description !== undefined ? { description: doc.description } : {}),
    sources,
    actors,
    ...(model ? { model } : {}),
    ...(settlement ? { settlement } : {}),
    record,
    document: { ...doc, concord: 1, id: doc.id, title: doc.title },
  };
  return { scenario, ...(space ? { space } : {}), problems };
}

/**
 * Whether a problem at this path leaves options, conditions and status quo intact
 * (a statement, a name, evidence), so the states can still be checked in the same run.
 */
function leavesStatesAlone(path: DocPath): boolean {
  return (
    path.includes("evidence") ||
    path.includes("deadline") ||
    path[1] === "targets" ||
    path[1] === "observed" ||
    (path[1] === "decisionMakers" && ["preferences", "doesNotPerceive", "perceives", "actor", "name", "note"].includes(String(path[3])))
  );
}

/** Records a problem; `offset` is the character inside the text at `path` it is about. */
type Report = (code: Problem["code"], path: DocPath, message: string, offset?: number) => void;

function uniqueIds(items: readonly { id: string }[], path: DocPath, what: string, report: Report): Set<string> {
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first !== undefined) report("duplicate-id", [...path, i, "id"], `duplicate ${what} id "${item.id}": ${formatPath([...path, first])} has it already; ids must be unique`);
    else seen.set(item.id, i);
  });
  return new Set(seen.keys());
}

interface BuiltModel {
  model: ConflictModel;
  /** Rankings still as document references, resolved once the states are known. */
  rankings: { dm: number; path: DocPath; refs: readonly (StateRefDocument | readonly StateRefDocument[])[] }[];
  statusQuoPath: DocPath;
  /** Where each built target and observation is in the document (some may have failed to build). */
  targetAt: number[];
  observedAt: number[];
}

function buildModel(
  doc: ScenarioParts,
  ids: { readonly actors: ReadonlySet<string>; readonly sources: ReadonlySet<string>; readonly record: RecordIds },
  evidence: (list: readonly EvidenceDocument[] | undefined, path: DocPath) => Evidence[],
  broken: ReadonlySet<string>,
  report: Report,
): BuiltModel | undefined {
  const m = doc.model!;
  const actorIds = ids.actors;
  const dmsDoc = m.decisionMakers;
  if (dmsDoc.length === 0) report("missing", ["model", "decisionMakers"], "expected at least one decision maker, found none");
  uniqueIds(dmsDoc, ["model", "decisionMakers"], "decision maker", report);

  // Options in global order; an id under two decision makers is an ownership error.
  // An option with alternatives becomes one yes/no option per alternative after the first (see ChoiceInfo).
  const options: OptionInfo[] = [];
  const choices: ChoiceInfo[] = [];
  const choiceConditions: ConditionInfo[] = [];
  const optionByid = new Map<string, number>();
  const ownerOf = new Map<string, { dm: number; path: DocPath }>();
  dmsDoc.forEach((dm, d) => {
    const dmPath: DocPath = ["model", "decisionMakers", d, "options"];
    if (dm.options.length === 0) report("missing", dmPath, `decision maker "${dm.id}" controls no option; expected at least one`);
    const count = dm.options.reduce((n, o) => n + Math.max(1, (o.alternatives?.length ?? 2) - 1), 0);
    if (count > MAX_OPTIONS_PER_DM) {
      const how = dm.options.some((o) => o.alternatives !== undefined) ? " (an option with k alternatives counts as k - 1)" : "";
      report("limit", dmPath, `decision maker "${dm.id}" has ${count} options${how}; at most ${MAX_OPTIONS_PER_DM} per decision maker are supported`);
    }
    dm.options.forEach((o, k) => {
      const path: DocPath = [...dmPath, k];
      const prev = ownerOf.get(o.id);
      if (prev !== undefined) {
        const sameOwner = prev.dm === d;
        report(
          sameOwner ? "duplicate-id" : "option-owner",
          [...path, "id"],
          sameOwner
            ? `duplicate option id "${o.id}": ${formatPath(prev.path)} has it already; ids must be unique`
            : `option "${o.id}" is owned by two decision makers, "${dmsDoc[prev.dm]!.id}" and "${dm.id}"; each option has exactly one owner`,
        );
        return;
      }
      ownerOf.set(o.id, { dm: d, path });
      const common = {
        dm: asDmIndex(d),
        ...(o.estimate ? { estimate: true as const } : {}),
      };
      if (o.alternatives === undefined) {
        optionByid.set(o.id, options.length);
        options.push({
          index: options.length,
          id: o.id,
          label: o.label,
          ...common,
          ...(o.oneWay ? { oneWay: o.oneWay } : {}),
          ...(o.deadline ? { deadline: checkDeadline(doc, o.deadline, ids.record.commitments, [...path, "deadline"], report) } : {}),
          ...(o.note !== undefined ? { note: o.note } : {}),
          evidence: evidence(o.evidence, [...path, "evidence"]),
        });
        return;
      }
      const alts = o.alternatives;
      if (alts.length < 2) report("missing", [...path, "alternatives"], `option "${o.id}" has ${alts.length} alternative${alts.length === 1 ? "" : "s"}; expected at least two (the first is the default)`);
      if (o.oneWay !== undefined) report("type", [...path, "oneWay"], `option "${o.id}" has alternatives; declare oneWay on its alternatives instead`);
      if (o.deadline !== undefined) report("type", [...path, "deadline"], `option "${o.id}" has alternatives; a deadline can only settle a yes/no option`);
      uniqueIds(alts, [...path, "alternatives"], "alternative", report);
      if (alts[0]?.oneWay !== undefined) {
        report(
          "type",
          [...path, "alternatives", 0, "oneWay"],
          `the first alternative ("${alts[0].id}") is the default, the state where no other alternative of "${o.id}" is chosen, so it cannot be one-way; mark the other alternatives instead (toY: once chosen, it stays)`,
        );
      }
      const seen = new Set<string>();
      const alternatives: AlternativeInfo[] = alts.flatMap((a, j) => {
        if (seen.has(a.id)) return [];
        seen.add(a.id);
        const full = a.fullLabel !== undefined ? { fullLabel: a.fullLabel } : {};
        if (j === 0) return [{ id: a.id, label: a.label, ...full }];
        const index = options.length;
        optionByid.set(`${o.id}=${a.id}`, index);
        options.push({
          index,
          id: `${o.id}=${a.id}`,
          label: a.fullLabel ?? `${o.label}: ${a.label}`,
          alternative: { choice: o.id, id: a.id },
          ...common,
          ...(a.estimate ? { estimate: true as const } : {}),
          ...(a.oneWay ? { oneWay: a.oneWay } : {}),
          ...(a.note !== undefined ? { note: a.note } : {}),
          evidence: evidence(a.evidence, [...path, "alternatives", j, "evidence"]),
        });
        return [{ id: a.id, label: a.label, ...full, option: index }];
      });
      evidence(alts[0]?.evidence, [...path, "alternatives", 0, "evidence"]);
      choices.push({
        id: o.id,
        label: o.label,
        dm: asDmIndex(d),
        alternatives,
        ...(o.note !== undefined ? { note: o.note } : {}),
        evidence: evidence(o.evidence, [...path, "evidence"]),
      });
      const bits = alternatives.flatMap((a) => (a.option === undefined ? [] : [a.option]));
      const removes: Term[] = [];
      for (let i = 0; i < bits.length; i++) for (let j = i + 1; j < bits.length; j++) removes.push(bitsTerm([bits[i]!, bits[j]!], [bits[i]!, bits[j]!]));
      if (removes.length > 0) choiceConditions.push({ kind: "mutuallyExclusive", text: `one alternative of ${o.id} at a time`, removes, evidence: [] });
    });
  });
  if (options.length > MAX_OPTIONS) {
    const how = choices.length > 0 ? " (an option with k alternatives counts as k - 1)" : "";
    report("limit", ["model", "decisionMakers"], `the model has ${options.length} options${how}; at most ${MAX_OPTIONS} are supported`);
    return undefined;
  }
  const optionIds = new Set([...optionByid.keys()].filter((id) => !id.includes("=")).concat(choices.map((c) => c.id)));
  const optionIdList = options.map((o) => o.id);
  const compile = (text: string, path: DocPath): Expr | undefined => {
    const c = compileStatement(text, optionIdList, broken, choices);
    if ("expr" in c) return c.expr;
    if (!("broken" in c)) report(c.code, path, c.message, c.offset);
    return undefined;
  };
  /**
   * The yes/no option a list or pattern names: an option's id or `option = alternative`.
   * The first alternative has no option of its own: null where `allowDefault` (it then adds nothing), else a problem.
   */
  const optionRef = (ref: string, path: DocPath, allowDefault = false): number | null | undefined => {
    const [id, alt] = ref.split("=").map((x) => x.trim()) as [string, string | undefined];
    const choice = choices.find((c) => c.id === id);
    if (alt === undefined && choice === undefined) {
      const idx = optionByid.get(id);
      if (idx === undefined && !broken.has(id)) report("unknown-ref", path, unknown("option", id, optionIds));
      return idx;
    }
    if (choice === undefined) {
      if (broken.has(id)) return undefined;
      report("unknown-ref", path, optionByid.has(id) ? `"${id}" is a yes/no option; write "${id}", not "${ref}"` : unknown("option", id, optionIds));
      return undefined;
    }
    const names = choice.alternatives.map((a) => a.id);
    if (alt === undefined) {
      report("unknown-ref", path, `option "${id}" has alternatives; name one, e.g. "${id} = ${names[1] ?? names[0]}" (alternatives: ${names.join(", ")})`);
      return undefined;
    }
    const a = choice.alternatives.find((x) => x.id === alt);
    if (a === undefined) {
      if (!broken.has(alt)) report("unknown-ref", path, unknownAlternative(id, alt, names));
    }
    else if (a.option !== undefined) return a.option;
    else if (allowDefault) return null;
    else report("type", path, `"${id} = ${alt}" is the first alternative, the state where no other is chosen; it has no yes/no option to list here (name the others, or write a statement in "infeasible")`);
    return undefined;
  };

  /** Option-prioritization statements (preferences, misperceived states, readings of others) at `at`. */
  const statements = (list: readonly StatementDocument[], at: DocPath): PriorityStatement[] => {
    const out: PriorityStatement[] = [];
    list.forEach((st, k) => {
      const text = typeof st === "string" ? st : st.statement;
      const expr = compile(text, typeof st === "string" ? [...at, k] : [...at, k, "statement"]);
      const ev = typeof st === "string" ? [] : evidence(st.evidence, [...at, k, "evidence"]);
      if (expr) {
        out.push({
          text,
          expr,
          ...(typeof st !== "string" && st.estimate ? { estimate: true as const } : {}),
          ...(typeof st !== "string" && st.note !== undefined ? { note: st.note } : {}),
          evidence: ev,
        });
      }
    });
    return out;
  };
  const dmIndex = new Map(dmsDoc.map((dm, d) => [dm.id, d]));

  // Decision makers and preferences.
  const rankings: BuiltModel["rankings"] = [];
  const decisionMakers: DecisionMakerInfo[] = [];
  dmsDoc.forEach((dm, d) => {
    const path: DocPath = ["model", "decisionMakers", d];
    if (dm.actor !== undefined && !actorIds.has(dm.actor) && !broken.has(dm.actor)) report("unknown-ref", [...path, "actor"], unknown("actor", dm.actor, actorIds));
    const actorName = doc.actors?.find((a) => a.id === dm.actor)?.name;
    let preference: Preference = { kind: "priorities", statements: [] };
    if (dm.preferences !== undefined && dm.ranking !== undefined) {
      report("type", [...path, "ranking"], `decision maker "${dm.id}" has both "preferences" and "ranking"; expected one of them`);
    } else if (dm.preferences === undefined && dm.ranking === undefined) {
      report("missing", path, `decision maker "${dm.id}" has no preferences; expected "preferences" (statements) or "ranking"`);
    } else if (dm.preferences !== undefined) {
      preference = { kind: "priorities", statements: statements(dm.preferences, [...path, "preferences"]) };
    } else {
      rankings.push({ dm: d, path: [...path, "ranking"], refs: dm.ranking! });
    }
    const perceives: PerceivedPreference[] = [];
    for (const [other, list] of Object.entries(dm.perceives ?? {})) {
      const at: DocPath = [...path, "perceives", other];
      const o = dmIndex.get(other);
      if (o === undefined) report("unknown-ref", at, unknown("decision maker", other, new Set(dmIndex.keys())));
      else if (o === d) report("type", at, `decision maker "${dm.id}" cannot read its own preferences here; its own preferences are its "preferences" or "ranking"`);
      else perceives.push({ dm: o, statements: statements(list, at) });
    }
    decisionMakers.push({
      index: asDmIndex(d),
      id: dm.id,
      name: dm.name ?? actorName ?? dm.id,
      ...(dm.actor !== undefined ? { actor: dm.actor } : {}),
      options: options.filter((o) => o.dm === d).map((o) => o.index),
      preference,
      ...(dm.doesNotPerceive !== undefined ? { doesNotPerceive: statements(dm.doesNotPerceive, [...path, "doesNotPerceive"]) } : {}),
      ...(dm.perceives !== undefined ? { perceives } : {}),
      ...(dm.note !== undefined ? { note: dm.note } : {}),
      evidence: evidence(dm.evidence, [...path, "evidence"]),
    });
  });
  const names = new Map<string, number>();
  decisionMakers.forEach((dm, d) => {
    const prev = names.get(dm.name);
    if (prev !== undefined) report("duplicate-id", ["model", "decisionMakers", d, "name"], `two decision makers are named "${dm.name}"; names must differ`);
    else names.set(dm.name, d);
  });

  // Feasibility.
  const conditions: ConditionInfo[] = [];
  (m.feasibility ?? []).forEach((c, i) => {
    const built = buildCondition(c, ["model", "feasibility", i], optionRef, compile, (o) => optionNameIn(options, o), report);
    if (built) conditions.push({ ...built, ...(c.estimate ? { estimate: true as const } : {}), evidence: evidence(c.evidence, ["model", "feasibility", i, "evidence"]) });
  });

  // Status quo.
  let statusQuo: ConflictModel["statusQuo"];
  const sqPath: DocPath = ["model", "statusQuo"];
  if (m.statusQuo !== undefined) {
    const sq = m.statusQuo;
    const taken = Array.isArray(sq) ? sq : sq.taken;
    const base: DocPath = Array.isArray(sq) ? sqPath : [...sqPath, "taken"];
    let vector = 0;
    const seen = new Set<number>();
    taken.forEach((id, i) => {
      const o = optionRef(id, [...base, i], true);
      if (o === null || o === undefined) return;
      if (seen.has(o)) report("duplicate-id", [...base, i], `option "${id}" is listed twice`);
      else vector += 2 ** o;
      seen.add(o);
    });
    statusQuo = {
      vector,
      ...(!Array.isArray(sq) && sq.estimate ? { estimate: true as const } : {}),
      ...(!Array.isArray(sq) && sq.note !== undefined ? { note: sq.note } : {}),
      evidence: Array.isArray(sq) ? [] : evidence(sq.evidence, [...sqPath, "evidence"]),
    };
  }

  // Targets: named outcomes by pattern.
  const targets: TargetInfo[] = [];
  const targetAt: number[] = [];
  if (m.targets !== undefined) {
    uniqueIds(m.targets, ["model", "targets"], "target", report);
    m.targets.forEach((t, i) => {
      const expr = compile(t.pattern, ["model", "targets", i, "pattern"]);
      const ev = evidence(t.evidence, ["model", "targets", i, "evidence"]);
      if (expr) targetAt.push(i);
      if (expr) targets.push({ id: t.id, label: t.label, text: t.pattern, expr, ...(t.note !== undefined ? { note: t.note } : {}), evidence: ev });
    });
  }

  // Observed states: a whole state (taken) or part of one (pattern), dated and sourced.
  const observed: Observation[] = [];
  const observedAt: number[] = [];
  (m.observed ?? []).forEach((ob, i) => {
    const path: DocPath = ["model", "observed", i];
    const d = parseDate(ob.date);
    if (!d.ok) report("date", [...path, "date"], messageOf(d));
    if (ob.sources.length === 0) report("missing", [...path, "sources"], "the observation cites no source; expected at least one source id");
    ob.sources.forEach((r, j) => {
      const id = typeof r === "string" ? r : r.source;
      if (!ids.sources.has(id)) report("unknown-ref", typeof r === "string" ? [...path, "sources", j] : [...path, "sources", j, "source"], unknown("source", id, ids.sources));
    });
    if ((ob.taken === undefined) === (ob.pattern === undefined)) {
      report(ob.taken === undefined ? "missing" : "type", path, `expected exactly one of "taken" (the whole state) or "pattern" (part of it), found ${ob.taken === undefined ? "neither" : "both"}`);
      return;
    }
    let expr: Expr | undefined;
    if (ob.pattern !== undefined) expr = compile(ob.pattern, [...path, "pattern"]);
    else {
      const taken = new Set<number>();
      let bad = false;
      ob.taken!.forEach((id, j) => {
        const o = optionRef(id, [...path, "taken", j], true);
        if (o === undefined) bad = true;
        else if (o !== null && taken.has(o)) {
          report("duplicate-id", [...path, "taken", j], `option "${id}" is listed twice`);
          bad = true;
        } else if (o !== null) taken.add(o);
      });
      if (!bad) {
        expr = { kind: "and", args: options.map((o) => (taken.has(o.index) ? { kind: "option", option: o.index } : { kind: "not", arg: { kind: "option", option: o.index } })) };
      }
    }
    if (!expr || !d.ok) return;
    const sources = ob.sources.map((r) => (typeof r === "string" ? { source: r } : { ...r }));
    const text = ob.pattern ?? `taken: ${ob.taken!.length ? ob.taken!.join(", ") : "none"}`;
    observedAt.push(i);
    observed.push({ date: ob.date, first: d.value.first, last: d.value.last, kind: ob.pattern !== undefined ? "pattern" : "state", text, expr, sources, ...(ob.note !== undefined ? { note: ob.note } : {}) });
  });

  return {
    model: {
      options,
      ...(choices.length > 0 ? { choices } : {}),
      decisionMakers,
      // The alternatives' exclusions come after the written conditions, so conditions keep their numbers.
      conditions: [...conditions, ...choiceConditions],
      infeasible: [...conditions, ...choiceConditions].flatMap((c) => c.removes),
      ...(statusQuo ? { statusQuo } : {}),
      ...(m.targets !== undefined ? { targets } : {}),
      ...(m.observed !== undefined ? { observed } : {}),
      ...(m.note !== undefined ? { note: m.note } : {}),
    },
    rankings,
    statusQuoPath: sqPath,
    targetAt,
    observedAt,
  };
}

/** An option's name in the preference language: its id, or `transit = sovereign` for an alternative. */
function optionNameIn(options: readonly OptionInfo[], o: number): string {
  const a = options[o]!.alternative;
  return a ? `${a.choice} = ${a.id}` : options[o]!.id;
}

function buildCondition(
  c: ConditionDocument,
  path: DocPath,
  optionRef: (id: string, path: DocPath) => number | null | undefined,
  compile: (text: string, path: DocPath) => Expr | undefined,
  name: (o: number) => string,
  report: Report,
): Omit<ConditionInfo, "evidence"> | undefined {
  const note = c.note !== undefined ? { note: c.note } : {};
  const kinds = (["mutuallyExclusive", "atLeastOne", "exactlyOne", "infeasible"] as const).filter((k) => c[k] !== undefined);
  if (kinds.length !== 1) {
    report(
      kinds.length === 0 ? "missing" : "type",
      path,
      `expected exactly one of mutuallyExclusive, atLeastOne, exactlyOne or infeasible, found ${kinds.length === 0 ? "none" : kinds.join(" and ")}`,
    );
    return undefined;
  }
  if (c.infeasible !== undefined) {
    let expr: Expr | undefined;
    if (typeof c.infeasible === "string") {
      expr = compile(c.infeasible, [...path, "infeasible"]);
    } else {
      const lits: Expr[] = [];
      let bad = false;
      for (const [id, v] of Object.entries(c.infeasible)) {
        const o = optionRef(id, [...path, "infeasible", id]);
        if (o === undefined || o === null) { bad = true; continue; }
        if (v === "Y") lits.push({ kind: "option", option: o });
        else if (v === "N") lits.push({ kind: "not", arg: { kind: "option", option: o } });
      }
      if (bad) return undefined;
      if (lits.length === 0) {
        report("type", [...path, "infeasible"], "the pattern fixes no option to Y or N, so it would remove every state");
        return undefined;
      }
      expr = lits.length === 1 ? lits[0]! : { kind: "and", args: lits };
    }
    if (!expr) return undefined;
    const removes = toTerms(expr);
    if (removes === null) {
      report("statement", [...path, "infeasible"], "the condition is too complex (more than 512 patterns); split it into several conditions");
      return undefined;
    }
    return { kind: "infeasible", text: formatExpr(expr, name), expr, removes, ...note };
  }
  const kind = kinds[0] as "mutuallyExclusive" | "atLeastOne" | "exactlyOne";
  const ids = c[kind]!;
  const opts: number[] = [];
  let bad = false;
  ids.forEach((id, i) => {
    const o = optionRef(id, [...path, kind, i]);
    if (o === undefined || o === null) bad = true;
    else if (opts.includes(o)) {
      report("duplicate-id", [...path, kind, i], `option "${id}" is listed twice`);
      bad = true;
    } else opts.push(o);
  });
  if (bad) return undefined;
  if (opts.length < (kind === "atLeastOne" ? 1 : 2)) {
    report("type", [...path, kind], `expected at least ${kind === "atLeastOne" ? 1 : 2} options, found ${opts.length}`);
    return undefined;
  }
  const removes: Term[] = [];
  const pair = (a: number, b: number): Term => bitsTerm([a, b], [a, b]);
  if (kind !== "atLeastOne") for (let i = 0; i < opts.length; i++) for (let j = i + 1; j < opts.length; j++) removes.push(pair(opts[i]!, opts[j]!));
  if (kind !== "mutuallyExclusive") removes.push(bitsTerm(opts, []));
  const list = opts.map(name).join(", ");
  const text = kind === "mutuallyExclusive" ? `at most one of ${list}` : kind === "atLeastOne" ? `at least one of ${list}` : `exactly one of ${list}`;
  return { kind, text, removes, ...note };
}

/** Checks an option's deadline against the record's commitments; returns it as the model keeps it. */
function checkDeadline(
  doc: ScenarioParts,
  deadline: NonNullable<NonNullable<ScenarioDocument["model"]>["decisionMakers"][number]["options"][number]["deadline"]>,
  commitments: ReadonlySet<string>,
  path: DocPath,
  report: Report,
): OptionDeadline {
  const c = (doc.commitments ?? []).find((x) => x.id === deadline.commitment);
  if (!commitments.has(deadline.commitment) || c === undefined) {
    report("unknown-ref", [...path, "commitment"], unknown("commitment", deadline.commitment, commitments));
  } else if (c.to === undefined && c.term === undefined) {
    report("missing", [...path, "commitment"], `commitment "${c.id}" has no end ("to" or "term"), so it sets no deadline`);
  } else if (deadline.at === "notice" && (c.renewal?.kind !== "automatic" || c.renewal.notice === undefined)) {
    report("type", [...path, "at"], `commitment "${c.id}" has no notice period (renewal: {kind: automatic, notice: …}); expected at: expiry`);
  }
  return { commitment: deadline.commitment, ...(deadline.at ? { at: deadline.at } : {}), ifNoAction: deadline.ifNoAction };
}

/** The term fixing `fixed` options, of which those in `yes` are Y and the rest N. */
function bitsTerm(fixed: readonly number[], yes: readonly number[]): Term {
  let loMask = 0, loValue = 0, hiMask = 0, hiValue = 0;
  for (const o of fixed) {
    const bit = 2 ** (o % 32);
    const on = yes.includes(o);
    if (o < 32) { loMask += bit; if (on) loValue += bit; }
    else { hiMask += bit; if (on) hiValue += bit; }
  }
  return { loMask, loValue, hiMask, hiValue };
}

/** Checks the status quo and the rankings against the feasible states; returns the rankings resolved to state vectors. */
function checkAgainstStates(doc: ScenarioParts, built: BuiltModel, states: EnumeratedStates, report: Report): Map<number, number[][]> {
  const { model } = built;
  const resolved = new Map<number, number[][]>();
  const size = states.lo.length;
  const vector = (s: number): number => vectorOf(states.lo[s]!, states.hi[s]!);
  const yn = (s: number): string => Array.from({ length: model.options.length }, (_, o) => (Math.floor(vector(s) / 2 ** o) % 2 === 1 ? "Y" : "N")).join("");
  if (size === 0) {
    report("infeasible", ["model", "feasibility"], "no state is feasible: the feasibility conditions together remove every combination of options");
    return resolved;
  }
  if (model.statusQuo && indexOfVector(states, model.statusQuo.vector) < 0) {
    const sq = doc.model!.statusQuo!;
    const path = Array.isArray(sq) ? built.statusQuoPath : [...built.statusQuoPath, "taken"];
    const removedBy = breaks(model, model.statusQuo.vector);
    report("infeasible", path, `the status quo is not a feasible state${removedBy ? `: it breaks the condition "${removedBy.text}"` : ""}`);
  }
  const space = new StateSpace(model, states);
  const matchesNone = (expr: Expr): boolean => !truthColumn(space, expr).includes(1);
  model.targets?.forEach((t, k) => {
    const i = built.targetAt[k]!;
    if (matchesNone(t.expr)) report("infeasible", ["model", "targets", i, "pattern"], `the target "${t.id}" matches no feasible state; expected a pattern some feasible state satisfies`);
  });
  model.observed?.forEach((ob, k) => {
    const i = built.observedAt[k]!;
    if (!matchesNone(ob.expr)) return;
    if (ob.kind === "pattern") {
      report("infeasible", ["model", "observed", i, "pattern"], `no feasible state matches the observed pattern "${ob.text}"`);
      return;
    }
    // A whole observed state is the conjunction of every option, taken or not.
    let vector = 0;
    if (ob.expr.kind === "and") for (const a of ob.expr.args) if (a.kind === "option") vector += 2 ** a.option;
    const by = breaks(model, vector);
    report("infeasible", ["model", "observed", i, "taken"], `the observed state is not a feasible state${by ? `: it breaks the condition "${by.text}"` : ""}`);
  });
  const n = model.options.length;
  for (const r of built.rankings) {
    const levels: number[][] = [];
    const seenAt = new Map<number, string>();
    const resolve = (ref: StateRefDocument, path: DocPath): number | undefined => {
      let s: number;
      if (typeof ref === "number") {
        if (ref > size) {
          report("ranking", path, `state ${ref} does not exist; the model has states 1 to ${size}`);
          return undefined;
        }
        s = ref - 1;
      } else {
        if (ref.length !== n) {
          report("ranking", path, `expected a Y/N vector of ${n} letters (one per option), found "${ref}" (${ref.length})`);
          return undefined;
        }
        s = indexOfVector(states, parseYn(ref));
        if (s < 0) {
          const by = breaks(model, parseYn(ref));
          report("ranking", path, `state ${ref.toUpperCase()} is not feasible${by ? `: it breaks the condition "${by.text}"` : ""}; rank only feasible states`);
          return undefined;
        }
      }
      const where = seenAt.get(s);
      if (where !== undefined) {
        report("ranking", path, `state ${s + 1} (${yn(s)}) is ranked twice; it is already at ${where}`);
        return undefined;
      }
      seenAt.set(s, formatPath(path.slice(r.path.length - 1)));
      return s;
    };
    r.refs.forEach((entry, i) => {
      const level: number[] = [];
      if (Array.isArray(entry)) entry.forEach((ref, j) => {
        const s = resolve(ref as StateRefDocument, [...r.path, i, j]);
        if (s !== undefined) level.push(vector(s));
      });
      else {
        const s = resolve(entry as StateRefDocument, [...r.path, i]);
        if (s !== undefined) level.push(vector(s));
      }
      if (level.length > 0) levels.push(level);
    });
    if (seenAt.size < size) {
      const missing: number[] = [];
      for (let s = 0; s < size && missing.length < 10; s++) if (!seenAt.has(s)) missing.push(s + 1);
      report(
        "ranking",
        r.path,
        `the ranking misses ${size - seenAt.size} of ${size} feasible states (e.g. state${missing.length > 1 ? "s" : ""} ${missing.join(", ")}); expected every feasible state exactly once`,
      );
    }
    resolved.set(r.dm, levels);
  }
  return resolved;
}

/** The first feasibility condition that removes the state with this vector. */
function breaks(model: ConflictModel, vector: number): ConditionInfo | undefined {
  const lo = vector % 4294967296;
  const hi = Math.floor(vector / 4294967296);
  return model.conditions.find((c) => c.removes.some((t) => ((lo & t.loMask) >>> 0) === t.loValue && ((hi & t.hiMask) >>> 0) === t.hiValue));
}
