/**
 * The shape of a gmcr-py save file (`.gmcr`), as gmcr-py 0.3.x writes and reads it:
 * see docs/gmcr-py.md. Keys gmcr-py writes but never reads (`payoffs`,
 * `coalitionsFull`, `program`, `version`) are accepted and ignored, like gmcr-py does.
 */
import { z } from "zod";

/** `[optionIndex, "Y"|"N"]`: option `optionIndex` (position in `options`) is taken or not. */
export type GmcrLiteral = readonly [option: number, value: "Y" | "N"];
/** A conjunction: every literal holds. */
export type GmcrConjunction = readonly GmcrLiteral[];
/** A disjunction of conjunctions ("compound condition"). */
export interface GmcrCompound {
  readonly compound: true;
  readonly members: readonly GmcrConjunction[];
}
export type GmcrCondition = GmcrConjunction | GmcrCompound;
/** Ordered state numbers, most preferred first; a list inside the list is a tie. */
export type GmcrRanking = readonly (number | readonly number[])[];

// A hand-written check instead of z.tuple, so each mistake gets its own message and path.
const LiteralSchema = z.unknown().transform((v, ctx): GmcrLiteral => {
  if (!Array.isArray(v) || v.length !== 2) {
    ctx.addIssue({ code: "custom", input: v, message: `expected a pair [optionIndex, "Y" or "N"] such as [0, "Y"]` });
    return z.NEVER;
  }
  const [option, value] = v as [unknown, unknown];
  let bad = false;
  if (typeof option !== "number" || !Number.isInteger(option) || option < 0) {
    ctx.addIssue({ code: "custom", input: option, path: [0], message: "expected an option index (a whole number ≥ 0, the option's position in \"options\")" });
    bad = true;
  }
  if (value !== "Y" && value !== "N") {
    ctx.addIssue({ code: "custom", input: value, path: [1], message: `expected "Y" (option taken) or "N" (not taken)` });
    bad = true;
  }
  return bad ? z.NEVER : [option as number, value as "Y" | "N"];
});

export const GmcrConjunctionSchema = z
  .unknown()
  .transform((v, ctx) => {
    // The likeliest slip: one pair where a list of pairs belongs.
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === "number" && typeof v[1] === "string") {
      // input: undefined keeps the report from adding "found a list" after the hint.
      ctx.addIssue({ code: "custom", input: undefined, message: `expected a list of pairs [optionIndex, "Y" or "N"], found a single pair; write [${JSON.stringify(v)}]` });
      return z.NEVER;
    }
    return v;
  })
  .pipe(z.array(LiteralSchema));

export const GmcrCompoundSchema = z.object({
  // gmcr-py tells the two forms apart by JSON type and never reads this flag.
  compound: z.boolean().optional(),
  members: z.array(GmcrConjunctionSchema),
});

export const GmcrConditionSchema = z.union([GmcrConjunctionSchema, GmcrCompoundSchema]).transform(
  (c): GmcrCondition => (Array.isArray(c) ? c : { compound: true, members: (c as { members: GmcrConjunction[] }).members }),
);

const StateNumberSchema = z.int().min(1);

export const GmcrRankingSchema = z.array(z.union([StateNumberSchema, z.array(StateNumberSchema)]));

export const GmcrOptionSchema = z.object({
  name: z.string(),
  permittedDirection: z.enum(["both", "fwd", "back"]).optional(),
});

export const GmcrDecisionMakerSchema = z.object({
  name: z.string(),
  options: z.array(z.int().min(0)),
  // Required unless the file ranks states by hand; checked in importGmcr.
  preferences: z.array(GmcrConditionSchema).optional(),
  misperceptions: z.array(GmcrConditionSchema).optional(),
  // Checked only when the file uses them (gmcr-py ignores them otherwise).
  preferenceRanking: z.unknown().optional(),
  preferenceVector: z.unknown().optional(),
});

export const GmcrFileSchema = z.object({
  options: z.array(GmcrOptionSchema),
  decisionMakers: z.array(GmcrDecisionMakerSchema),
  infeasibles: z.array(GmcrConditionSchema).optional(),
  useManualPreferenceRanking: z.boolean().optional(),
  useManualPreferenceVectors: z.boolean().optional(),
  // gmcr-py resets malformed coalitions to singletons instead of failing; so do we.
  coalitions: z.unknown().optional(),
  version: z.unknown().optional(),
});

export type GmcrFileInput = z.output<typeof GmcrFileSchema>;

/** A gmcr-py save file as Concord writes it (the newest gmcr-py layout). */
export interface GmcrFile {
  readonly decisionMakers: readonly {
    readonly name: string;
    readonly options: readonly number[];
    readonly preferences: readonly GmcrCondition[];
    /** Written for gmcr-py's visualiser; gmcr-py itself recomputes them. */
    readonly payoffs: readonly number[];
    readonly misperceptions: readonly GmcrCondition[];
    readonly preferenceRanking?: GmcrRanking;
  }[];
  readonly coalitions: readonly number[];
  readonly options: readonly { readonly name: string; readonly permittedDirection: "both" | "fwd" | "back" }[];
  readonly infeasibles: readonly GmcrCondition[];
  readonly useManualPreferenceRanking: boolean;
  readonly program: string;
}
