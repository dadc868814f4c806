/**
 * The negotiation record, part of scenario format v1: tracks (formats and platforms),
 * documents (drafts, proposals, answers, agreements), events, statements, the facts
 * statements make claims about, and commitments with their terms and renewal rules.
 * This file says what each entry may contain; record/check.ts checks what needs more
 * than one value at a time (references, dates in order, supersession cycles, …).
 */
import { z } from "zod";
import { DateTextSchema, IdSchema, NoteSchema } from "./primitives.js";

/** A source id, or a source with the words and the page the entry rests on. */
export const SourceRefSchema = z
  .union([
    IdSchema,
    z.strictObject({
      source: IdSchema.describe("id of a source in `sources`"),
      quote: z.string().optional().describe("the words in the source, verbatim"),
      page: z.string().optional(),
      note: NoteSchema.optional(),
    }),
  ])
  .describe("a source id, or {source, quote, page}");

const SourcesSchema = z
  .array(SourceRefSchema)
  .describe("the sources this entry rests on; events, statements and documents need at least one");

/** One actor id or a list of them (`author: armenia` or `author: [armenia, azerbaijan]`). */
export const ActorRefsSchema = z.union([IdSchema, z.array(IdSchema)]);

const ActorListSchema = z.array(IdSchema);

/**
 * A length of time: `5 years`, `6 months`, `2 weeks`, `30 days` (or `5y`, `6m`, `2w`,
 * `30d`), or ISO 8601 whole years, months, weeks and days, alone or together: `P5Y`,
 * `P6M`, `P2W`, `P30D`, `P1Y6M`.
 */
