/** Plain-words descriptions of states and moves, for explanations and reports. */
import type { StateSpace } from "../statespace/space.js";

export interface OptionChange {
  readonly option: string;
  readonly label: string;
  /** true: the option is now taken; false: it is dropped. */
  readonly taken: boolean;
}

export interface MoveDescription {
  readonly by: string;
  /** 1-based state numbers. */
  readonly from: number;
  readonly to: number;
  readonly changes: readonly OptionChange[];
}

export function describeMove(space: StateSpace, dm: number, from: number, to: number): MoveDescription {
  const m = space.model;
  const changes: OptionChange[] = [];
  for (const o of m.decisionMakers[dm]!.options) {
    const a = space.taken(from, o);
    const b = space.taken(to, o);
    if (a !== b) changes.push({ option: m.options[o]!.id, label: m.options[o]!.label, taken: b });
  }
  return { by: m.decisionMakers[dm]!.name, from: from + 1, to: to + 1, changes };
}

/** "Azerbaijan: starts \"…\", stops \"…\" (state 3 → 7)". */
export function moveText(move: MoveDescription): string {
  const parts = move.changes.map((c) => `${c.taken ? "takes" : "drops"} "${c.label}"`);
  return `${move.by} ${parts.join(" and ")} (state ${move.from} → ${move.to})`;
}
