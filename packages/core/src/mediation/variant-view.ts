/**
 * Variants of one model asked a few questions each (sensitivity): nothing is computed
 * before a question needs it, and what does not depend on the variation is shared.
 *
 * - Variants that change the states (a condition dropped, an option fixed, the status
 *   quo misread) share one frame per such change: its states, move index and the
 *   preferences as written, analysed once.
 * - Within a frame, a decision maker's Nash, GMR and SMR stability depend only on its
 *   own preferences and everyone's moves, so they are computed once per distinct
 *   preference of that decision maker (variant.ts's cache), and only when a question
 *   needs them for every state.
 * - SEQ depends on everyone's preferences. It is never computed for every state: a
 *   SEQ equilibrium is a GMR equilibrium (a sanction by improvements is a sanction),
 *   so only those candidates, and the few states a question names, are searched from
 *   (local-stability.ts).
 */
import type { StateIndex } from "../numbering.js";
import type { Payoffs } from "../statespace/payoffs.js";
import { prepareAnalysis, type Analysis } from "../stability/analysis.js";
import type { BasicConcept } from "../stability/concepts.js";
import { reachFrom, type ReachFrom } from "../stability/reach-from.js";
import type { StateSpace } from "../statespace/space.js";
import { changedStatements, statementKeys, structural, variantSpace, type Estimate, type Variation } from "./estimates.js";
import { LocalStability, localScratch, type LocalScratch } from "./local-stability.js";
import { targetStates, type Target } from "./targets.js";
import { TruthColumns } from "./truth-columns.js";
import { VariantCache } from "./variant.js";

interface Frame {
  readonly space: StateSpace;
  /** Per target, whether each state matches it (computed the first time it is asked). */
  readonly targets: Map<Target, Uint8Array>;
  /** Scratch memory for the searches from one state, shared by the frame's variants (one at a time). */
  scratch?: LocalScratch;
  readonly statusQuo: StateIndex | undefined;
  readonly cache: VariantCache;
  /** The statements' truth over the frame's states, shared by its variants' payoffs. */
  readonly columns: TruthColumns;
  /** The full analysis, for the frame of the unchanged states. */
  readonly full?: Analysis;
}

/** The frames of one model's variants, built as variants ask for them. */
export class VariantFrames {
  private readonly frames = new Map<string, Frame | null>();
  /** The cache for the unchanged states, shared by every frame that keeps them (a misread status quo). */
  private readonly rootCache: VariantCache;
  private rootColumns?: TruthColumns;

  constructor(readonly base: Analysis, readonly estimates: readonly Estimate[]) {
    this.rootCache = new VariantCache(base);
  }

  /** The variant with `variations` applied, or null when it has no state (or too many). */
  view(variations: readonly Variation[]): VariantView | null {
    const frame = this.frame(variations.filter((v) => structural(this.estimates, v)));
    if (frame === null) return null;
    const model = frame.space.model;
    const keys = statementKeys(model, this.estimates, variations);
    const payoffs = (): Int32Array[] => {
      const lists = changedStatements(model, this.estimates, variations);
      return keys.map((key, k) => frame.cache.payoffs(k, key, (): Payoffs => frame.columns.payoffs(model.decisionMakers[k]!, lists.get(k)!)).payoff);
    };
    return new VariantView(frame, keys, payoffs);
  }

  private frame(variations: readonly Variation[]): Frame | null {
    const key = variations.map((v) => `${v.item}${v.kind}${v.option ?? ""}`).join(",");
    if (this.frames.has(key)) return this.frames.get(key)!;
    let frame: Frame | null;
    const states = variantSpace(this.base.space, this.estimates, variations);
    if (states === null) frame = null;
    else if (states.space === this.base.space) frame = { ...states, targets: new Map(), cache: this.rootCache, columns: (this.rootColumns ??= new TruthColumns(states.space)), full: this.base };
    else frame = { ...states, targets: new Map(), cache: new VariantCache(prepareAnalysis(states.space)), columns: new TruthColumns(states.space) };
    this.frames.set(key, frame);
    return frame;
  }
}

/** One variant: its states, its status quo, and stability answered on demand. */
export class VariantView {
  private local?: LocalStability;
  private reached?: ReachFrom | null;
  private readonly eq = new Map<BasicConcept, StateIndex[]>();
  private computed?: readonly Int32Array[];

