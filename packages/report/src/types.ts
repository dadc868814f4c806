/**
 * The report as data: everything the HTML and Markdown renderers show, already
 * looked up and worked out, as a plain JSON-serialisable object. Actor ids are
 * replaced by names, source references by citations of sources in `sources`, state
 * indices by the 1-based numbers users see everywhere.
 */
import type { BasicConcept, CommitmentTerm, ImprovementExplanation, MoveDescription, OptionChange, Pen, WaitingItem } from "@concord/core";
import type { SettlementSection } from "./settlement.js";

/** A citation: a source of the `sources` list, with the words and page relied on. */
export interface Cite {
  readonly source: string;
  readonly quote?: string;
  readonly page?: string;
}

export interface SourceEntry {
  readonly id: string;
  /** 1-based number shown in citations, in the order of the scenario's `sources`. */
  readonly n: number;
  readonly title: string;
  readonly publisher?: string;
  readonly author?: string;
  readonly date?: string;
  /** As written: a URL, DOI or library reference. */
  readonly address?: string;
  /** The http(s) URL at the start of `address`, when there is one: the only kind of address the report links to. */
  readonly url?: string;
  readonly language?: string;
  readonly note?: string;
}

export interface ActorEntry {
  readonly id: string;
  readonly name: string;
  readonly kind?: string;
  readonly roles: readonly string[];
  readonly aliases: readonly string[];
  /** Names of the actors it belongs to. */
  readonly memberOf: readonly string[];
  /** Names of the model's decision makers that stand for it. */
  readonly decisionMakers: readonly string[];
  readonly note?: string;
}

export interface TimelineItem {
  readonly id: string;
  readonly type: "event" | "document" | "statement";
  /** Event kind, document kind, or the statement's kinds joined with "/". */
  readonly kind: string;
  /** As written (a day, month, year, approximate, or a span A/B). */
  readonly date: string;
  readonly until?: string;
  /** First and last day the entry can mean, YYYY-MM-DD. */
  readonly first: string;
  readonly last: string;
  readonly approximate: boolean;
  /** Event status (happened, cancelled, declined, …) or document status, if recorded. */
  readonly status?: string;
  /** Event or document title; for a statement, its quote. */
  readonly title: string;
  /** A statement's speaker (and who relayed it); otherwise the actors involved. */
  readonly actors: readonly string[];
  readonly track?: string;
  readonly place?: string;
  readonly note?: string;
  readonly cites: readonly Cite[];
}

/** A WaitingItem with actor names instead of ids, and its citations. */
export interface WaitingEntry extends Pick<WaitingItem, "id" | "title" | "kind" | "from" | "awaiting" | "since" | "minDays" | "maxDays"> {
  readonly cites: readonly Cite[];
}

/** A Pen with names: the track's name, the holders' names, the latest text's title. */
export interface PenEntry extends Pick<Pen, "state" | "holders" | "since" | "minDays" | "maxDays"> {
  readonly track: string;
  /** Title of the latest text on the track. */
  readonly document?: string;
}

export interface CommitmentEntry extends Omit<CommitmentTerm, "bound" | "noticeBy" | "notices" | "document"> {
  readonly bound: readonly string[];
  readonly noticeBy?: readonly string[];
  readonly notices: readonly { readonly by: string; readonly date: string }[];
  /** Title of the document that creates it. */
  readonly document?: string;
  readonly note?: string;
  readonly cites: readonly Cite[];
}

export interface DeadlineEntry {
  readonly id: string;
  readonly title: string;
  readonly date: string;
  readonly status: string;
  readonly participants: readonly string[];
  readonly daysLeft: number;
  readonly cites: readonly Cite[];
}

export interface RecordViews {
  /** The day the views are computed for, YYYY-MM-DD. */
  readonly asOf: string;
  /** Where that day comes from: the caller, the scenario's asOf, or the record's last date. */
  readonly asOfFrom: "option" | "scenario" | "record" | "today";
  readonly waiting: readonly WaitingEntry[];
  readonly pens: readonly PenEntry[];
  readonly commitments: readonly CommitmentEntry[];
  readonly deadlines: readonly DeadlineEntry[];
}

