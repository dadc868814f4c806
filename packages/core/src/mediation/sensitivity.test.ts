import { describe, expect, it } from "vitest";
import { evaluate } from "../model/expression.js";
import { generateModel, rng } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asStateIndex, type StateNumber } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";
import type { Variation } from "./estimates.js";
import { oracleDistances, oraclePayoffs } from "./oracle.js";
import { mergeRobustness, planRobustness, robustness, robustnessChunk, variantChoices } from "./robustness.js";
import { sensitivity, type StateSet } from "./sensitivity.js";

type Doc = ScenarioDocument;
type Model = NonNullable<Doc["model"]>;

/** A random model with a status quo, a target, and some statements, a condition, an option and the status quo marked as estimates. */
export function markedCase(seed: number): { doc: Doc; space: StateSpace } | null {
  const r = rng(seed * 104729);
  const base = generateModel({ decisionMakers: 2 + (seed % 2), options: [1 + (seed % 2), 2, 1], statements: 3, conditions: 1 + (seed % 2), oneWay: 0.15, seed });
  base.model!.decisionMakers.length = 2 + (seed % 2);
  const v0 = validateDocument(base);
  if (!v0.ok) return null;
  const s0 = v0.value.space!;
  const sq = Math.floor(r() * s0.size);
  const ids = s0.model.options.map((o) => o.id);
  const t = Math.floor(r() * s0.size);
  const pick = ids[Math.floor(r() * ids.length)]!;
  const m = base.model!;
  let marked = 0;
  const model: Model = {
    ...m,
    decisionMakers: m.decisionMakers.map((dm, d) => ({
      ...dm,
      options: dm.options.map((o) => (seed % 4 === d ? { ...o, estimate: true } : o)),
      preferences: (dm.preferences ?? []).map((p) => {
        const text = typeof p === "string" ? p : p.statement;
        const est = r() < 0.35 || (marked === 0 && d === m.decisionMakers.length - 1);
        if (est) marked++;
        return est ? { statement: text, estimate: true } : text;
      }),
    })),
    feasibility: (m.feasibility ?? []).map((c, k) => (k === 0 && seed % 3 !== 0 ? { ...c, estimate: true } : c)),
    statusQuo: { taken: ids.filter((_, o) => s0.taken(asStateIndex(sq), o)), ...(seed % 3 === 1 ? { estimate: true } : {}) },
    targets: [{ id: "t", label: "the target", pattern: s0.taken(asStateIndex(t), ids.indexOf(pick)) ? pick : `-${pick}` }],
  };
  const doc: Doc = { ...base, model };
  const v = validateDocument(doc);
  return v.ok ? { doc, space: v.value.space! } : null;
}

/** Variations (at most one per estimate) applied to the document, as the definitions in estimates.ts say. */
function applyToDoc(doc: Doc, vs: readonly Variation[], estimates: ReturnType<typeof sensitivity>["estimates"]): Doc {
  const m = doc.model!;
  const sq = m.statusQuo as { taken: string[]; estimate?: boolean };
  // Statement edits by original position: null = dropped.
  const prefs = m.decisionMakers.map((dm) => (dm.preferences ?? []).map((p): string | null => (typeof p === "string" ? p : p.statement)));
  const feasibility: (NonNullable<Model["feasibility"]>[number] | null)[] = [...(m.feasibility ?? [])];
  let taken = [...sq.taken];
  for (const v of vs) {
    const item = estimates[v.item]!.item;
    if (item.kind === "statement") {
      const d = m.decisionMakers.findIndex((x) => x.id === item.dm);
      const k = item.position - 1;
      prefs[d]![k] = v.kind === "drop" ? null : `-(${prefs[d]![k]!})`;
    } else if (item.kind === "condition") feasibility[item.position - 1] = null;
    else if (item.kind === "option") feasibility.push({ infeasible: sq.taken.includes(item.option) ? `-${item.option}` : item.option });
    else taken = taken.includes(v.option!) ? taken.filter((x) => x !== v.option) : [...taken, v.option!];
  }
  return {
    ...doc,
    model: {
      ...m,
      decisionMakers: m.decisionMakers.map((dm, d) => ({ ...dm, preferences: prefs[d]!.filter((x): x is string => x !== null) })),
      feasibility: feasibility.filter((x) => x !== null),
      statusQuo: { ...sq, taken },
    },
  };
}