  /** `payoffs` computes every decision maker's payoffs in the variant; called only when a question needs them. */
  constructor(private readonly frame: Frame, private readonly keys: readonly string[], private readonly payoffsOf: () => readonly Int32Array[]) {}

  get payoffs(): readonly Int32Array[] {
    return (this.computed ??= this.payoffsOf());
  }

  /** Whether state s matches the target. */
  inTarget(t: Target, s: number): boolean {
    let m = this.frame.targets.get(t);
    if (!m) {
      m = new Uint8Array(this.space.size);
      for (const x of targetStates(this.space, t)) m[x] = 1;
      this.frame.targets.set(t, m);
    }
    return m[s] === 1;
  }

  get space(): StateSpace {
    return this.frame.space;
  }

  get statusQuo(): StateIndex | undefined {
    return this.frame.statusQuo;
  }

  /** Whether the preferences are all as written (the frame's full analysis, if any, answers everything). */
  private get asWritten(): Analysis | undefined {
    return this.keys.every((k) => k === "") ? this.frame.full : undefined;
  }

  /** Whether s is stable for decision maker k: from flags already computed, else by a search from s. */
  stableAt(k: number, s: number, c: BasicConcept): boolean {
    const full = this.asWritten;
    if (full) return full.stable[c]![k]![s] === 1;
    void this.payoffs; // the cache knows a key's flags only once its payoffs are in
    const f = c === "seq" ? undefined : this.frame.cache.knownFlags(k, this.keys[k]!, c);
    if (f) return f[s] === 1;
    this.local ??= new LocalStability(this.frame.cache.base.index, this.payoffs, (this.frame.scratch ??= localScratch(this.frame.cache.base.index)));
    return this.local.stable(k, s, c);
  }

  isEquilibrium(c: BasicConcept, s: number): boolean {
    for (let k = 0; k < this.payoffs.length; k++) if (!this.stableAt(k, s, c)) return false;
    return true;
  }

  /** Every equilibrium under the concept, ascending. */
  equilibria(c: BasicConcept): readonly StateIndex[] {
    const full = this.asWritten;
    if (full) return full.equilibria[c]!;
    const hit = this.eq.get(c);
    if (hit) return hit;
    // Nash, GMR, SMR: each decision maker's flags, once per distinct preference. SEQ: the GMR
    // equilibria, each searched from (a search from an unstable state can cover the whole
    // graph, so GMR and SMR are not done that way).
    let out: StateIndex[];
    if (c === "seq") {
      // Decision maker by decision maker, the candidates left: a Nash-stable one is SEQ-stable;
      // the others are searched from when few, else one pass over every state decides them.
      out = [...this.equilibria("gmr")];
      for (let k = 0; k < this.payoffs.length && out.length > 0; k++) {
        const nash = this.frame.cache.flags(k, this.keys[k]!, "nash");
        const open = out.filter((s) => nash[s] !== 1).length;
        if (open === 0) continue;
        if (open <= this.space.size / LOCAL_SHARE) out = out.filter((s) => nash[s] === 1 || this.stableAt(k, s, "seq"));
        else {
          const f = this.frame.cache.seq(this.keys, k);
          out = out.filter((s) => f[s] === 1);
        }
      }
    }
    else {
      const D = this.payoffs.length; // also puts every key's payoffs in the cache
      const flags = Array.from({ length: D }, (_, k) => this.frame.cache.flags(k, this.keys[k]!, c));
      out = [];
      for (let s = 0; s < this.space.size; s++) {
        let all = true;
        for (let k = 0; k < D && all; k++) all = flags[k]![s] === 1;
        if (all) out.push(s as StateIndex);
      }
    }
    this.eq.set(c, out);
    return out;
  }

  /** Distances by unilateral improvements from the status quo (null without one). */
  reach(): ReachFrom | null {
    if (this.reached === undefined) {
      const sq = this.statusQuo;
      this.reached = sq === undefined ? null : reachFrom(this.frame.cache.base.index, this.payoffs, sq, "improvements");
    }
    return this.reached;
  }
}

/** SEQ is searched from each GMR equilibrium when they are at most 1/LOCAL_SHARE of the states; above that, a pass over all is cheaper. */
const LOCAL_SHARE = 8;
