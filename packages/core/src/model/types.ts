/**
 * The conflict model in option form, after validation: options in one global order
 * (grouped by decision maker, in document order), expressions resolved to option
 * indices, feasibility compiled to bit patterns.
 */
import type { DmIndex } from "../numbering.js";
import type { Expr, Term } from "./expression.js";

export interface Evidence {
  readonly source?: string;
  /** Ids of a statement, event or document of the negotiation record. */
  readonly statement?: string;
  readonly event?: string;
  readonly document?: string;
  readonly quote?: string;
  readonly page?: string;
  readonly note?: string;
}

export interface OptionInfo {
  /** Global index = bit position in a state vector (first option least significant). */
  readonly index: number;
  readonly id: string;
  readonly label: string;
  /** The decision maker that controls it. */
  readonly dm: DmIndex;
  /** When the option stands for one alternative of an option with alternatives: which (see ChoiceInfo). */
  readonly alternative?: { readonly choice: string; readonly id: string };
  /** toY: may only change N→Y; toN: may only change Y→N. */
  readonly oneWay?: "toY" | "toN";
  /** A deadline of the record that settles the option (see OptionDeadline). */
  readonly deadline?: OptionDeadline;
  /** A modeller's judgement that the evidence does not directly show (the option may not really be open). */
  readonly estimate?: true;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

/**
 * An option with several alternatives, as written (e.g. transit: none / sovereign /
 * monitored). It is compiled to yes/no options: the first alternative is the default and
 * has none of its own (it is the state where no other alternative is chosen); each other
 * alternative is one yes/no option, and a feasibility condition keeps at most one taken.
 */
export interface ChoiceInfo {
  readonly id: string;
  readonly label: string;
  readonly dm: DmIndex;
  /** The first is the default (no option); the others carry the index of their yes/no option. */
  readonly alternatives: readonly AlternativeInfo[];
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface AlternativeInfo {
  readonly id: string;
  readonly label: string;
  /** The alternative as a whole phrase ("Azerbaijan signs the treaty bilaterally"), when the scenario gives one. */
  readonly fullLabel?: string;
  /** Global index of its yes/no option; absent for the first (default) alternative. */
  readonly option?: number;
}

/**
 * A commitment's deadline tied to an option: from that day on the option is settled.
 * If nobody has moved it before, it takes `ifNoAction` (keep = the value it has).
 */
export interface OptionDeadline {
  /** Id of a commitment of the record. */
  readonly commitment: string;
  /** Which of the commitment's dates; absent = notice when it renews with a notice period, else expiry. */
  readonly at?: "notice" | "expiry";
  readonly ifNoAction: "keep" | "Y" | "N";
}

export interface PriorityStatement {
  /** As written in the document. */
  readonly text: string;
  readonly expr: Expr;
  /** A modeller's judgement that the evidence does not directly show. */
  readonly estimate?: true;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export type Preference =
  | { readonly kind: "priorities"; readonly statements: readonly PriorityStatement[] }
  /** Levels of state vectors, most preferred first; states in one level are tied. */
  | { readonly kind: "ranking"; readonly levels: readonly (readonly number[])[] };

/** How one decision maker reads another's preferences. */
export interface PerceivedPreference {
  /** Index of the decision maker whose preferences are read. */
  readonly dm: number;
  /** Option prioritization as the reader believes it, most important first. */
  readonly statements: readonly PriorityStatement[];
}

export interface DecisionMakerInfo {
  readonly index: DmIndex;
  readonly id: string;
  readonly name: string;
  readonly actor?: string;
  /** Global indices of the options it controls: a contiguous, ascending run. */
  readonly options: readonly number[];
  readonly preference: Preference;
  /**
   * Statements describing the states it does not perceive (gmcr-py's misperceptions):
   * it cannot move to or from a feasible state where one of them holds.
   */
  readonly doesNotPerceive?: readonly PriorityStatement[];
  /** Its own reading of other decision makers' preferences (a first-level hypergame). */
  readonly perceives?: readonly PerceivedPreference[];
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface ConditionInfo {
  readonly kind: "mutuallyExclusive" | "atLeastOne" | "exactlyOne" | "infeasible";
  /** A readable form, e.g. `at most one of a, b` or `a & -b`. */
  readonly text: string;
  /** The states it removes as an expression (infeasible conditions). */
  readonly expr?: Expr;
  /** Patterns of states this condition removes. */
  readonly removes: readonly Term[];
  /** A modeller's judgement that the evidence does not directly show. */
  readonly estimate?: true;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface StatusQuo {
  /** The state vector (bit k = option k taken). */
  readonly vector: number;
  /** A modeller's judgement that the evidence does not directly show. */
  readonly estimate?: true;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

/** A named outcome: every feasible state where `expr` is true. */
export interface TargetInfo {
  readonly id: string;
  readonly label: string;
  /** The pattern as written. */
  readonly text: string;
  readonly expr: Expr;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

/** A source cited by an observation, in its long form. */
export interface Citation {
  readonly source: string;
  readonly quote?: string;
  readonly page?: string;
  readonly note?: string;
}

/** A state (or part of one) observed on a date. */
export interface Observation {
  /** As written (YYYY, YYYY-MM or YYYY-MM-DD, maybe with ~). */
  readonly date: string;
  /** The first and last day the date can mean (days since 1970-01-01), parsed when the scenario is built. */
  readonly first: number;
  readonly last: number;
  /** "state": `expr` fixes every option (from `taken`); "pattern": only what `expr` says. */
  readonly kind: "state" | "pattern";
  /** The pattern as written, or the options taken joined by " & " with all others negated. */
  readonly text: string;
  readonly expr: Expr;
  readonly sources: readonly Citation[];
  readonly note?: string;
}

export interface ConflictModel {
  readonly options: readonly OptionInfo[];
  /** Options with several alternatives, in document order; their alternatives are among `options`. */
  readonly choices?: readonly ChoiceInfo[];
  readonly decisionMakers: readonly DecisionMakerInfo[];
  readonly conditions: readonly ConditionInfo[];
  /** Every pattern that makes a state infeasible (the union over conditions). */
  readonly infeasible: readonly Term[];
  readonly statusQuo?: StatusQuo;
  /** Named outcomes, in document order. */
  readonly targets?: readonly TargetInfo[];
  /** Observed states, in document order. */
  readonly observed?: readonly Observation[];
  readonly note?: string;
}

/** Largest number of options in one model: state vectors are exact integers below 2^52. */
export const MAX_OPTIONS = 52;
/** Largest number of options one decision maker may control (moves are enumerated per block). */
export const MAX_OPTIONS_PER_DM = 31;
