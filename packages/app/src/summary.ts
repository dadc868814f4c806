/** The model as plain data, for results that list states: who controls which option. */
import { stateNumber, type StateIndex, type StateNumber, type StateSpace } from "@concord/core";

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
  return {
    decisionMakers: m.decisionMakers.map((dm) => ({ id: dm.id, name: dm.name, options: dm.options.map((o) => m.options[o]!.id) })),
    options: m.options.map((o) => ({ id: o.id, label: o.label, dm: m.decisionMakers[o.dm]!.id })),
    ...(sq !== undefined ? { statusQuo: stateNumber(sq) } : {}),
  };
}

/** Each option's value (taken or not) in state `s`, by option id. */
export function stateValues(space: StateSpace, s: StateIndex): Record<string, boolean> {
  const values: Record<string, boolean> = {};
  for (const o of space.model.options) values[o.id] = space.taken(s, o.index);
  return values;
}
