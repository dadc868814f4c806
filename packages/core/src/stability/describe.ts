/** Plain-words descriptions of states and moves, for explanations and reports. */
import { stateNumber, type DmIndex, type StateIndex, type StateNumber } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";

export interface OptionChange {
  readonly option: string;
  readonly label: string;
  /** true: the option is now taken; false: it is dropped. */
  readonly taken: boolean;
}

export interface MoveDescription {
  /** The mover's name and id. */
  readonly by: string;
  readonly dm: string;
  readonly from: StateNumber;
  readonly to: StateNumber;
  readonly changes: readonly OptionChange[];
}

export function describeMove(space: StateSpace, dm: DmIndex, from: StateIndex, to: StateIndex): MoveDescription {
  const m = space.model;
  const changes: OptionChange[] = [];
  for (const o of m.decisionMakers[dm]!.options) {
    const a = space.taken(from, o);
    const b = space.taken(to, o);
    if (a !== b) changes.push({ option: m.options[o]!.id, label: m.options[o]!.label, taken: b });
  }
  const mover = m.decisionMakers[dm]!;
  return { by: mover.name, dm: mover.id, from: stateNumber(from), to: stateNumber(to), changes };
}

/** "Azerbaijan: starts \"…\", stops \"…\" (state 3 → 7)". */
export function moveText(move: MoveDescription): string {
  const parts = move.changes.map((c) => `${c.taken ? "takes" : "drops"} "${c.label}"`);
  return `${move.by} ${parts.join(" and ")} (state ${move.from} → ${move.to})`;
}
