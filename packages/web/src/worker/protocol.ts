/**
 * What the page asks the analysis worker and what it answers. Every request carries the
 * scenario text; the worker keeps the last texts it opened, so a burst of requests on one
 * text parses it once. Every answer is plain data from the application layer.
 */
import type {
  CoalitionsResult,
  Explanation,
  MoveDescription,
  ModelSummary,
  Problem,
  DecisionMakerEvidence,
  RobustnessUseCaseResult,
  SettleResult,
  SensitivityUseCaseResult,
  StabilizeUseCaseResult,
  StatusQuoAnalysis,
  TargetResult,
  BasicConcept,
} from "@concord/app";

/** One row of the stability table: a state, its values, each decision maker's rank, who it is stable for. */
export interface TableRow {
  readonly id: number;
  readonly values: Readonly<Record<string, boolean | string>>;
  readonly rank: Readonly<Record<string, number>>;
  /** Per concept, the ids of the decision makers for whom the state is stable. */
  readonly stableFor: Readonly<Partial<Record<BasicConcept, readonly string[]>>>;
  /** The concepts under which it is an equilibrium (stable for everyone). */
  readonly equilibrium: readonly BasicConcept[];
}

export interface Table extends ModelSummary {
  readonly concepts: readonly BasicConcept[];
  readonly rows: readonly TableRow[];
}

/** A graph of states and unilateral improvements (moves that leave their mover better off). */
export interface MoveGraph {
  readonly states: readonly number[];
  readonly moves: readonly MoveDescription[];
  /** Whether the graph stops short of some of the states' moves (a neighbourhood, or a cap). */
  readonly partial: boolean;
}

export interface Equilibria {
  readonly size: number;
  readonly statusQuo?: number;
  readonly concepts: readonly BasicConcept[];
  readonly states: readonly { readonly id: number; readonly values: Readonly<Record<string, boolean | string>>; readonly concepts: readonly BasicConcept[] }[];
}

export interface Checked {
  /** Why the text is not a valid scenario (empty when it is). */
  readonly problems: readonly Problem[];
  /** What is valid but most likely not meant. */
  readonly warnings: readonly Problem[];
  /** The model's size, when valid. */
  readonly states?: number;
}

export interface Requests {
  check: { args: Record<string, never>; result: Checked };
  table: { args: Record<string, never>; result: Table };
  /** The equilibria only (the editor's live panel): cheaper to send than the whole table. */
  equilibria: { args: Record<string, never>; result: Equilibria };
  evidence: { args: { dm: string }; result: DecisionMakerEvidence };
  explain: { args: { state: number; dm: string }; result: readonly Explanation[] };
  /** The moves out of the states within `depth` moves of `state`; or of every state when `state` is absent (small models). */
  graph: { args: { state?: number; depth?: number; limit?: number }; result: MoveGraph };
  statusQuo: { args: { from?: number }; result: StatusQuoAnalysis };
  target: { args: { target: string; limit?: number }; result: TargetResult };
  stabilize: { args: { target: string; limit?: number }; result: StabilizeUseCaseResult };
  sensitivity: { args: Record<string, never>; result: SensitivityUseCaseResult };
  coalitions: { args: Record<string, never>; result: CoalitionsResult };
  robustness: { args: { variants?: number }; result: RobustnessUseCaseResult };
  /** Packages both sides could accept and which would hold; without the (slow) search for changes. */
  settle: { args: Record<string, never>; result: SettleResult };
}

export type Op = keyof Requests;

export interface WorkerRequest<K extends Op = Op> {
  readonly id: number;
  readonly op: K;
  readonly text: string;
  readonly args: Requests[K]["args"];
}

export type WorkerAnswer =
  | { readonly id: number; readonly ok: true; readonly value: unknown; readonly ms: number }
  | { readonly id: number; readonly ok: false; readonly problems: readonly Problem[]; readonly ms: number };