export const DurationSchema = z
  .string()
  .regex(
    /^\s*(?:P(?=\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?|\d+\s*(?:years?|months?|weeks?|days?|y|m|w|d))\s*$/i,
    "expected a duration such as 5 years, 6 months, 2 weeks, 30 days, P5Y or P1Y6M",
  );

export const FactEntrySchema = z
  .strictObject({
    id: IdSchema,
    label: z.string().describe("what the fact is, e.g. \"when the peacekeepers' mandate ends\""),
    type: z
      .enum(["date", "number", "text", "boolean"])
      .describe("date: values are dates and agree when they can mean the same day; number, text, boolean: values agree when equal"),
    note: NoteSchema.optional(),
  })
  .describe("Something statements make claims about; claims on one fact that cannot both be true are contradictions.");

export const TrackEntrySchema = z
  .strictObject({
    id: IdSchema,
    name: z.string(),
    format: z.enum(["bilateral", "mediated", "multilateral"]),
    participants: ActorListSchema.optional().describe("the actors at the table"),
    host: IdSchema.optional().describe("the actor hosting or sponsoring the track"),
    mediators: ActorListSchema.optional().describe("mediators or facilitators"),
    platform: z.string().optional().describe('a label grouping tracks, e.g. "Western", "Russian", "regional"'),
    place: z.string().optional(),
    status: z.enum(["proposed", "active", "dormant", "ended", "rejected"]).optional(),
    proposedBy: IdSchema.optional().describe("the actor who proposed this format"),
    since: DateTextSchema.optional(),
    until: DateTextSchema.optional(),
    sources: SourcesSchema.optional(),
    note: NoteSchema.optional(),
  })
  .describe("A negotiation format or platform: bilateral, mediated or multilateral, with its host and participants.");

export const ArticleSchema = z.strictObject({
  id: z.union([z.string(), z.int().transform((n) => String(n))]).describe('the article number as written, e.g. 4 or "9.2"'),
  title: z.string().optional(),
  text: z.string().optional(),
  status: z
    .enum(["agreed", "bracketed", "new", "deleted"])
    .optional()
    .describe("as marked in the draft; otherwise worked out by comparing with the previous version"),
  note: NoteSchema.optional(),
});

/** PA-X stages (Pre-negotiation, Ceasefire, Framework partial/comprehensive, Implementation, Renewal, Other). */
export const STAGES = ["pre-negotiation", "ceasefire", "framework-partial", "framework-comprehensive", "implementation", "renewal", "other"] as const;

export const DOCUMENT_KINDS = ["draft", "proposal", "counter-proposal", "response", "comments", "agreement", "statement", "letter", "other"] as const;

export const DocumentEntrySchema = z
  .strictObject({
    id: IdSchema,
    title: z.string(),
    kind: z.enum(DOCUMENT_KINDS),
    author: ActorRefsSchema.describe("who wrote or handed it (several for joint texts)"),
    to: ActorRefsSchema.optional().describe("who it was handed to: they are expected to answer"),
    track: IdSchema.optional(),
    round: z.int().nonnegative().optional(),
    version: z.union([z.string(), z.int().transform((n) => String(n))]).optional(),
    date: DateTextSchema.describe("when it was handed over, published or signed"),
    answers: IdSchema.optional().describe("the document or proposal event this one answers"),
    supersedes: IdSchema.optional().describe("the earlier document this one replaces"),
    status: z
      .enum(["draft", "submitted", "answered", "superseded", "initialled", "signed", "rejected", "withdrawn", "published"])
      .optional()
      .describe("as recorded; when absent it is worked out from answers and supersessions"),
    statusDate: DateTextSchema.optional().describe("when the recorded status took effect (e.g. the day it was signed)"),
    awaitsAnswer: z.boolean().optional().describe("whether the recipients are expected to answer; default: yes for drafts, proposals, counter-proposals, responses and comments handed to someone"),
    stage: z.enum(STAGES).optional().describe("PA-X agreement stage"),
    thirdParties: ActorListSchema.optional().describe("mediators, guarantors and witnesses (PA-X ThrdPart)"),
    pax: z
      .strictObject({
        id: z.int().positive().optional().describe("PA-X AgtId"),
        process: z.int().positive().optional().describe("PA-X peace process number (PP)"),
        processName: z.string().optional().describe("PA-X peace process name (PPName)"),
        stageSub: z.string().optional().describe("PA-X StageSub code, e.g. Ceas or Conf"),
        conflict: z.string().optional().describe("PA-X Con, e.g. Armenia/Azerbaijan/(Nagorno-Karabakh)"),
      })
      .optional(),
    language: z.string().optional(),
    articles: z.array(ArticleSchema).optional().describe("the text split into articles, to compare versions"),
    sources: SourcesSchema.optional(),
    note: NoteSchema.optional(),
  })
  .describe("A text of the process: a draft, proposal, answer or agreement, who handed it to whom and when.");

export const EVENT_KINDS = ["meeting", "proposal", "response", "statement", "hearing", "incident", "agreement", "cancellation", "deadline", "other"] as const;

export const EventEntrySchema = z
  .strictObject({
    id: IdSchema,
    title: z.string(),
    kind: z.enum(EVENT_KINDS),
    date: DateTextSchema.describe("when it happened, started or was due"),
    until: DateTextSchema.optional().describe("last day, for events that lasted several days"),
    status: z
      .enum(["happened", "planned", "cancelled", "declined", "postponed"])
      .optional()
      .describe("default: happened"),
    statusDate: DateTextSchema.optional().describe("when the status became known, e.g. the day a cancellation was announced"),
    announced: DateTextSchema.optional().describe("when a planned event was first announced"),
    participants: ActorListSchema.optional(),
    by: ActorListSchema.optional().describe("who acted (proposed, cancelled, declined, …); CAMEO's source actor"),
    to: ActorListSchema.optional().describe("at whom it was directed; CAMEO's target actor"),
    declinedBy: ActorListSchema.optional().describe("invited actors who stayed away"),
    place: z.string().optional(),
    track: IdSchema.optional(),
    documents: z.array(IdSchema).optional().describe("documents handed, discussed or signed at the event"),
    answers: IdSchema.optional().describe("the document or proposal event this event answers"),
    cameo: z
      .string()
      .regex(/^(?:\d{2,4}|none)$/, 'expected a CAMEO event code of 2 to 4 digits (e.g. "044"), or none')
      .optional()
      .describe('CAMEO event code for export, e.g. "044"; "none" when no code applies. Quote it in YAML: "044".'),
    sources: SourcesSchema.optional(),
    note: NoteSchema.optional(),
  })
  .describe("Something that happened (or was planned, cancelled or declined) on a date.");

export const STATEMENT_KINDS = [
  "reported-fact",
  "opinion",
  "causal-claim",
  "prediction",
  "demand",
  "commitment",
  "proposal",
  "accusation",
  "denial",
  "threat",
] as const;

const StatementKindSchema = z.enum(STATEMENT_KINDS);

export const ClaimSchema = z.strictObject({
  fact: IdSchema.describe("id of a fact in `facts`"),
  value: z.union([z.string(), z.number(), z.boolean()]).describe("what the statement says the fact is; for a date fact, a date such as 2025-11 or ~2024-12"),
  note: NoteSchema.optional().describe("how the value was read from the words, e.g. \"'in a year', said on 2023-12-07\""),
});

export const StatementEntrySchema = z
  .strictObject({
    id: IdSchema,
    speaker: IdSchema.describe("the actor who said it"),
    date: DateTextSchema.describe("when it was said"),
    kind: z.union([StatementKindSchema, z.array(StatementKindSchema)]),
    quote: z.string().describe("the words as the source gives them"),
    paraphrase: z.boolean().optional().describe("true when the source reports the words in its own"),
    reportedBy: IdSchema.optional().describe("the actor who relays the statement, when it is second-hand"),
    event: IdSchema.optional().describe("the event where it was said"),
    refersTo: z.array(IdSchema).optional().describe("record entries the statement is about (events, documents, statements, commitments, tracks)"),
    about: z.array(z.string()).optional().describe("topics, free text, e.g. peacekeepers, platform"),
    language: z.string().optional(),
    translated: z.boolean().optional(),
    claims: z.array(ClaimSchema).optional().describe("the facts it asserts, to find contradictions"),
    contradicts: z.array(IdSchema).optional().describe("statements this one disagrees with, beyond what claims show"),
    sources: SourcesSchema.optional(),
    note: NoteSchema.optional(),
  })
  .describe("Who said what, when, and where it is reported.");

export const RenewalSchema = z.strictObject({
  kind: z
    .enum(["automatic", "by-agreement", "none"])
    .describe("automatic: renewed unless a party gives notice in time; by-agreement: only if the parties agree; none: ends at expiry"),
  term: DurationSchema.optional().describe("length of each renewal; default: the first term"),
  notice: DurationSchema.optional().describe("notice must be given at least this long before expiry"),
  noticeBy: ActorListSchema.optional().describe("who may give notice; default: the commitment's parties"),
  maxRenewals: z.int().nonnegative().optional(),
  note: NoteSchema.optional(),
});

export const NoticeSchema = z.strictObject({
  by: IdSchema,
  date: DateTextSchema,
  sources: SourcesSchema.optional(),
  note: NoteSchema.optional(),
});

export const CommitmentEntrySchema = z
  .strictObject({
    id: IdSchema,
    what: z.string(),
    bound: ActorListSchema.describe("who is bound"),
    parties: ActorListSchema.optional().describe("who agreed to it; default: the document's authors"),
    document: IdSchema.optional().describe("the document that creates it"),
    alleged: z.boolean().optional().describe("true when only claimed (e.g. a secret understanding), not shown by a document"),
    article: z.union([z.string(), z.int().transform((n) => String(n))]).optional(),
    from: DateTextSchema,
    to: DateTextSchema.optional().describe("end of the first term; or give term"),
    term: DurationSchema.optional().describe("length of the first term; or give to"),
    renewal: RenewalSchema.optional(),
    notices: z.array(NoticeSchema).optional().describe("notices of termination given"),
    ended: z
      .strictObject({ date: DateTextSchema, reason: z.string().optional(), sources: SourcesSchema.optional() })
      .optional()
      .describe("when it ended early (e.g. a withdrawal)"),
    sources: SourcesSchema.optional(),
    note: NoteSchema.optional(),
  })
  .describe("An obligation with a term: who is bound, by which document, from when to when, and how it renews.");

export type SourceRef = z.output<typeof SourceRefSchema>;
export type FactEntry = z.output<typeof FactEntrySchema>;
export type TrackEntry = z.output<typeof TrackEntrySchema>;
export type ArticleEntry = z.output<typeof ArticleSchema>;
export type DocumentEntry = z.output<typeof DocumentEntrySchema>;
export type EventEntry = z.output<typeof EventEntrySchema>;
export type StatementEntry = z.output<typeof StatementEntrySchema>;
export type ClaimEntry = z.output<typeof ClaimSchema>;
export type CommitmentEntry = z.output<typeof CommitmentEntrySchema>;
export type RenewalEntry = z.output<typeof RenewalSchema>;
export type NoticeEntry = z.output<typeof NoticeSchema>;
export type StatementKind = (typeof STATEMENT_KINDS)[number];
export type EventKind = (typeof EVENT_KINDS)[number];
export type Stage = (typeof STAGES)[number];