/** What a modelling choice rests on, looked up in the record. */
export interface EvidenceEntry {
  readonly kind: "statement" | "event" | "document" | "source" | "note";
  readonly id?: string;
  readonly quote?: string;
  readonly note?: string;
  readonly page?: string;
  /** Statement: the speaker; event: participants; document: authors (names). */
  readonly actors: readonly string[];
  readonly date?: string;
  /** Event or document title, or the statement's kinds. */
  readonly title?: string;
  readonly cites: readonly Cite[];
}

export interface OptionEntry {
  readonly id: string;
  readonly label: string;
  readonly oneWay?: "toY" | "toN";
  /** A modeller's judgement the evidence does not directly show (marked, or called one in its note). */
  readonly estimate: boolean;
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
}

export interface PreferenceStatementEntry {
  /** 1 = most important. */
  readonly rank: number;
  /** As written, e.g. `sign & -corridor`. */
  readonly text: string;
  /** In words, with option labels, e.g. `“sign the treaty” and not “open the corridor”`. */
  readonly words: string;
  /** A modeller's judgement the evidence does not directly show (marked, or called one in its note). */
  readonly estimate: boolean;
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
}

export interface DecisionMakerEntry {
  /** 0-based; also picks the decision maker's colour in pictures. */
  readonly index: number;
  readonly id: string;
  readonly name: string;
  /** Name of the actor it stands for. */
  readonly actor?: string;
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
  readonly options: readonly OptionEntry[];
  readonly preferences:
    | { readonly kind: "priorities"; readonly statements: readonly PreferenceStatementEntry[] }
    /** An explicit ranking: groups of tied state numbers, most preferred first. */
    | { readonly kind: "ranking"; readonly levels: readonly (readonly number[])[] };
}

export interface ConditionEntry {
  /** As the model states it, with option ids. */
  readonly text: string;
  /** In words, with option labels. */
  readonly words: string;
  readonly estimate: boolean;
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
}

/** A named outcome of the model. */
export interface TargetEntry {
  readonly id: string;
  readonly label: string;
  /** As written, e.g. `venue = direct & -(transit = extraterritorial)`. */
  readonly pattern: string;
  /** Feasible states that match it. */
  readonly matching: number;
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
}

/** What each decision maker does in a state. */
export interface StateChoices {
  readonly dm: string;
  /** Labels of the options it takes, and of those it does not. */
  readonly takes: readonly string[];
  readonly doesNot: readonly string[];
}

export interface StatusQuoEntry {
  readonly state: number;
  readonly yn: string;
  readonly choices: readonly StateChoices[];
  readonly note?: string;
  readonly evidence: readonly EvidenceEntry[];
}

export interface ModelSection {
  readonly note?: string;
  readonly optionCount: number;
  readonly stateCount: number;
  readonly decisionMakers: readonly DecisionMakerEntry[];
  readonly conditions: readonly ConditionEntry[];
  readonly statusQuo?: StatusQuoEntry;
  readonly targets: readonly TargetEntry[];
}

export interface ConceptEntry {
  readonly concept: BasicConcept;
  /** Nash, GMR, SMR, SEQ. */
  readonly label: string;
  /** e.g. "general metarationality". */
  readonly name: string;
  /** The concept in one plain sentence. */
  readonly meaning: string;
  readonly equilibria: readonly number[];
}

export interface RankEntry {
  readonly dm: string;
  /** 1 = most preferred. */
  readonly rank: number;
  /** Number of distinct preference levels. */
  readonly levels: number;
}

export interface EquilibriumEntry {
  readonly state: number;
  readonly yn: string;
  readonly statusQuo: boolean;
  /** The concepts under which it is an equilibrium. */
  readonly concepts: readonly BasicConcept[];
  readonly choices: readonly StateChoices[];
  readonly ranks: readonly RankEntry[];
  /** A shortest path from the status quo by unilateral improvements; null when unreachable; absent without a status quo. */
  readonly fromStatusQuo?: { readonly distance: number; readonly path: readonly MoveDescription[] } | null;
  /** The whole entry in plain words. */
  readonly reading: string;
}

