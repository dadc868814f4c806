/**
 * How a state reads option by option, as users see it: a yes/no option is taken or
 * not; an option with alternatives (ChoiceInfo) has the alternative chosen
 * (`transit = sovereign`), whatever yes/no options it was compiled to. Every place
 * that prints option values goes through here.
 */
import type { DmIndex } from "../numbering.js";
import type { ChoiceInfo, ConflictModel } from "./types.js";

export interface OptionValue {
  /** A yes/no option's id, or the id of an option with alternatives. */
  readonly id: string;
  readonly label: string;
  readonly dm: DmIndex;
  /** "Y" or "N" for a yes/no option; the id of the alternative chosen otherwise. */
  readonly value: string;
  /** The chosen alternative's label (options with alternatives only). */
  readonly valueLabel?: string;
  /** The chosen alternative as a whole phrase, when the scenario gives one. */
  readonly valueFullLabel?: string;
  /** Away from the default: a yes/no option taken, or an alternative other than the first. */
  readonly taken: boolean;
  /** True for an option with alternatives. */
  readonly choice: boolean;
}

/** A change of one option's value in a move. */
export interface ValueChange {
  readonly from: OptionValue;
  readonly to: OptionValue;
}

/** The option with alternatives a yes/no option belongs to, if any. */
export function choiceOf(model: ConflictModel, option: number): ChoiceInfo | undefined {
  const a = model.options[option]!.alternative;
  return a === undefined ? undefined : model.choices?.find((c) => c.id === a.choice);
}

/**
 * Every option's value in the state where `taken(o)` tells whether yes/no option `o`
 * is Y, in model order (an option with alternatives where its first alternative's
 * option is); only decision maker `dm`'s when given.
 */
export function optionValues(model: ConflictModel, taken: (option: number) => boolean, dm?: DmIndex): OptionValue[] {
  const out: OptionValue[] = [];
  const done = new Set<string>();
  // A decision maker's options are a contiguous run: only those are read when `dm` is given.
  const list = dm === undefined ? model.options : model.decisionMakers[dm]!.options.map((o) => model.options[o]!);
  for (const o of list) {
    const c = o.alternative === undefined ? undefined : choiceOf(model, o.index);
    if (c === undefined) {
      const y = taken(o.index);
      out.push({ id: o.id, label: o.label, dm: o.dm, value: y ? "Y" : "N", taken: y, choice: false });
      continue;
    }
    if (done.has(c.id)) continue;
    done.add(c.id);
    const chosen = c.alternatives.find((a) => a.option !== undefined && taken(a.option)) ?? c.alternatives[0]!;
    const full = chosen.fullLabel !== undefined ? { valueFullLabel: chosen.fullLabel } : {};
    out.push({ id: c.id, label: c.label, dm: c.dm, value: chosen.id, valueLabel: chosen.label, ...full, taken: chosen.option !== undefined, choice: true });
  }
  return out;
}

/** The options whose value differs between two states (decision maker `dm`'s only when given). */
export function valueChanges(model: ConflictModel, before: (option: number) => boolean, after: (option: number) => boolean, dm?: DmIndex): ValueChange[] {
  const a = optionValues(model, before, dm);
  const b = optionValues(model, after, dm);
  return a.flatMap((from, k) => (from.value === b[k]!.value ? [] : [{ from, to: b[k]! }]));
}

/** `transit = sovereign` for an option with alternatives, `sign` or `-sign` for a yes/no option: the preference language's words. */
export function valueText(v: OptionValue): string {
  return v.choice ? `${v.id} = ${v.value}` : v.taken ? v.id : `-${v.id}`;
}

/** In words: the alternative's full label, else `Transit regime: under sovereignty`; or a yes/no option's label. */
export function valueWords(v: OptionValue): string {
  return v.choice ? v.valueFullLabel ?? `${v.label}: ${v.valueLabel ?? v.value}` : v.label;
}


/** The name of yes/no option `o` in the preference language: its id, or `transit = sovereign` for an alternative. */
export function optionName(model: ConflictModel, o: number): string {
  const opt = model.options[o]!;
  return opt.alternative ? `${opt.alternative.choice} = ${opt.alternative.id}` : opt.id;
}
