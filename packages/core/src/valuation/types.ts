/**
 * The inputs of the settlement methods: parties, issues (with alternatives), each
 * party's valuations and the disagreement point — plain, serialisable data keyed by
 * id, shaped so the scenario format can fill it later. Valuations are records keyed
 * by party id, then issue id (then alternative id), so a problem's path names the
 * place in such a document (`valuations.armenia.transit.sovereign`).
 */
import type { Evidence } from "../model/types.js";

/** Someone who gets a share of a settlement. */
export interface SettlementParty {
  readonly id: string;
  /** Shown to people; defaults to the id. */
  readonly label?: string;
}

export interface Alternative {
  readonly id: string;
  readonly label?: string;
}

/** A point of dispute; for packages, a choice among its alternatives. */
export interface SettlementIssue {
  readonly id: string;
  readonly label?: string;
  /** Packages only: the ways the issue can be settled (at least one). */
  readonly alternatives?: readonly Alternative[];
}

/** A number with what it rests on. `estimate: true` marks the modeller's judgement; `range` is where it could plausibly lie. */
export interface Valuation {
  readonly value: number;
  readonly estimate?: boolean;
  /** For sensitivity analysis: the lowest and highest plausible value (min ≤ value ≤ max). */
  readonly range?: { readonly min: number; readonly max: number };
  readonly evidence?: readonly Evidence[];
  readonly note?: string;
}

/** A bare number is a valuation with no evidence, not marked as an estimate. */
export type ValueInput = number | Valuation;

/** Adjusted Winner: two parties, divisible issues, each party's points per issue. */
export interface PointsInput {
  readonly parties: readonly [SettlementParty, SettlementParty] | readonly SettlementParty[];
  readonly issues: readonly SettlementIssue[];
  /** What each party's points add up to; 100 unless stated. */
  readonly total?: number;
  /** points[party id][issue id]. */
  readonly points: Readonly<Record<string, Readonly<Record<string, ValueInput>>>>;
}

/** One alternative per issue, by id. */
export type Choice = Readonly<Record<string, string>>;

export type Disagreement =
  /** Each party's value of no agreement (its best alternative to a negotiated agreement). */
  | { readonly values: Readonly<Record<string, ValueInput>> }
  /** No agreement means this package (say, today's state of every issue). */
  | { readonly package: Choice };

/** A package named in the input (a draft on the table), evaluated against the frontier. */
export interface Proposal {
  readonly id: string;
  readonly label?: string;
  readonly choice: Choice;
}

/** Packages: two or more parties, issues with discrete alternatives, additive utilities. */
export interface PackagesInput {
  readonly parties: readonly SettlementParty[];
  readonly issues: readonly SettlementIssue[];
  /** utilities[party id][issue id][alternative id]: what the party gets from that alternative; a package is worth the sum over its issues. */
  readonly utilities: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, ValueInput>>>>>>;
  /**
   * Points (Raiffa's scoring system): when a party has a total, its best package is
   * worth exactly that many points — its best alternatives over all issues add up to it.
   */
  readonly totals?: Readonly<Record<string, number>>;
  /** Negative utilities are rejected unless allowed (points and scores are ≥ 0). */
  readonly allowNegative?: boolean;
  readonly disagreement: Disagreement;
  readonly proposals?: readonly Proposal[];
}
