/**
 * Treaty packages in the brief and the report: "packages both sides could accept, and
 * which would hold". The numbers come from the application layer's settle use case
 * (passed in as `SettlementInput`, a plain subset of its result); here they become
 * plain words for the brief — no state numbers, no concept names — and, for the
 * report, a chart of the frontier and a table with the specialists' detail.
 */
import type { BasicConcept } from "@concord/core";
import { HOLD_WORDS } from "./phrases.js";
import type { HoldLevel } from "./types.js";

/** What the brief and report need of a settle result (the app's SettleResult has this shape). */
export interface SettlementInput {
  readonly parties: readonly { readonly id: string; readonly label: string }[];
  readonly summary: string;
  readonly concepts: readonly BasicConcept[];
  readonly packages: readonly {
    readonly words: string;
    readonly gains: Readonly<Record<string, number>>;
    readonly acceptable: boolean;
    readonly nash: boolean;
    readonly kalaiSmorodinsky: boolean;
    readonly state: number | null;
    readonly stableUnder: readonly BasicConcept[];
    readonly needs?: Readonly<Partial<Record<BasicConcept, { readonly pulls: readonly string[]; readonly changes: readonly string[] } | null>>>;
  }[];
  /** Packages that would be on the frontier but the model rules out (not candidates). */
  readonly excluded?: readonly { readonly words: string; readonly gains: Readonly<Record<string, number>>; readonly reason: string }[];
  readonly details: readonly string[];
}

export const SETTLEMENT_TITLE = "Packages both sides could accept, and which would hold";

export interface SettlementPackage {
  readonly words: string;
  /** Each party's gain over no agreement, in party order. */
  readonly gains: readonly number[];
  readonly acceptable: boolean;
  /** Shares the gains most evenly (Nash bargaining) / gives each side as equal a share of its best gain as possible (Kalai–Smorodinsky). */
  readonly evenest: boolean;
  readonly balanced: boolean;
  /** How firmly it would hold; null when stability was not checked. */
  readonly hold: HoldLevel | null;
  /** "would hold", "would not hold", or "is not an outcome the model allows …": a verb phrase after "It". */
  readonly holdWords: string;
  /** Why it would not hold, in words: who would move away. */
  readonly why?: string;
  /** For specialists: the state (from 1) and the concepts it is an equilibrium under. */
  readonly state: number | null;
  readonly stableUnder: readonly BasicConcept[];
}

export interface SettlementSection {
  readonly title: string;
  readonly parties: readonly string[];
  readonly summary: string;
  /** Packages both could accept, the most even first (at most `limit` in the brief). */
  readonly accepted: readonly SettlementPackage[];
  /** Acceptable packages left out of the brief. */
  readonly more: number;
  /** Every frontier package listed (the report's chart and table). */
  readonly frontier: readonly SettlementPackage[];
  /** Packages the model rules out that would otherwise be on the frontier, with why. */
  readonly ruledOut: readonly { readonly words: string; readonly gains: readonly number[]; readonly reason: string }[];
  readonly details: readonly string[];
}

/** How firmly a state holds, from the concepts it is an equilibrium under (see HoldLevel). */
function holdLevel(stable: readonly BasicConcept[]): HoldLevel {
  if (stable.includes("nash")) return "firm";
  if (stable.includes("seq")) return "deterred";
  if (stable.includes("gmr") || stable.includes("smr")) return "threat";
  return "none";
}

/** The section's data; `limit` acceptable packages in the brief (5 unless stated). */
export function settlementSection(input: SettlementInput, limit = 5): SettlementSection {
  const checked = input.concepts.length > 0;
  const all = input.packages.map((p): SettlementPackage => {
    const hold = checked && p.state !== null ? holdLevel(p.stableUnder) : null;
    const pulls = Object.values(p.needs ?? {}).flatMap((n) => n?.pulls ?? []);
    return {
      words: p.words,
      gains: input.parties.map((party) => p.gains[party.id] ?? 0),
      acceptable: p.acceptable,
      evenest: p.nash,
      balanced: p.kalaiSmorodinsky,
      hold,
      holdWords: !checked ? "" : p.state === null ? "is not an outcome the model allows (its conditions rule it out)" : HOLD_WORDS[hold!],
      ...(hold === "none" || hold === "threat" ? (pulls[0] !== undefined ? { why: pulls[0] } : {}) : {}),
      state: p.state,
      stableUnder: p.stableUnder,
    };
  });
  const accepted = all.filter((p) => p.acceptable);
  return {
    title: SETTLEMENT_TITLE,
    parties: input.parties.map((p) => p.label),
    summary: input.summary,
    accepted: accepted.slice(0, limit),
    more: Math.max(0, accepted.length - limit),
    frontier: all,
    ruledOut: (input.excluded ?? []).map((x) => ({ words: x.words, gains: input.parties.map((party) => x.gains[party.id] ?? 0), reason: x.reason })),
    details: input.details,
  };
}

/** "Norland +22, Sudria +25". */
export function gainWords(parties: readonly string[], gains: readonly number[]): string {
  return parties.map((p, k) => `${p} ${gains[k]! >= 0 ? "+" : "−"}${+Math.abs(gains[k]!).toFixed(2)}`).join(", ");
}

/** One package as a sentence for the brief: what it settles, what each side gains, whether it would hold and why not. */
export function packageSentence(s: SettlementSection, p: SettlementPackage): string {
  const marks = [p.evenest ? "shares the gains most evenly" : "", p.balanced && !p.evenest ? "gives each side as equal a part of its best gain as possible" : ""].filter((x) => x !== "");
  const hold = p.holdWords ? ` It ${p.holdWords}${p.why ? `: ${p.why}` : ""}.` : "";
  return `${p.words} (${gainWords(s.parties, p.gains)} over no agreement${marks.length ? `; ${marks.join("; ")}` : ""}).${hold}`;
}