export interface DmExplanation {
  readonly concept: BasicConcept;
  readonly stable: boolean;
  /** explain()'s text. */
  readonly text: string;
  readonly improvements: readonly ImprovementExplanation[];
}

export interface StatusQuoStability {
  readonly dm: string;
  readonly rank: number;
  readonly levels: number;
  readonly explanations: readonly DmExplanation[];
}

export interface ReachedEquilibrium {
  readonly state: number;
  readonly distance: number;
  readonly path: readonly MoveDescription[];
}

export interface StatusQuoAnalysisEntry {
  readonly state: number;
  /** Concepts under which the status quo is an equilibrium. */
  readonly equilibriumUnder: readonly BasicConcept[];
  /** Per decision maker, per concept: stable or not, and why (explain()). */
  readonly stability: readonly StatusQuoStability[];
  /** States reachable by unilateral improvements, the status quo included. */
  readonly reachableCount: number;
  readonly reachable: readonly { readonly concept: BasicConcept; readonly equilibria: readonly ReachedEquilibrium[]; readonly unreachable: readonly number[] }[];
  /** The status quo's stability in plain words. */
  readonly reading: string;
  /** Every state the explanations name other than the status quo, with what each party does in it. */
  readonly statesNamed: readonly { readonly state: number; readonly choices: readonly StateChoices[] }[];
}

export interface AnalysisSection {
  readonly concepts: readonly ConceptEntry[];
  /** Equilibria under any concept: those under every concept, then the status quo and those reachable from it, then the rest (more concepts first, then nearest); capped (see AnalysisOptions). */
  readonly equilibria: readonly EquilibriumEntry[];
  readonly equilibriaTotal: number;
  /** Every equilibrium, grouped by what the equilibria have in common. */
  readonly groups: readonly EquilibriumGroup[];
  readonly statusQuo?: StatusQuoAnalysisEntry;
}

export interface MoveGraphNode {
  readonly state: number;
  readonly yn: string;
  readonly statusQuo: boolean;
  /** Concepts under which the state is an equilibrium. */
  readonly equilibriumUnder: readonly BasicConcept[];
  /** Unilateral improvements from the status quo on a shortest path. */
  readonly distance: number;
  readonly choices: readonly StateChoices[];
}

export interface MoveGraphEdge {
  readonly from: number;
  readonly to: number;
  /** Index of the decision maker who moves (its colour). */
  readonly dm: number;
  readonly by: string;
  /** The options it changes: labels, taken or dropped. */
  readonly changes: readonly Pick<OptionChange, "label" | "taken" | "alternatives">[];
}

/**
 * The states around the status quo: the status quo, the states within `depth`
 * unilateral improvements, and the reachable equilibria with the states on their
 * shortest paths, at most `cap` in all; edges are the unilateral improvements among them.
 */
export interface MoveGraph {
  readonly depth: number;
  readonly cap: number;
  readonly decisionMakers: readonly string[];
  readonly nodes: readonly MoveGraphNode[];
  readonly edges: readonly MoveGraphEdge[];
  /** States reachable from the status quo by unilateral improvements, the status quo included. */
  readonly reachableCount: number;
  /** Reachable equilibria (any concept) left out by the cap. */
  readonly equilibriaLeftOut: readonly number[];
}

export interface ContradictionSideEntry {
  readonly statement: string;
  readonly speaker: string;
  readonly reportedBy?: string;
  readonly date: string;
  readonly quote: string;
  readonly value?: string;
  readonly claimNote?: string;
  readonly cites: readonly Cite[];
}

export interface ContradictionEntry {
  /** The fact the two disagree on, if they disagree through claims. */
  readonly fact?: string;
  readonly approximate: boolean;
  readonly sides: readonly [ContradictionSideEntry, ContradictionSideEntry];
}

