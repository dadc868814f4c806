/** Plain-words descriptions of states and moves, for explanations and reports. */
import { stateNumber, type DmIndex, type StateIndex, type StateNumber } from "../numbering.js";
import type { StateSpace } from "../statespace/space.js";
import { valueChanges, valueWords } from "../model/values.js";

export interface OptionChange {
  /** The option's id (for an option with alternatives, its id as written, e.g. `transit`). */
  readonly option: string;
  /** The option's label; for an option with alternatives, with the alternative taken up or dropped (`Transit regime: monitored`). */
  readonly label: string;
  /** true: the option is now taken (or an alternative other than the first chosen); false: it is dropped. */
  readonly taken: boolean;
  /** For an option with alternatives: its own label and the alternatives chosen before and after the move. */
  readonly alternatives?: {
    readonly label: string;
    readonly from: { readonly id: string; readonly label: string };
    readonly to: { readonly id: string; readonly label: string };
  };
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
  const changes: OptionChange[] = valueChanges(m, (o) => space.taken(from, o), (o) => space.taken(to, o), dm).map(({ from: a, to: b }) =>
    b.choice
      ? {
          option: b.id,
          label: valueWords(b.taken ? b : a),
          taken: b.taken,
          alternatives: { label: b.label, from: { id: a.value, label: a.valueLabel ?? a.value }, to: { id: b.value, label: b.valueLabel ?? b.value } },
        }
      : { option: b.id, label: b.label, taken: b.taken },
  );
  const mover = m.decisionMakers[dm]!;
  return { by: mover.name, dm: mover.id, from: stateNumber(from), to: stateNumber(to), changes };
}

/** One change in words: `takes "…"`, `drops "…"`, or for an option with alternatives `changes "…" from "…" to "…"`. */
export function changeText(c: Pick<OptionChange, "label" | "taken" | "alternatives">, quote: (s: string) => string = (s) => `"${s}"`): string {
  const a = c.alternatives;
  if (a !== undefined) return `changes ${quote(a.label)} from ${quote(a.from.label)} to ${quote(a.to.label)}`;
  return `${c.taken ? "takes" : "drops"} ${quote(c.label)}`;
}

/** "Azerbaijan takes \"…\" and drops \"…\" (state 3 → 7)". */
export function moveText(move: MoveDescription): string {
  return `${move.by} ${move.changes.map((c) => changeText(c)).join(" and ")} (state ${move.from} → ${move.to})`;
}
