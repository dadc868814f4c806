import { describe, expect, it } from "vitest";
import { evaluate } from "../model/expression.js";
import { generateModel, rng } from "../scenario/generate.js";
import { validateDocument } from "../scenario/load.js";
import type { ScenarioDocument } from "../format/schema.js";
import { asStateIndex, type StateIndex } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import { analyze } from "../stability/analysis.js";
import { BASIC_CONCEPTS, type BasicConcept } from "../stability/concepts.js";
import { Oracle } from "../stability/oracle.js";
import { docWithStatements, docWithThirdParty, oracleDistances, oracleOutcome, oraclePayoffs, type OracleOutcome } from "./oracle.js";
import { searchChanges, type ChangePart } from "./search.js";
import { stabilize } from "./stabilize.js";
import { resolveTarget, targetStates } from "./targets.js";

const GOALS: BasicConcept[][] = [[...BASIC_CONCEPTS], ["seq"], ["gmr"], ["smr", "seq"], ["smr"]];
const WEIGHT: Record<BasicConcept, number> = { nash: 8, smr: 2, seq: 2, gmr: 1 };
const score = (cs: readonly BasicConcept[]): number => cs.reduce((n, c) => n + WEIGHT[c], 0);

interface Case {
  doc: ScenarioDocument;
  space: StateSpace;
  target: string;
  start: StateIndex;
  goal: BasicConcept[];
}

/** A small random model (statements only), a target pattern some state matches, a start state and a goal. */
function randomCase(seed: number, size: "small" | "tiny"): Case | null {
  const r = rng(seed * 7919);
  const dms = size === "tiny" ? 2 : 2 + (seed % 2);
  const doc = generateModel({
    decisionMakers: dms,
    options: Array.from({ length: dms }, () => (size === "tiny" ? 1 + Math.floor(r() * 2) : 1 + Math.floor(r() * 2))),
    statements: size === "tiny" ? 2 + (seed % 2) : 2 + (seed % 3),
    conditions: seed % 3,
    oneWay: 0.2,
    seed,
  });
  const v = validateDocument(doc);
  if (!v.ok) return null;
  const space = v.value.space!;
  const ids = space.model.options.map((o) => o.id);
  // A target of one or two literals, read off a random state so it matches something.
  const s = Math.floor(r() * space.size);
  const picked = ids.filter(() => r() < 0.5).slice(0, 2);
  const lits = (picked.length ? picked : [ids[0]!]).map((id) => (space.taken(asStateIndex(s), ids.indexOf(id)) ? id : `-${id}`));
  return { doc, space, target: lits.join(" & "), start: asStateIndex(Math.floor(r() * space.size)), goal: GOALS[seed % GOALS.length]! };
}

const statementsOf = (doc: ScenarioDocument, d: number): string[] =>
  (doc.model!.decisionMakers[d]!.preferences ?? []).map((p) => (typeof p === "string" ? p : p.statement));

/** Every single change to one decision maker's statements, written out as statement lists (same order of enumeration as the definition: drops, moves, additions). */
function oracleSingles(list: readonly string[], additions: readonly string[]): { key: string; list: string[] }[] {
  const out: { key: string; list: string[] }[] = [];
  list.forEach((_, k) => out.push({ key: `drop ${k + 1}`, list: list.filter((__, j) => j !== k) }));
  const orders = new Set<string>();
  for (let k = 0; k < list.length; k++) {
    for (let j = 0; j < list.length; j++) {
      if (j === k) continue;
      const rest = list.map((_, i) => i).filter((i) => i !== k);
      rest.splice(j, 0, k);
      if (orders.has(rest.join())) continue;
      orders.add(rest.join());
      out.push({ key: `move ${k + 1}->${j + 1}`, list: rest.map((i) => list[i]!) });
    }
  }
  for (const a of additions) for (let j = 0; j <= list.length; j++) out.push({ key: `add ${a} @${j + 1}`, list: [...list.slice(0, j), a, ...list.slice(j)] });
  return out;
}

function partKey(p: ChangePart): string {
  if (p.kind === "third-party") return `${p.option.kind} ${p.option.by}->${p.option.to}`;
  const c = p.change;
  return `${c.dm}: ${c.kind === "drop" ? `drop ${c.position}` : c.kind === "move" ? `move ${c.from}->${c.to}` : `add ${c.statement} @${c.position}`}`;
}

const sameArrays = (a: readonly Int32Array[], b: readonly Int32Array[]): boolean => a.every((x, i) => x.every((v, s) => v === b[i]![s]));