export interface ReportData {
  readonly id: string;
  readonly title: string;
  readonly asOf?: string;
  /** The question in one paragraph: the scenario's `question`, else its description, else a sentence made from its title. */
  readonly question: string;
  readonly questionFrom: "question" | "description" | "title";
  /** The description, when the question came from elsewhere. */
  readonly background?: string;
  /** A caller-supplied "generated on" text; absent unless given, so output stays the same for the same input. */
  readonly generated?: string;
  readonly actors: readonly ActorEntry[];
  readonly timeline: readonly TimelineItem[];
  /** Waiting, pens and deadlines; absent when the scenario has no record. */
  readonly record?: RecordViews;
  readonly model?: ModelSection;
  readonly analysis?: AnalysisSection;
  readonly moveGraph?: MoveGraph;
  readonly contradictions: readonly ContradictionEntry[];
  /** The mediation analyses, when the caller ran them. */
  readonly mediation?: MediationSection;
  readonly sources: readonly SourceEntry[];
  /** The brief: the answer first, in plain words. */
  readonly brief: BriefData;
  /** Treaty packages: the frontier chart and table (when the scenario has a settlement section). */
  readonly settlement?: SettlementSection;
}

/**
 * How firmly an outcome holds, in words a non-specialist can use (the solution
 * concepts stay in the specialists' part): "firm" — no one gains by changing its own
 * choices (Nash); "deterred" — someone could gain, but the others' own best answers
 * would leave it no better off (sequential stability); "threat" — only answers that
 * would cost the answering side too could stop a move (GMR or SMR, not SEQ); "none".
 */
export type HoldLevel = "firm" | "deterred" | "threat" | "none";

/** A preference statement of a decision maker, as the brief cites it. */
export interface PriorityRef {
  readonly dm: string;
  readonly dmId: string;
  /** 1 = its most important statement. */
  readonly position: number;
  /** As written, e.g. `-(venue = direct) & -(venue = russia) IF transit = none`. */
  readonly text: string;
  /** In words, with the options' short labels. */
  readonly words: string;
  /** Marked `estimate: true`, or (until the seed is remodelled) its note calls it an estimate. */
  readonly estimate: boolean;
  readonly note?: string;
  /** The sources of its evidence. */
  readonly cites: readonly Cite[];
  /** Its anchor in the full report. */
  readonly anchor: string;
}

/** One sentence of the brief, with the sources it rests on and the entries it draws on. */
export interface Claim {
  readonly text: string;
  readonly cites: readonly Cite[];
  /** Anchors in the full report of the record entries and model statements it draws on. */
  readonly refs: readonly string[];
}

/** A move in the brief: who does what, in words, and why (the statement that decides it for the mover). */
export interface BriefStep {
  readonly from: number;
  readonly to: number;
  readonly dm: number;
  readonly by: string;
  /** "Azerbaijan asks the Russian peacekeepers to leave". */
  readonly words: string;
  /** Not an improvement for the mover: the mover would rather stay. */
  readonly blocked: boolean;
  /** For a move the mover makes: the statement that makes it better; for a blocked one: the statement that makes it worse. */
  readonly why?: PriorityRef;
}

/** A likely next move from today's situation. */
export interface ExpectedMove {
  readonly rank: number;
  readonly step: BriefStep;
  /** Whether the others could stop it: "none" — nothing they could do; "costly" — only answers that cost them too; "credible" — answers that suit them. */
  readonly deterrence: "none" | "costly" | "credible";
  /** The moves that would follow, each improving its mover's position, to where the conflict would settle. */
  readonly then: readonly BriefStep[];
  /** Where it would settle and how firmly; absent when nothing reachable holds. */
  readonly settles?: { readonly state: number; readonly holds: HoldLevel; readonly words: string };
  /** The estimates the move and what follows rest on. */
  readonly estimates: readonly PriorityRef[];
  /** The move in sentences: what and how likely; why; what follows; how sure. */
  readonly claims: readonly Claim[];
}

