/**
 * Scenario format v1 — the one definition of what a scenario document may contain.
 * The validator, the JSON Schema (schema/scenario.schema.json) and the docs
 * (docs/scenario-format.md) all come from here. Checks that need more than one
 * value at a time (ids, references, owners) live in `check.ts`.
 */
import { z } from "zod";
import {
  CommitmentEntrySchema,
  SourceRefSchema,
  DocumentEntrySchema,
  EventEntrySchema,
  FactEntrySchema,
  StatementEntrySchema,
  TrackEntrySchema,
} from "./record-schema.js";
import { DateTextSchema, IdSchema, NoteSchema } from "./primitives.js";
import { settlementSchema } from "./settlement-schema.js";

/** Ids of options are used inside expressions, so they are plain identifiers. */
export const OptionIdSchema = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected an option id: letters, digits and _, not starting with a digit")
  .refine((s) => s !== "IF" && s !== "if", "IF is a keyword and cannot be an option id");

export { IdSchema, DateTextSchema, NoteSchema };

/**
 * Where a yes/no option is named in a list or pattern: its id, or `option = alternative`
 * for one alternative of an option with alternatives (e.g. `transit = sovereign`).
 */
export const OptionRefSchema = z
  .string()
  .regex(
    /^[A-Za-z_][A-Za-z0-9_]*(?:\s*=\s*[A-Za-z_][A-Za-z0-9_]*)?$/,
    "expected an option id, or an option and one of its alternatives such as transit = sovereign",
  );

export const EvidenceSchema = z
  .strictObject({
    source: IdSchema.optional().describe("id of a source in `sources`"),
    statement: IdSchema.optional().describe("id of a statement in `statements` (the record)"),
    event: IdSchema.optional().describe("id of an event in `events` (the record)"),
    document: IdSchema.optional().describe("id of a document in `documents` (the record)"),
    quote: z.string().optional().describe("the words in the source this rests on, verbatim"),
    page: z.string().optional(),
    note: NoteSchema.optional(),
  })
  .describe("What a modelling choice rests on: a source and, ideally, a verbatim quote, or a statement, event or document of the record.");

const EvidenceListSchema = z.array(EvidenceSchema);

/** The one confidence mark of the format: sensitivity and robustness analyses vary what carries it. */
const EstimateSchema = z
  .boolean()
  .describe("true: a modeller's judgement that the evidence does not directly show; sensitivity and robustness analyses vary it");

export const SourceSchema = z.strictObject({
  id: IdSchema,
  title: z.string(),
  publisher: z.string().optional(),
  author: z.union([z.string(), z.array(z.string())]).optional(),
  date: DateTextSchema.optional(),
  address: z.string().optional().describe("URL, DOI or library reference"),
  language: z.string().optional().describe("BCP 47 code, e.g. en, hy, az, ru"),
  note: NoteSchema.optional(),
});

export const ActorSchema = z.strictObject({
  id: IdSchema,
  name: z.string(),
  kind: z.enum(["state", "organisation", "person", "group", "other"]).optional(),
  roles: z
    .array(z.enum(["party", "mediator", "facilitator", "guarantor", "observer", "spoiler", "affected", "commentator"]))
    .optional(),
  aliases: z.array(z.string()).optional().describe("other names and transliterations"),
  memberOf: z.array(IdSchema).optional().describe("ids of actors (organisations, states) this actor belongs to or represents"),
  cameo: z
    .string()
    .regex(/^(?:[A-Z0-9]{3})+$/, "expected a CAMEO actor code: groups of three capital letters or digits, e.g. ARM or AZEGOV")
    .optional()
    .describe("CAMEO actor code used when exporting events (e.g. ARM, AZE, RUS, USAGOV)"),
  note: NoteSchema.optional(),
});

const OneWaySchema = z
  .enum(["toY", "toN"])
  .describe("toY: once chosen it cannot be left (may only change N→Y); toN: once left it cannot be chosen again (may only change Y→N)");

export const AlternativeSchema = z
  .strictObject({
    id: OptionIdSchema,
    label: z.string(),
    fullLabel: z
      .string()
      .optional()
      .describe("the alternative as a whole phrase, for where it is named on its own (the brief, explanations): e.g. \"Azerbaijan signs the peace treaty bilaterally\"; default: the option's label, a colon and the alternative's label"),
    oneWay: OneWaySchema.optional().describe("toY: once chosen, this alternative cannot be left; toN: once left, it cannot be chosen again. Not allowed on the first alternative"),
    estimate: EstimateSchema.optional(),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  })
  .describe("One alternative of an option with several alternatives.");

