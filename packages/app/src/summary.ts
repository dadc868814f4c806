/** The model as plain data, for results that list states: who controls which option. */
import { optionValues, stateNumber, type StateIndex, type StateNumber, type StateSpace } from "@concord/core";

export interface DecisionMakerSummary {
  readonly id: string;
  readonly name: string;
  /** Ids of the options it controls, in model order. */
  readonly options: readonly string[];
}

export interface OptionSummary {
  readonly id: string;
  readonly label: string;
  /** Id of the decision maker that controls it. */
  readonly dm: string;
  /** For an option with alternatives: its alternatives, the first being the default. */
  readonly alternatives?: readonly { readonly id: string; readonly label: string }[];
}

export interface ModelSummary {
  readonly decisionMakers: readonly DecisionMakerSummary[];
  readonly options: readonly OptionSummary[];
  /** The status quo's state number, when the model has one. */
  readonly statusQuo?: StateNumber;
}

export function modelSummary(space: StateSpace): ModelSummary {
  const m = space.model;
  const sq = space.statusQuo;
  // Options as written: an option with alternatives is one option here, not its yes/no options.
  const written = optionValues(m, () => false);
  const choices = new Map((m.choices ?? []).map((c) => [c.id, c]));
  return {
    decisionMakers: m.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name, options: written.filter((v) => v.dm === dm.index).map((v) => v.id) })),
    options: written.map((v) => {
      const c = choices.get(v.id);
      return { id: v.id, label: v.label, dm: m.decisionMakers[v.dm]!.id, ...(c ? { alternatives: c.alternatives.map((a) => ({ id: a.id, label: a.label })) } : {}) };
    }),
    ...(sq !== undefined ? { statusQuo: stateNumber(sq) } : {}),
  };
}

/** Each option's value in state `s`, by option id: taken or not, or the id of the alternative chosen. */
export function stateValues(space: StateSpace, s: StateIndex): Record<string, boolean | string> {
  const values: Record<string, boolean | string> = {};
  for (const v of optionValues(space.model, (o) => space.taken(s, o))) values[v.id] = v.choice ? v.value : v.taken;
  return values;
}

/** A state's value of one option as a table cell: Y, N or the alternative's id. */
export function valueCell(value: boolean | string | undefined): string {
  return typeof value === "string" ? value : value ? "Y" : "N";
}