/** A named outcome (a target of the model) and the way to it from today. */
export interface TargetOutlook {
  readonly id: string;
  readonly label: string;
  readonly pattern: string;
  /** Feasible states that match it. */
  readonly matching: number;
  /** Whether moves that each improve the mover's position lead from today into it. */
  readonly reachable: boolean;
  /** A way from today into it with the fewest steps a mover would rather not take, then the fewest steps. */
  readonly path: readonly BriefStep[];
  /** From where the path ends, the moves that improve their movers' positions up to where it holds. */
  readonly settle: readonly BriefStep[];
  /** Where it would settle (state number, for specialists) and how firmly it holds there. */
  readonly end: { readonly state: number; readonly holds: HoldLevel; readonly inTarget: boolean };
  readonly claim: Claim;
}

/**
 * Results of the mediation analyses, when the caller has them (issue 10): the brief
 * uses them instead of what it can only infer from the blocked steps, and the report
 * gains a section with the answers, the blocked paths, the robustness chart and the
 * estimates the bottom line depends on.
 */
export interface MediationHooks {
  /** The smallest changes that would make a target hold and be reachable, smallest first. */
  readonly changes?: readonly {
    readonly target: string;
    /** The change in words, e.g. "Azerbaijan ranks a treaty above the corridor". */
    readonly words: string;
    /** The statements it touches: decision maker id and 1-based position. */
    readonly statements: readonly { readonly dm: string; readonly position: number }[];
  }[];
  /** Which estimates a conclusion depends on (changing one flips it). */
  readonly dependsOn?: readonly {
    readonly conclusion: "status-quo" | "next-move" | `target:${string}`;
    /** The conclusion as a question in plain words ("whether today's situation holds"). */
    readonly question?: string;
    readonly statements: readonly { readonly dm: string; readonly position: number }[];
  }[];
  /** A mediator's questions answered in plain words (no state numbers, no concept names), with the statements they rest on. */
  readonly answers?: readonly {
    readonly id: string;
    readonly question: string;
    readonly answer: readonly string[];
    /** The model's target the answer is about, whose way from today the report draws. */
    readonly target?: string;
    readonly statements: readonly { readonly dm: string; readonly position: number }[];
  }[];
  /** Per state, the share of variants of the estimates in which it is an equilibrium. */
  readonly robustness?: {
    readonly variants: number;
    readonly exhaustive: boolean;
    readonly seed: number;
    readonly distinct: number;
    readonly states: readonly { readonly state: number; readonly share: Readonly<Record<BasicConcept, number>>; readonly asWritten: Readonly<Record<BasicConcept, boolean>> }[];
  };
}

/** The report's section on the mediation analyses, built from MediationHooks. */
export interface MediationSection {
  readonly answers: readonly {
    readonly id: string;
    readonly question: string;
    /** Plain sentences. */
    readonly answer: readonly string[];
    /** The priorities the answer rests on, linked to the model and cited. */
    readonly rests: readonly PriorityRef[];
    /** For a named outcome: the way from today with the steps a mover would rather not take marked (the brief's picture, for this outcome alone). */
    readonly path?: PathsGraph;
  }[];
  readonly robustness?: {
    readonly variants: number;
    readonly exhaustive: boolean;
    readonly seed: number;
    readonly distinct: number;
    /** The states most often stable, at most ten: what each party does there, and the shares. */
    readonly rows: readonly { readonly state: number; readonly label: string; readonly share: Readonly<Record<BasicConcept, number>>; readonly asWritten: Readonly<Record<BasicConcept, boolean>> }[];
  };
  /** The estimates the bottom line depends on, each with the questions whose answer changes with it. */
  readonly estimates: readonly { readonly ref: PriorityRef; readonly changes: readonly string[] }[];
}

/** What changed between an earlier day and the record's day. */
export interface SinceSection {
  readonly since: string;
  /** Entries recorded after that day, oldest first. */
  readonly entries: readonly { readonly id: string; readonly type: TimelineItem["type"]; readonly date: string; readonly title: string; readonly cites: readonly Cite[] }[];
  /** Events whose status changed since, e.g. planned → declined. */
  readonly statusChanges: readonly { readonly id: string; readonly title: string; readonly then: string; readonly now: string; readonly cites: readonly Cite[] }[];
  /** How the answer moved, and what evidence is new. */
  readonly answer: readonly Claim[];
}

