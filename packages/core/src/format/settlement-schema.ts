/**
 * The `settlement:` section of a scenario: the issues a treaty settles, their
 * alternatives (each mapped to model states by a statement of the preference
 * language), each party's valuation and the disagreement point. Kept apart from
 * schema.ts so that the model's format and this section can change independently.
 * Meaning checks (sums, references, feasibility) live in scenario/settlement.ts.
 */
import { z } from "zod";
import { IdSchema, NoteSchema } from "./primitives.js";

/** Loose evidence items: the scenario's EvidenceSchema is passed in to avoid an import cycle with schema.ts. */
export function settlementSchema<E extends z.ZodType>(evidence: E) {
  const EvidenceList = z.array(evidence);
  const estimate = z.boolean().describe("true: a modeller's judgement that the evidence does not directly show; sensitivity analysis varies it within its range");
  const expression = z.union([z.string(), z.int().transform((n) => String(n))]);

  const Value = z.union([
    z.number().describe("a bare number: the party's value, resting on the valuation's evidence"),
    z.strictObject({
      value: z.number(),
      estimate: estimate.optional(),
      range: z
        .array(z.number())
        .refine((r) => r.length === 2 && r[0]! <= r[1]!, "expected a range [lo, hi]: two numbers, lo ≤ hi")
        .optional()
        .describe("[lo, hi]: where an estimate could plausibly lie (lo ≤ value ≤ hi); what sensitivity analysis varies"),
      evidence: EvidenceList.optional(),
      note: NoteSchema.optional(),
    }),
  ]);

  const AlternativeDef = z.strictObject({
    id: IdSchema,
    label: z.string().optional(),
    when: expression
      .optional()
      .describe("a statement of the preference language (e.g. `venue = direct & -(transit = extraterritorial)`): the model states where the issue is settled this way"),
    note: NoteSchema.optional(),
  });

  const IssueDef = z.strictObject({
    id: IdSchema,
    label: z.string().optional(),
    divisible: z.boolean().optional().describe("true: the issue could be shared out or split between two parties (Adjusted Winner divides these)"),
    alternatives: z.array(AlternativeDef).describe("the ways the issue can be settled; a package chooses one per issue"),
    note: NoteSchema.optional(),
  });

  const ValuationDef = z
    .strictObject({
      total: z.number().optional().describe("points: the party's best package is worth exactly this (its best alternatives add up to it)"),
      utilities: z.record(z.string(), z.record(z.string(), Value)).describe("issue id → alternative id → the party's value for it"),
      estimate: estimate.optional().describe("true: every value of this valuation is the modeller's estimate"),
      evidence: EvidenceList.optional(),
      note: NoteSchema.optional(),
    })
    .describe("One party's valuation: a value per alternative of every issue; with evidence or marked as an estimate.");

  const Choice = z.record(z.string(), IdSchema).describe("issue id → alternative id");

  return z
    .strictObject({
      parties: z.array(IdSchema).describe("ids of decision makers of the model (or actors) who would sign; at least two"),
      issues: z.array(IssueDef),
      valuations: z.record(z.string(), ValuationDef).describe("party id → its valuation"),
      allowNegative: z.boolean().optional().describe("true: values may be negative (default: not, as points and scores are ≥ 0)"),
      disagreement: z
        .union([
          z.strictObject({ values: z.record(z.string(), Value).describe("party id → its value of no agreement") }),
          z.strictObject({ package: Choice.describe("the package that no agreement means, e.g. today's state of every issue") }),
        ])
        .describe("what each party gets if there is no agreement"),
      proposals: z
        .array(z.strictObject({ id: IdSchema, label: z.string().optional(), choice: Choice, note: NoteSchema.optional() }))
        .optional()
        .describe("named packages (drafts on the table) to place against the frontier"),
      note: NoteSchema.optional(),
    })
    .describe("Treaty packages: issues with alternatives mapped to model states, each party's valuation, and the disagreement point (docs/settlement.md).");
}
