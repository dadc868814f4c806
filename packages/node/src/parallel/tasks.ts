/**
 * The pieces of a stability analysis that threads share out, as plain functions of
 * (context, task number). The context holds only data that crosses threads without
 * copying (typed arrays over SharedArrayBuffer) or is small (the model). The same
 * functions run in this thread and in the workers; nothing here needs Node, so a
 * web-worker runner can reuse them.
 */
import {
  assembleMoveIndex,
  buildSortedCells,
  computePayoffs,
  moveIndexPart,
  sanctionPass,
  stabilityFromMinimums,
  StateSpace,
  type BasicConcept,
  type ConflictModel,
  type EngineData,
  type MoveIndex,
  type MoveIndexPart,
  type SanctionMinimums,
  type SanctionPass,
  type SortedCells,
} from "@concord/core";

/** Integer arrays in shared memory, so workers read and write them in place. */
export const sharedInts = (n: number): Int32Array => new Int32Array(new SharedArrayBuffer(4 * Math.max(1, n)));

/** Front phase, one task per decision maker: its payoffs, its part of the move index and (when no one misperceives) its sorted cells. */
export interface PrepareContext {
  readonly model: ConflictModel;
  readonly lo: Uint32Array;
  readonly hi: Uint32Array;
  /** stateVectors(space), shared. */
  readonly vec: Float64Array;
  readonly maxGroupBits: number;
  /** Whether the index is final per decision maker (no misperceived states), so cells can be sorted here. */
  readonly withCells: boolean;
}

export interface PreparedDm {
  readonly payoff: Int32Array;
  readonly levels: number;
  readonly part: MoveIndexPart;
  readonly cells?: SortedCells | null;
}

export function prepareDm(ctx: PrepareContext, k: number): PreparedDm {
  const space = new StateSpace(ctx.model, { lo: ctx.lo, hi: ctx.hi });
  const p = computePayoffs(space, ctx.model.decisionMakers[k]!);
  const payoff = sharedInts(p.payoff.length);
  payoff.set(p.payoff);
  const part = moveIndexPart(space, ctx.vec, k, sharedInts, ctx.maxGroupBits);
  if (!ctx.withCells) return { payoff, levels: p.levels, part };
  // k's cells read only k's part of the index.
  const index = assembleMoveIndex([part], space.size);
  return { payoff, levels: p.levels, part, cells: buildSortedCells(index, 0, payoff, sharedInts) };
}

/** Cells phase (only when someone misperceives states: the restricted index is known only after every part). */
export interface CellsContext {
  readonly index: MoveIndex;
  readonly payoffs: readonly Int32Array[];
}

export function cellsOf(ctx: CellsContext, k: number): SortedCells | null {
  return buildSortedCells(ctx.index, k, ctx.payoffs[k]!, sharedInts);
}

/**
 * The engine's phase: first every sanction pass (decision maker × pass, costliest
 * first, taken from one counter so threads even out), then one scan per decision
 * maker, which waits until that decision maker's passes are done.
 */
export interface SolveContext {
  readonly data: EngineData;
  readonly concepts: readonly BasicConcept[];
  readonly passes: readonly (readonly [number, SanctionPass])[];
  readonly minimums: readonly SanctionMinimums[];
  /** passesDone[dm]: passes of dm finished (threads wait on it with Atomics.wait). */
  readonly passesDone: Int32Array;
  readonly passesPerDm: number;
  /** flags[concept][dm]: where each decision maker's stable flags are written. */
  readonly flags: Readonly<Partial<Record<BasicConcept, readonly Uint8Array[]>>>;
}

export function solveTask(ctx: SolveContext, t: number): void {
  const P = ctx.passes.length;
  if (t < P) {
    const [dm, pass] = ctx.passes[t]!;
    sanctionPass(ctx.data, dm, pass, ctx.concepts, ctx.minimums[dm]!);
    Atomics.add(ctx.passesDone, dm, 1);
    Atomics.notify(ctx.passesDone, dm);
    return;
  }
  const dm = t - P;
  // Every pass was taken before any scan (one counter), so the wait ends once the threads running them finish.
  for (let d = Atomics.load(ctx.passesDone, dm); d < ctx.passesPerDm; d = Atomics.load(ctx.passesDone, dm)) Atomics.wait(ctx.passesDone, dm, d, 1000);
  const r = stabilityFromMinimums(ctx.data, dm, ctx.concepts, ctx.minimums[dm]!);
  for (const c of ctx.concepts) ctx.flags[c]![dm]!.set(r.flags[c]!);
}

export type TaskKind = "prepare" | "cells" | "solve";

/** Runs task t of a phase; used by the pool's threads, this one included. */
export function runTask(kind: TaskKind, ctx: unknown, t: number): unknown {
  switch (kind) {
    case "prepare":
      return prepareDm(ctx as PrepareContext, t);
    case "cells":
      return cellsOf(ctx as CellsContext, t);
    case "solve":
      solveTask(ctx as SolveContext, t);
      return undefined;
  }
}

/** What a worker is sent per phase. */
export interface PhaseMessage {
  readonly kind: TaskKind;
  readonly ctx: unknown;
  readonly count: number;
  /** Shared counter: the next task to take. */
  readonly next: Int32Array;
}

/** What a worker answers: its results by task number, or the error that stopped it. */
export interface PhaseReply {
  readonly results?: readonly (readonly [number, unknown])[];
  readonly busyMs?: number;
  readonly error?: string;
}

/** Takes tasks from the counter until none is left. */
export function takeTasks(msg: PhaseMessage): { results: [number, unknown][]; busyMs: number } {
  const results: [number, unknown][] = [];
  const t0 = performance.now();
  for (let t = Atomics.add(msg.next, 0, 1); t < msg.count; t = Atomics.add(msg.next, 0, 1)) results.push([t, runTask(msg.kind, msg.ctx, t)]);
  return { results, busyMs: performance.now() - t0 };
}