/** Who holds what: every option, who controls it, and its value today and in the outcomes the brief names. */
export interface Holdings {
  readonly columns: readonly { readonly title: string; readonly kind: "today" | "lead" | "target"; readonly state: number; readonly holds: HoldLevel }[];
  readonly rows: readonly {
    readonly dm: string;
    readonly dmIndex: number;
    readonly option: string;
    readonly label: string;
    readonly oneWay?: "toY" | "toN";
    /** Taken (true) or not, per column; for an option with alternatives, the label of the alternative chosen. */
    readonly values: readonly (boolean | string)[];
    /** For an option with alternatives: per column, the alternative chosen as a whole phrase, or null at the first (default) alternative. */
    readonly phrases?: readonly (string | null)[];
  }[];
}

/** The picture of paths: today, where moves lead, and the named outcomes, with the steps between them. */
export interface PathsGraph {
  readonly decisionMakers: readonly string[];
  readonly nodes: readonly {
    readonly state: number;
    /** "Today", a target's label, "Where moves lead", or "" for a state on the way. */
    readonly title: string;
    readonly today: boolean;
    readonly holds: HoldLevel;
    /** How the state differs from today, in words (today: what each party does). */
    readonly lines: readonly string[];
  }[];
  readonly edges: readonly {
    readonly from: number;
    readonly to: number;
    readonly dm: number;
    readonly by: string;
    readonly words: string;
    readonly blocked: boolean;
    /** The statement that decides the step for the mover, in words, and its place in the mover's order. */
    readonly why?: string;
    readonly priority?: number;
    readonly estimate: boolean;
  }[];
}

/** The brief: the answer first, in plain words, every sentence with its sources. */
export interface BriefData {
  readonly id: string;
  readonly title: string;
  /** The record's day (YYYY-MM-DD) and in words. */
  readonly asOf?: string;
  readonly asOfWords?: string;
  /** Three to five sentences. */
  readonly bottomLine: readonly Claim[];
  /** The likely next moves, most likely first. */
  readonly next: readonly ExpectedMove[];
  /** A sentence when no party can improve its position alone. */
  readonly nextNone?: Claim;
  readonly targets: readonly TargetOutlook[];
  readonly waiting: readonly Claim[];
  /** Waiting items left out of the brief (the full report lists them). */
  readonly waitingMore: number;
  readonly deadlines: readonly Claim[];
  readonly since?: SinceSection;
  /** How this was worked out, one paragraph. */
  readonly method: Claim;
  /** Every estimate of the model, and how many there are. */
  readonly estimates: readonly PriorityRef[];
  readonly paths?: PathsGraph;
  readonly holdings?: Holdings;
  /** Packages both sides could accept, and which would hold (when the scenario has a settlement section). */
  readonly settlement?: SettlementSection;
  /** The sources the brief cites, numbered as in the full report. */
  readonly sources: readonly SourceEntry[];
}

/** Equilibria that have options in common: a named outcome they all reach, and every option they agree on. */
export interface EquilibriumGroup {
  /** The named outcome they all match, or what the group is. */
  readonly title: string;
  readonly target?: string;
  /** The options the group was split on, with the side it is on (taken or not). */
  readonly split: readonly { readonly label: string; readonly taken: boolean }[];
  /** The options every equilibrium of the group agrees on, per decision maker. */
  readonly pattern: readonly { readonly dm: string; readonly label: string; readonly taken: boolean }[];
  readonly count: number;
  readonly byConcept: readonly { readonly concept: BasicConcept; readonly count: number }[];
  /** State numbers (1-based), ascending; at most `listCap` of them (see count). */
  readonly states: readonly number[];
  readonly statusQuo: boolean;
  /** Those reachable from the status quo by unilateral improvements. */
  readonly reachable: readonly number[];
}