describe("stabilization: the smallest changes, against brute force", () => {
  it("size 1: the same changes (preference and third-party) reach the same concepts at the same state as a brute-force re-analysis", { timeout: 600_000 }, () => {
    let compared = 0;
    let met = 0;
    let thirdPartyFound = 0;
    for (let seed = 1; compared < 24; seed++) {
      const c = randomCase(seed, "small");
      if (!c) continue;
      const { doc, space, goal, start } = c;
      const target = resolveTarget(space.model, c.target);
      if (!target.ok) throw new Error("bad target");
      const inTarget = (sp: StateSpace, s: number): boolean => evaluate(target.value.expr, (o) => sp.taken(asStateIndex(s), o));
      const fast = searchChanges(analyze(space), target.value.expr, c.target, { goal, start, maxSize: 1, maxPairEvaluations: 0, thirdParty: true, limit: Infinity });
      compared++;
      const startVector = space.vector(start);
      const base = oracleOutcome(doc, inTarget, goal, startVector);
      const meets = (o: OracleOutcome | null): boolean => o !== null && goal.every((x) => o.concepts.includes(x));
      expect(fast.alreadyMet, `seed ${seed}: already met`).toBe(meets(base));
      if (meets(base)) continue;

      // Brute force: every single change, each rebuilt as a document and analysed by the definitions.
      const basePayoffs = oraclePayoffs(space);
      const ids = space.model.options.map((o) => o.id);
      const additions = [...ids, ...ids.map((id) => `-${id}`), ...(c.target.includes("&") ? [c.target] : [])];
      const results: { key: string; o: OracleOutcome }[] = [];
      doc.model!.decisionMakers.forEach((dm, d) => {
        for (const ch of oracleSingles(statementsOf(doc, d), additions)) {
          const changed = docWithStatements(doc, d, ch.list);
          const v = validateDocument(changed);
          if (!v.ok) throw new Error("changed document invalid");
          if (sameArrays(oraclePayoffs(v.value.space!), basePayoffs)) continue; // changes no ranking
          const o = oracleOutcome(changed, inTarget, goal, startVector);
          if (o) results.push({ key: `${dm.id}: ${ch.key}`, o });
        }
      });
      const third: { key: string; position: number; o: OracleOutcome }[] = [];
      for (const kind of ["offer", "threat"] as const) {
        doc.model!.decisionMakers.forEach((dm, d) => {
          doc.model!.decisionMakers.forEach((gm, g) => {
            if (g === d) return;
            for (let p = 1; p <= statementsOf(doc, d).length + 1; p++) {
              const x = docWithThirdParty(doc, space, kind, g, d, p, c.target);
              const q = doc.model!.decisionMakers.slice(0, g + 1).reduce((n, m) => n + m.options.length, 0);
              const low = startVector % 2 ** q;
              const o = oracleOutcome(x, (sp, s) => inTarget(shrink(sp, s, q), 0) && sp.taken(asStateIndex(s), q) === (kind === "offer"), goal, low + (startVector - low) * 2);
              if (o) third.push({ key: `${kind} ${gm.id}->${dm.id}`, position: p, o });
            }
          });
        });
      }
      const all = [...results.map((x) => x.o), ...third.map((x) => x.o)];
      const goalMet = all.some(meets);
      expect(fast.goalMet, `seed ${seed}: goal met`).toBe(goalMet);
      if (goalMet) met++;
      const top = Math.max(0, ...all.map((o) => score(o.concepts)));
      const keep = (o: OracleOutcome): boolean => (goalMet ? meets(o) : score(o.concepts) === top);
      // Preference changes: the same set, each with the same concepts and state.
      const want = new Map(results.filter((x) => keep(x.o)).map((x) => [x.key, x.o]));
      const got = new Map<string, { concepts: readonly BasicConcept[]; state: number }>();
      for (const f of fast.changes) {
        if (f.parts[0]!.kind !== "preference") continue;
        for (const parts of [f.parts, ...f.sameEffect]) got.set(partKey(parts[0]!), { concepts: f.concepts, state: f.state.state - 1 });
      }
      expect([...got.keys()].sort(), `seed ${seed}: preference changes`).toEqual([...want.keys()].sort());
      for (const [k, o] of want) expect(got.get(k), `seed ${seed}: ${k}`).toEqual({ concepts: o.concepts, state: o.state });
      // Third-party options: the same (kind, by, to), at the least demanding place that reaches the strongest result.
      const wantThird = new Map<string, number>();
      const bestScore = new Map<string, number>();
      for (const x of third) {
        const sc = (meets(x.o) ? 100 : 0) + score(x.o.concepts);
        if (!bestScore.has(x.key) || sc > bestScore.get(x.key)!) bestScore.set(x.key, sc);
      }
      for (const x of third) {
        if (keep(x.o) && (meets(x.o) ? 100 : 0) + score(x.o.concepts) === bestScore.get(x.key)) wantThird.set(x.key, Math.max(wantThird.get(x.key) ?? 0, x.position));
      }
      const gotThird = new Map(fast.changes.filter((f) => f.parts[0]!.kind === "third-party").map((f) => {
        const p = f.parts[0] as Extract<ChangePart, { kind: "third-party" }>;
        return [partKey(p), p.option.position] as const;
      }));
      expect(gotThird, `seed ${seed}: third-party options`).toEqual(wantThird);
      thirdPartyFound += gotThird.size;
    }
    // The cases exercise both outcomes and the third-party options.
    expect(met).toBeGreaterThan(3);
    expect(thirdPartyFound).toBeGreaterThan(3);
  });

  it("size 2: the same pairs of preference changes reach the goal as a brute-force search over all pairs", { timeout: 600_000 }, () => {
    let searched = 0;
    let pairsFound = 0;
    let sameDm = 0;
    for (let seed = 1; (searched < 8 || sameDm === 0) && seed < 120; seed++) {
      const c = randomCase(seed, "tiny");
      if (!c) continue;
      const { doc, space, goal, start } = c;
      const target = resolveTarget(space.model, c.target);
      if (!target.ok) throw new Error("bad target");
      const fast = searchChanges(analyze(space), target.value.expr, c.target, { goal, start, maxSize: 2, maxPairEvaluations: 1e9, thirdParty: false, limit: Infinity });
      if (!fast.coverage.pairs.searched) continue;
      searched++;
      expect(fast.coverage.pairs.exhaustive).toBe(true);
      const inTarget = (sp: StateSpace, s: number): boolean => evaluate(target.value.expr, (o) => sp.taken(asStateIndex(s), o));
      const startVector = space.vector(start);
      const ids = space.model.options.map((o) => o.id);
      const additions = [...ids, ...ids.map((id) => `-${id}`), ...(c.target.includes("&") ? [c.target] : [])];
      const basePayoffs = oraclePayoffs(space);
      const signature = (d: ScenarioDocument): string => {
        const v = validateDocument(d);
        if (!v.ok) throw new Error("changed document invalid");
        return oraclePayoffs(v.value.space!).map((p) => p.join()).join("|");
      };
      const singles = doc.model!.decisionMakers.map((_, d) => oracleSingles(statementsOf(doc, d), additions));
      const singleEffects = new Set(singles.flatMap((list, d) => list.map((ch) => signature(docWithStatements(doc, d, ch.list)))));
      const want = new Set<string>();
      const consider = (changed: ScenarioDocument): void => {
        const sig = signature(changed);
        if (singleEffects.has(sig) || sig === basePayoffs.map((p) => p.join()).join("|")) return;
        const o = oracleOutcome(changed, inTarget, goal, startVector);
        if (o && goal.every((x) => o.concepts.includes(x))) want.add(sig);
      };
      const D = doc.model!.decisionMakers.length;
      for (let d1 = 0; d1 < D; d1++) {
        for (const a of singles[d1]!) {
          const first = docWithStatements(doc, d1, a.list);
          if (signature(first) === signature(doc)) continue;
          for (let d2 = d1; d2 < D; d2++) {
            const seconds = d2 === d1 ? oracleSingles(a.list, additions) : singles[d2]!;
            for (const b of seconds) {
              if (d2 !== d1 && signature(docWithStatements(doc, d2, b.list)) === signature(doc)) continue;
              consider(docWithStatements(first, d2, b.list));
            }
          }
        }
      }
      // The fast search's pairs, each applied to the document and summarised the same way.
      const got = new Set<string>();
      for (const f of fast.changes.filter((x) => x.size === 2)) {
        let changed = doc;
        for (const p of f.parts) {
          if (p.kind !== "preference") throw new Error("pairs hold preference changes only");
          const d = changed.model!.decisionMakers.findIndex((m) => m.id === p.change.dm);
          const list = statementsOf(changed, d);
          const ch = p.change;
          const next = ch.kind === "drop" ? list.filter((_, j) => j !== ch.position - 1)
            : ch.kind === "add" ? [...list.slice(0, ch.position - 1), ch.statement, ...list.slice(ch.position - 1)]
            : (() => { const rest = list.filter((_, j) => j !== ch.from - 1); rest.splice(ch.to - 1, 0, list[ch.from - 1]!); return rest; })();
          changed = docWithStatements(changed, d, next);
        }
        got.add(signature(changed));
      }
      expect([...got].sort(), `seed ${seed}: pairs that reach the goal`).toEqual([...want].sort());
      sameDm += fast.changes.filter((x) => x.size === 2 && x.parts[0]!.kind === "preference" && x.parts[1]!.kind === "preference" && x.parts[0]!.change.dm === x.parts[1]!.change.dm).length;
      expect(fast.goalMet).toBe(want.size > 0);
      pairsFound += want.size;
    }
    expect(searched).toBeGreaterThanOrEqual(8);
    // Both kinds of pairs occur: two decision makers, and two changes to one.
    expect(pairsFound).toBeGreaterThan(sameDm);
    expect(sameDm).toBeGreaterThan(0);
  });
});

