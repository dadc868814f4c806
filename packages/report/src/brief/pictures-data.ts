/**
 * The data of the brief's two pictures: the paths from today to where moves lead and
 * to the named outcomes (blocked steps marked, with who blocks and why), and who holds
 * what (every option, today and in those outcomes).
 */
import { asStateIndex, optionValues, valueWords } from "@concord/core";
import type { Facts } from "../facts.js";
import { holdLevel } from "../facts.js";
import type { BriefStep, ExpectedMove, Holdings, PathsGraph, TargetOutlook } from "../types.js";
import { shortLabel } from "../words.js";
import { diffWords, stateWords } from "./steps.js";

export function pathsGraph(f: Facts, next: readonly ExpectedMove[], targets: readonly TargetOutlook[]): PathsGraph | undefined {
  const sq = f.sq;
  if (sq === undefined) return undefined;
  const space = f.a.space;
  const titles = new Map<number, string[]>([[sq + 1, ["Today"]]]);
  const title = (state: number, t: string): void => {
    const list = titles.get(state) ?? [];
    if (!list.includes(t)) list.push(t);
    titles.set(state, list);
  };
  const steps: BriefStep[] = [];
  const lead = next[0];
  if (lead) {
    steps.push(lead.step, ...lead.then);
    if (lead.settles) title(lead.settles.state, "Where moves lead");
  }
  for (const t of targets) {
    steps.push(...t.path, ...t.settle);
    // The outcome as it would settle: where the way there ends, after the moves that follow.
    title(t.end.state, t.label);
  }
  const edges = new Map<string, PathsGraph["edges"][number]>();
  for (const s of steps) {
    const key = `${s.from}>${s.to}`;
    if (edges.has(key)) continue;
    edges.set(key, {
      from: s.from,
      to: s.to,
      dm: s.dm,
      by: s.by,
      words: s.words,
      blocked: s.blocked,
      ...(s.why ? { why: `${s.why.dm}'s priority: ${s.why.words}`, priority: s.why.position } : {}),
      estimate: s.why?.estimate === true,
    });
  }
  const states = new Set<number>([sq + 1, ...steps.flatMap((s) => [s.from, s.to])]);
  const order = [...states].sort((x, y) => (x === sq + 1 ? -1 : y === sq + 1 ? 1 : x - y));
  return {
    decisionMakers: space.model.decisionMakers.map((d) => d.name),
    nodes: order.map((state) => {
      const s = state - 1;
      const today = s === sq;
      return { state, title: (titles.get(state) ?? []).join(" · "), today, holds: holdLevel(f, s), lines: today ? stateWords(space, s) : diffWords(space, sq, s) };
    }),
    edges: [...edges.values()],
  };
}

export function holdings(f: Facts, next: readonly ExpectedMove[], targets: readonly TargetOutlook[]): Holdings | undefined {
  const sq = f.sq;
  if (sq === undefined) return undefined;
  const space = f.a.space;
  const m = space.model;
  const columns: Holdings["columns"][number][] = [{ title: "Today", kind: "today", state: sq + 1, holds: holdLevel(f, sq) }];
  const settles = next[0]?.settles;
  if (settles && settles.state !== sq + 1) columns.push({ title: "Where moves lead", kind: "lead", state: settles.state, holds: settles.holds });
  for (const t of targets) columns.push({ title: t.label, kind: "target", state: t.end.state, holds: t.end.holds });
  return {
    columns,
    // A row per option as written: an option with alternatives shows the alternative chosen in each column.
    rows: m.decisionMakers.flatMap((dm, d) => {
      const perColumn = columns.map((c) => optionValues(m, (o) => space.taken(asStateIndex(c.state - 1), o), dm.index));
      return perColumn[0]!.map((v, k) => {
        const opt = v.choice ? undefined : m.options.find((o) => o.id === v.id);
        return {
          dm: dm.name,
          dmIndex: d,
          option: v.id,
          label: shortLabel(v.label),
          ...(opt?.oneWay !== undefined ? { oneWay: opt.oneWay } : {}),
          values: perColumn.map((vs) => (vs[k]!.choice ? (vs[k]!.valueLabel ?? vs[k]!.value) : vs[k]!.taken)),
          ...(v.choice ? { phrases: perColumn.map((vs) => (vs[k]!.taken ? shortLabel(valueWords(vs[k]!)) : null)) } : {}),
        };
      });
    }),
  };
}