export const OptionDefSchema = z.strictObject({
  id: OptionIdSchema,
  label: z.string(),
  alternatives: z
    .array(AlternativeSchema)
    .optional()
    .describe(
      "the option is one of these alternatives (at least two) instead of yes/no; the first is the default, chosen when none of the others is (it becomes no yes/no option of its own, each other alternative one, and at most one of those is taken)",
    ),
  oneWay: z
    .enum(["toY", "toN"])
    .optional()
    .describe("toY: once taken it cannot be undone (may only change N→Y); toN: may only change Y→N"),
  deadline: z
    .strictObject({
      commitment: IdSchema.describe("id of a commitment in `commitments` (the record) whose date is the deadline"),
      at: z
        .enum(["notice", "expiry"])
        .optional()
        .describe("notice: the last day to give notice against renewal; expiry: the end of the running term. Default: notice when the commitment renews automatically with a notice period, else expiry"),
      ifNoAction: z
        .enum(["keep", "Y", "N"])
        .describe("the option's value from the deadline on when nobody has moved it before: keep (the chance to change it passes), Y or N"),
    })
    .optional()
    .describe("a deadline from the record that settles this option"),
  estimate: EstimateSchema.optional(),
  note: NoteSchema.optional(),
  evidence: EvidenceListSchema.optional(),
});

/** The text of a statement; a bare whole number (YAML reads `3` and `-3` as numbers) is an option number. */
const ExpressionTextSchema = z.union([z.string(), z.int().transform((n) => String(n))]);

export const StatementSchema = z.union([
  ExpressionTextSchema.describe("an option-prioritization statement, e.g. `sign & -corridor`"),
  z.strictObject({
    statement: ExpressionTextSchema,
    estimate: EstimateSchema.optional(),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  }),
]);

/** A state in an explicit ranking: its number (gmcr-py order) or its Y/N vector in option order. */
export const StateRefSchema = z.union([z.int().positive(), z.string().regex(/^[YNyn]+$/, "expected a Y/N vector such as YNNY")]);

export const DecisionMakerSchema = z
  .strictObject({
    id: OptionIdSchema,
    name: z.string().optional().describe("display name; defaults to the linked actor's name, then the id"),
    actor: IdSchema.optional().describe("id of the actor this decision maker stands for"),
    options: z.array(OptionDefSchema),
    preferences: StatementSchema.array().optional().describe("option prioritization, most important statement first"),
    ranking: z
      .array(z.union([StateRefSchema, z.array(StateRefSchema)]))
      .optional()
      .describe("explicit ranking, most preferred first; a list inside the list is a tie"),
    doesNotPerceive: StatementSchema.array()
      .optional()
      .describe("states this decision maker does not perceive (gmcr-py's misperceptions): every feasible state where one of these statements holds; it cannot move to or from them"),
    perceives: z
      .record(OptionIdSchema, StatementSchema.array())
      .optional()
      .describe("this decision maker's own reading of other decision makers' preferences: decision maker id → statements, most important first (a first-level hypergame)"),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  })
  .describe("A decision maker, the options it controls and its preferences (statements or a ranking).");

const PatternSchema = z.record(z.string(), z.enum(["Y", "N", "-"])).describe("option id (or option = alternative) → Y, N or - (any)");

export const ConditionSchema = z
  .strictObject({
    mutuallyExclusive: z.array(OptionRefSchema).optional().describe("at most one of these options is taken"),
    atLeastOne: z.array(OptionRefSchema).optional().describe("at least one of these options is taken"),
    exactlyOne: z.array(OptionRefSchema).optional().describe("exactly one of these options is taken"),
    infeasible: z
      .union([ExpressionTextSchema, PatternSchema])
      .optional()
      .describe("an expression or a Y/N pattern; every state matching it is removed"),
    estimate: EstimateSchema.optional(),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  })
  .describe("A feasibility condition: exactly one of mutuallyExclusive, atLeastOne, exactlyOne or infeasible.");