/** The conclusions of a document, by the definitions: booleans, or sets of states as Y/N vectors. */
function oracleConclusions(doc: Doc): Map<string, boolean | string[]> | null {
  // The target is read from the unchanged document: a variant may leave no state matching it.
  const withTarget = validateDocument(markedTargetOnly(doc));
  if (!withTarget.ok) throw new Error("the target does not compile");
  const target = withTarget.value.scenario.model!.targets![0]!;
  const { targets: _targets, ...rest } = doc.model!;
  const v = validateDocument({ ...doc, model: rest });
  if (!v.ok) return null;
  const space = v.value.space!;
  const sq = space.statusQuo;
  if (sq === undefined) return null;
  const oracle = new Oracle(space, oraclePayoffs(space));
  const dist = oracleDistances(oracle, sq);
  const eq = (c: (typeof BASIC_CONCEPTS)[number], s: number): boolean => space.model.decisionMakers.every((_, i) => oracle.stable(i, s, c));
  const all = (f: (s: number) => boolean): string[] => Array.from({ length: space.size }, (_, s) => s).filter(f).map((s) => space.yn(asStateIndex(s))).sort();
  const out = new Map<string, boolean | string[]>();
  const inT = (s: number): boolean => evaluate(target.expr, (o) => space.taken(asStateIndex(s), o));
  for (const c of BASIC_CONCEPTS) {
    out.set(`status-quo-stable:${c}`, eq(c, sq));
    out.set(`equilibria:${c}`, all((s) => eq(c, s)));
    out.set(`reachable-equilibria:${c}`, all((s) => eq(c, s) && dist[s]! >= 0));
    out.set(`target-equilibrium:t:${c}`, Array.from({ length: space.size }, (_, s) => s).some((s) => inT(s) && dist[s]! >= 0 && eq(c, s)));
  }
  out.set("target-reachable:t", Array.from({ length: space.size }, (_, s) => s).some((s) => inT(s) && dist[s]! >= 0));
  return out;
}

/** A document with the same options and target but nothing that could remove every state matching it. */
function markedTargetOnly(doc: Doc): Doc {
  const m = doc.model!;
  return { ...doc, model: { decisionMakers: m.decisionMakers.map((d) => ({ ...d, preferences: ["-" + d.options[0]!.id] })), targets: m.targets } };
}

const same = (a: boolean | string[], b: boolean | string[]): boolean => JSON.stringify(a) === JSON.stringify(b);

describe("sensitivity to estimates, against the definitions", () => {
  it("changes exactly the conclusions a re-analysis of each changed document changes, alone and in pairs", { timeout: 600_000 }, () => {
    let cases = 0;
    let changes = 0;
    let pairOnly = 0;
    const kinds = new Set<string>();
    for (let seed = 1; cases < 14; seed++) {
      const c = markedCase(seed);
      if (!c) continue;
      cases++;
      const { doc, space } = c;
      const res = sensitivity(analyze(space));
      // The estimates listed are the ones marked, with the variations the definitions give.
      const m = doc.model!;
      const markedStatements = m.decisionMakers.flatMap((dm) => (dm.preferences ?? []).filter((p) => typeof p !== "string" && p.estimate));
      expect(res.estimates.filter((e) => e.item.kind === "statement").length).toBe(markedStatements.length);
      expect(res.estimates.filter((e) => e.item.kind === "condition").length).toBe((m.feasibility ?? []).filter((x) => x.estimate).length);
      expect(res.estimates.filter((e) => e.item.kind === "option").length).toBe(m.decisionMakers.flatMap((d) => d.options).filter((o) => o.estimate).length);
      const sqItem = res.estimates.find((e) => e.item.kind === "statusQuo");
      if ((m.statusQuo as { estimate?: boolean }).estimate) {
        const feasibleFlips = space.model.options.filter((o) => validateDocument(applyToDoc(doc, [{ item: res.estimates.indexOf(sqItem!), kind: "status-quo", option: o.id, words: "" }], res.estimates)).ok);
        expect(sqItem!.variations.map((v) => v.option)).toEqual(feasibleFlips.map((o) => o.id));
      } else expect(sqItem).toBeUndefined();
      for (const e of res.estimates) for (const v of e.variations) kinds.add(v.kind);

      const base = oracleConclusions(doc)!;
      const toSet = (vectors: string[]): StateSet => {
        const states: StateNumber[] = [];
        const others: string[] = [];
        for (const yn of vectors) {
          const s = Array.from({ length: space.size }, (_, i) => i).find((i) => space.yn(asStateIndex(i)) === yn);
          if (s === undefined) others.push(yn);
          else states.push((s + 1) as StateNumber);
        }
        // Others in the order of their vectors (first option least significant), as states are numbered.
        const rev = (yn: string): string => [...yn].reverse().join("");
        return { states: states.sort((x, y) => x - y), others: others.sort((x, y) => (rev(x) < rev(y) ? -1 : 1)) };
      };
      const answer = (x: boolean | string[]): unknown => (typeof x === "boolean" ? x : toSet(x));
      const key = (vs: readonly Variation[]): string => vs.map((v) => `${v.item}/${v.kind}/${v.option ?? ""}`).join("+");
      const want = new Map<string, Map<string, unknown>>([...base.keys()].map((id) => [id, new Map()]));
      const singles = res.estimates.flatMap((e) => e.variations);
      const alone = new Map<Variation, Map<string, boolean | string[]>>();
      for (const v of singles) {
        const got = oracleConclusions(applyToDoc(doc, [v], res.estimates));
        if (!got) continue;
        alone.set(v, got);
        for (const [id, x] of got) if (!same(x, base.get(id)!)) want.get(id)!.set(key([v]), answer(x));
      }
      for (let i = 0; i < singles.length; i++) {
        for (let j = i + 1; j < singles.length; j++) {
          const [v1, v2] = [singles[i]!, singles[j]!];
          if (v1.item === v2.item) continue;
          const got = oracleConclusions(applyToDoc(doc, [v1, v2], res.estimates));
          if (!got) continue;
          for (const [id, x] of got) {
            const changedAlone = [v1, v2].some((v) => alone.has(v) && !same(alone.get(v)!.get(id)!, base.get(id)!));
            if (!same(x, base.get(id)!) && !changedAlone) want.get(id)!.set(key([v1, v2]), answer(x));
          }
        }
      }
      for (const conclusion of res.conclusions) {
        expect(answer(base.get(conclusion.id)!), `seed ${seed}: ${conclusion.id}`).toEqual(conclusion.answer);
        const got = new Map(conclusion.changedBy.map((x) => [key(x.variations), x.answer]));
        expect(got, `seed ${seed}: ${conclusion.id} changed by`).toEqual(want.get(conclusion.id));
        changes += got.size;
        pairOnly += conclusion.changedBy.filter((x) => x.variations.length === 2).length;
      }
      expect(res.conclusions.map((x) => x.id).sort()).toEqual([...base.keys()].sort());
    }
    expect(changes).toBeGreaterThan(50);
    expect(pairOnly).toBeGreaterThan(0);
    expect([...kinds].sort()).toEqual(["drop", "fix", "flip", "status-quo"]);
  });
});

