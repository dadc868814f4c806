/**
 * Equilibria grouped by what they have in common, for a report that stays short: first
 * by the named outcome (target) they match, then, while there are few groups, the
 * largest group is split on the option that divides it most evenly. Each group lists
 * the options all its equilibria agree on.
 */
import { asStateIndex, evaluate, stateIndexOf, type BasicConcept, type StateIndex } from "@concord/core";
import type { Facts } from "./facts.js";
import type { EquilibriumGroup } from "./types.js";

export interface GroupOptions {
  /** Most groups (default 8). */
  readonly maxGroups?: number;
  /** Groups smaller than this are not split (default 8). */
  readonly minSplit?: number;
  /** Most state numbers listed per group (default 500). */
  readonly listCap?: number;
}

export function groupEquilibria(f: Facts, options: GroupOptions = {}): EquilibriumGroup[] {
  const { a } = f;
  const space = a.space;
  const m = space.model;
  const maxGroups = options.maxGroups ?? 8;
  const minSplit = options.minSplit ?? 8;
  const cap = options.listCap ?? 500;
  // Plain loops and bit reads over typed arrays: at a million equilibria, a callback or a
  // method call per state and option was seconds, and a Set of them hundreds of MB.
  const S = space.size;
  const { lo, hi } = space;
  const taken = (s: number, o: number): boolean => (o < 32 ? (lo[s]! >>> o) & 1 : (hi[s]! >>> (o - 32)) & 1) === 1;
  const isEq = new Uint8Array(S);
  for (const c of a.concepts) {
    const mask = f.eq[c]!;
    for (let s = 0; s < S; s++) isEq[s]! |= mask[s]!;
  }
  const union: StateIndex[] = [];
  for (let s = 0; s < S; s++) if (isEq[s] === 1) union.push(asStateIndex(s));
  if (union.length === 0) return [];

  let groups: { title: string; target?: string; split: { option: number; taken: boolean }[]; states: StateIndex[] }[] = [];
  // isEq[s] = 1 while s is in no target's group yet.
  for (const t of m.targets ?? []) {
    const states = union.filter((s) => isEq[s] === 1 && evaluate(t.expr, (o) => taken(s, o)));
    for (const s of states) isEq[s] = 0;
    if (states.length) groups.push({ title: t.label, target: t.id, split: [], states });
  }
  const rest = m.targets?.length ? union.filter((s) => isEq[s] === 1) : union;
  if (rest.length) groups.push({ title: m.targets?.length ? "None of the named outcomes" : "All equilibria", split: [], states: rest });

  while (groups.length < maxGroups) {
    let best = -1;
    let split = -1;
    let balance = 0;
    groups.forEach((g, i) => {
      if (g.states.length < minSplit || (best >= 0 && g.states.length <= groups[best]!.states.length)) return;
      let option = -1;
      let even = 0;
      for (let o = 0; o < m.options.length; o++) {
        let yes = 0;
        for (const s of g.states) if (taken(s, o)) yes++;
        const smaller = Math.min(yes, g.states.length - yes);
        if (smaller > even) { even = smaller; option = o; }
      }
      if (option >= 0) { best = i; split = option; balance = even; }
    });
    if (best < 0 || balance === 0) break;
    const g = groups[best]!;
    const yes = g.states.filter((s) => taken(s, split));
    const no = g.states.filter((s) => !taken(s, split));
    const parts = [
      { ...g, split: [...g.split, { option: split, taken: true }], states: yes },
      { ...g, split: [...g.split, { option: split, taken: false }], states: no },
    ].sort((x, y) => y.states.length - x.states.length);
    groups = [...groups.slice(0, best), ...parts, ...groups.slice(best + 1)];
  }

  const reached = new Set((f.sqa?.reachable ?? []).map((r) => stateIndexOf(r.state)));
  return groups.map((g) => {
    const pattern: EquilibriumGroup["pattern"][number][] = [];
    for (const dm of m.decisionMakers) {
      for (const o of dm.options) {
        const v = taken(g.states[0]!, o);
        if (g.states.every((s) => taken(s, o) === v)) pattern.push({ dm: dm.name, label: m.options[o]!.label, taken: v });
      }
    }
    const byConcept = a.concepts.map((c: BasicConcept) => ({ concept: c, count: g.states.filter((s) => f.eq[c]![s] === 1).length }));
    return {
      title: g.title,
      ...(g.target !== undefined ? { target: g.target } : {}),
      split: g.split.map((x) => ({ label: m.options[x.option]!.label, taken: x.taken })),
      pattern,
      count: g.states.length,
      byConcept,
      states: g.states.slice(0, cap).map((s) => s + 1),
      statusQuo: f.sq !== undefined && g.states.includes(f.sq),
      reachable: g.states.filter((s) => reached.has(s)).map((s) => s + 1),
    };
  });
}