export const StatusQuoSchema = z.union([
  z.array(OptionRefSchema).describe("the options taken (Y) and alternatives chosen today (transit = sovereign); all others are N or at their first alternative"),
  z.strictObject({
    taken: z.array(OptionRefSchema),
    estimate: EstimateSchema.optional(),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  }),
]);

export const TargetSchema = z
  .strictObject({
    id: IdSchema,
    label: z.string().describe("the outcome in words, for people"),
    pattern: ExpressionTextSchema.describe("a statement of the preference language; the target is every feasible state where it is true"),
    note: NoteSchema.optional(),
    evidence: EvidenceListSchema.optional(),
  })
  .describe("A named outcome, e.g. a treaty signed bilaterally without the corridor, that analyses can aim at or filter by.");

export const ObservationSchema = z
  .strictObject({
    date: DateTextSchema.describe("when the state was observed"),
    taken: z.array(OptionRefSchema).optional().describe("the whole state: the options taken (Y) and alternatives chosen then; all others are N or at their first alternative"),
    pattern: ExpressionTextSchema.optional().describe("part of the state: a statement that was true then"),
    sources: z.array(SourceRefSchema).describe("the sources that show it; at least one"),
    note: NoteSchema.optional(),
  })
  .describe("A state of the model observed on a date: exactly one of taken (the whole state) or pattern (part of it).");

export const ModelSchema = z.strictObject({
  decisionMakers: z.array(DecisionMakerSchema),
  feasibility: z.array(ConditionSchema).optional(),
  statusQuo: StatusQuoSchema.optional(),
  targets: z.array(TargetSchema).optional().describe("named outcomes (option patterns) analyses can aim at"),
  observed: z.array(ObservationSchema).optional().describe("states observed on dates, to check the model's predictions against"),
  note: NoteSchema.optional(),
});

/** The `settlement:` section (format/settlement-schema.ts). */
export const SettlementSchema = settlementSchema(EvidenceSchema);

export const ScenarioSchema = z.strictObject({
  concord: z.literal(1).describe("format version"),
  id: IdSchema,
  title: z.string(),
  asOf: DateTextSchema.optional().describe("the date the scenario describes"),
  description: z.string().optional(),
  question: z.string().optional().describe("the question the scenario is about, in one paragraph for a non-specialist (reports open with it)"),
  sources: z.array(SourceSchema).optional(),
  actors: z.array(ActorSchema).optional(),
  facts: z.array(FactEntrySchema).optional().describe("facts that statements make claims about (the record)"),
  tracks: z.array(TrackEntrySchema).optional().describe("negotiation formats and platforms (the record)"),
  documents: z.array(DocumentEntrySchema).optional().describe("drafts, proposals, responses and agreements (the record)"),
  events: z.array(EventEntrySchema).optional().describe("dated events: meetings, proposals, hearings, incidents, … (the record)"),
  statements: z.array(StatementEntrySchema).optional().describe("who said what, when and where (the record)"),
  commitments: z.array(CommitmentEntrySchema).optional().describe("who is bound to what, until when, with renewal rules (the record)"),
  model: ModelSchema.optional(),
  // Treaty packages (issue 15): kept in its own block and file to ease merges.
  settlement: SettlementSchema.optional().describe("treaty packages: which are fair to both sides, and which would hold (docs/settlement.md)"),
});

/** The same, with version, id and title optional: what remains of a document whose top-level keys failed the structure check. */
export const ScenarioPartsSchema = ScenarioSchema.partial({ concord: true, id: true, title: true });

export type ScenarioDocument = z.output<typeof ScenarioSchema>;
export type SourceInfo = z.output<typeof SourceSchema>;
export type ActorInfo = z.output<typeof ActorSchema>;
export type ModelDocument = z.output<typeof ModelSchema>;
export type OptionDocument = z.output<typeof OptionDefSchema>;
export type AlternativeDocument = z.output<typeof AlternativeSchema>;
export type DecisionMakerDocument = z.output<typeof DecisionMakerSchema>;
export type ConditionDocument = z.output<typeof ConditionSchema>;
export type EvidenceDocument = z.output<typeof EvidenceSchema>;
export type StatementDocument = z.output<typeof StatementSchema>;
export type StateRefDocument = z.output<typeof StateRefSchema>;
export type TargetDocument = z.output<typeof TargetSchema>;
export type ObservationDocument = z.output<typeof ObservationSchema>;
export type SettlementDocument = z.output<typeof SettlementSchema>;