describe("robustness", () => {
  it("counts, over every variant, the states that are equilibria as a re-analysis of each variant document does", { timeout: 600_000 }, () => {
    let checked = 0;
    for (let seed = 1; checked < 4; seed++) {
      const c = markedCase(seed);
      if (!c) continue;
      const a = analyze(c.space);
      const plan = planRobustness(c.space, { variants: 400 });
      if (!plan.exhaustive || plan.distinct < 6) continue;
      checked++;
      const counts = robustnessChunk(a, plan, 0, plan.variants);
      const res = sensitivity(a, { pairs: false });
      const want = Object.fromEntries(BASIC_CONCEPTS.map((x) => [x, Array<number>(c.space.size).fill(0)]));
      const present = Array<number>(c.space.size).fill(0);
      for (let i = 0; i < plan.variants; i++) {
        const vs: Variation[] = [];
        variantChoices(plan, i).forEach((choice, k) => {
          if (choice > 0) vs.push(res.estimates[plan.estimates[k]!]!.variations[choice - 1]!);
        });
        const { targets: _targets, ...model } = applyToDoc(c.doc, vs, res.estimates).model!;
        const v = validateDocument({ ...c.doc, model });
        if (!v.ok) throw new Error(`variant ${i} does not validate`);
        const space = v.value.space!;
        const oracle = new Oracle(space, oraclePayoffs(space));
        for (let s = 0; s < space.size; s++) {
          const t = c.space.indexOf(space.vector(asStateIndex(s)));
          if (t === undefined) continue;
          present[t]!++;
          for (const x of BASIC_CONCEPTS) if (space.model.decisionMakers.every((_, d) => oracle.stable(d, s, x))) want[x]![t]!++;
        }
      }
      expect(counts.equilibrium).toEqual(want);
      expect(counts.present).toEqual(present);
      expect(counts.variants).toBe(plan.distinct);
    }
  });

  it("draws variants reproducibly, and chunks merge to the same counts as one run", () => {
    let c = null;
    for (let seed = 1; c === null || planRobustness(c.space, { variants: 50 }).exhaustive; seed++) c = markedCase(seed);
    const a = analyze(c.space);
    const plan = planRobustness(c.space, { variants: 50, seed: 9 });
    expect(plan.exhaustive).toBe(false);
    const whole = robustnessChunk(a, plan, 0, plan.variants);
    const parts = [robustnessChunk(a, plan, 30, 50), robustnessChunk(a, plan, 0, 13), robustnessChunk(a, plan, 13, 30)];
    expect(mergeRobustness(parts)).toEqual(whole);
    expect(robustness(a, { variants: 50, seed: 9 })).toEqual(robustness(a, { variants: 50, seed: 9 }));
    // Another seed draws other variants; every draw is a value the estimate has.
    const other = planRobustness(c.space, { variants: 50, seed: 10 });
    const draws = (p: typeof plan): string => Array.from({ length: 50 }, (_, i) => variantChoices(p, i).join()).join("|");
    expect(draws(other)).not.toBe(draws(plan));
    for (let i = 0; i < 50; i++) variantChoices(plan, i).forEach((x, k) => expect(x).toBeLessThan(plan.radices[k]!));
    const seen: number[] = [];
    robustnessChunk(a, plan, 0, 5, (done, total) => {
      expect(total).toBe(5);
      seen.push(done);
    });
    expect(seen).toEqual([1, 2, 3, 4, 5]);
  });
});