/** State s of a model with an extra option at q, seen in the model without it (the caller tests the same target). */
function shrink(sp: StateSpace, s: number, q: number): StateSpace {
  // A view that hides option q: option o < q reads itself, o ≥ q reads o + 1.
  return { taken: (_: number, o: number) => sp.taken(asStateIndex(s), o >= q ? o + 1 : o) } as unknown as StateSpace;
}

describe("stabilization: pulls and the blocked path", () => {
  it("gives each pull's deciding statement, each concept's verdict as defined, and a legal path with the fewest blocked steps", { timeout: 120_000 }, () => {
    let blockedPaths = 0;
    let pulls = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const c = randomCase(seed, "small");
      if (!c) continue;
      const { space } = c;
      const target = resolveTarget(space.model, c.target);
      if (!target.ok) continue;
      const a = analyze(space);
      const P = oraclePayoffs(space);
      const oracle = new Oracle(space, P);
      const res = stabilize(a, target.value, { from: c.start, maxSize: 1, thirdParty: false });
      const T = targetStates(space, target.value);
      const focus = res.focus!.state - 1;
      // (a) Every decision maker's verdict per concept matches the definition; every pull is an improvement its statement explains.
      res.pulls.forEach((dp, i) => {
        for (const concept of BASIC_CONCEPTS) expect(dp.stable[concept]).toBe(oracle.stable(i, focus, concept));
        expect(dp.improvements.map((x) => x.move.to - 1).sort((x, y) => x - y)).toEqual(oracle.R(i, focus).filter((t) => P[i]![t]! > P[i]![focus]!));
        for (const imp of dp.improvements) {
          pulls++;
          const st = space.model.decisionMakers[i]!.preference;
          if (st.kind !== "priorities") continue;
          const k = imp.why!.position - 1;
          const holds = (s: number, j: number): boolean => evaluate(st.statements[j]!.expr, (o) => space.taken(asStateIndex(s), o));
          expect(holds(imp.move.to - 1, k)).toBe(true);
          expect(holds(focus, k)).toBe(false);
          for (let j = 0; j < k; j++) expect(holds(imp.move.to - 1, j)).toBe(holds(focus, j));
        }
      });
      // (b) Reachability as defined; the blocked path is legal and has the fewest blocked steps, then the fewest moves.
      const dist = oracleDistances(oracle, c.start);
      expect(res.reach!.reachable).toBe(T.some((t) => dist[t]! >= 0));
      if (res.reach!.reachable || res.reach!.blocked === null) continue;
      const steps = res.reach!.blocked!.steps;
      let at: number = c.start;
      for (const st of steps) {
        const k = space.model.decisionMakers.findIndex((d) => d.name === st.move.by);
        expect(st.move.from - 1).toBe(at);
        expect(oracle.R(k, at)).toContain(st.move.to - 1);
        expect(st.improvement).toBe(P[k]![st.move.to - 1]! > P[k]![at]!);
        at = st.move.to - 1;
      }
      expect(T).toContain(at);
      const best = fewestBlockedByDefinition(oracle, c.start, T);
      expect([res.reach!.blocked!.blockedSteps, steps.length]).toEqual(best);
      blockedPaths++;
    }
    expect(blockedPaths).toBeGreaterThan(5);
    expect(pulls).toBeGreaterThan(20);
  });
});

/** The least (blocked moves, moves) over all legal paths to a target state, by Bellman–Ford relaxation. */
function fewestBlockedByDefinition(oracle: Oracle, from: number, T: readonly number[]): [number, number] {
  const S = oracle.space.size;
  const best: [number, number][] = Array.from({ length: S }, () => [Infinity, Infinity]);
  best[from] = [0, 0];
  const better = (a: [number, number], b: [number, number]): boolean => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
  for (let changed = true; changed; ) {
    changed = false;
    for (let u = 0; u < S; u++) {
      if (best[u]![0] === Infinity) continue;
      for (let k = 0; k < oracle.P.length; k++) {
        for (const w of oracle.R(k, u)) {
          const c: [number, number] = [best[u]![0] + (oracle.P[k]![w]! > oracle.P[k]![u]! ? 0 : 1), best[u]![1] + 1];
          if (better(c, best[w]!)) { best[w] = c; changed = true; }
        }
      }
    }
  }
  return T.map((t) => best[t]!).reduce((a, b) => (better(b, a) ? b : a));
}
