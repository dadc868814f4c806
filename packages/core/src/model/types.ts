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
  /** toY: may only change N→Y; toN: may only change Y→N. */
  readonly oneWay?: "toY" | "toN";
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface PriorityStatement {
  /** As written in the document. */
  readonly text: string;
  readonly expr: Expr;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export type Preference =
  | { readonly kind: "priorities"; readonly statements: readonly PriorityStatement[] }
  /** Levels of state vectors, most preferred first; states in one level are tied. */
  | { readonly kind: "ranking"; readonly levels: readonly (readonly number[])[] };

export interface DecisionMakerInfo {
  readonly index: DmIndex;
  readonly id: string;
  readonly name: string;
  readonly actor?: string;
  /** Global indices of the options it controls: a contiguous, ascending run. */
  readonly options: readonly number[];
  readonly preference: Preference;
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
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface StatusQuo {
  /** The state vector (bit k = option k taken). */
  readonly vector: number;
  readonly note?: string;
  readonly evidence: readonly Evidence[];
}

export interface ConflictModel {
  readonly options: readonly OptionInfo[];
  readonly decisionMakers: readonly DecisionMakerInfo[];
  readonly conditions: readonly ConditionInfo[];
  /** Every pattern that makes a state infeasible (the union over conditions). */
  readonly infeasible: readonly Term[];
  readonly statusQuo?: StatusQuo;
  readonly note?: string;
}

/** Largest number of options in one model: state vectors are exact integers below 2^52. */
export const MAX_OPTIONS = 52;
/** Largest number of options one decision maker may control (moves are enumerated per block). */
export const MAX_OPTIONS_PER_DM = 31;
