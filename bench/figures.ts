/**
 * What a bench script reports to bench/run.ts: each figure an issue sets a target for,
 * as one line `@figure {json}` on standard output (the runner collects them, prints the
 * rest as it comes). Timings come from `measure`: warm-up runs first (not counted), then
 * repeats, summarised as min/median/max; the median is the figure held to the target.
 */
import { performance } from "node:perf_hooks";

export interface Timing {
  readonly min: number;
  readonly median: number;
  readonly max: number;
  /** Counted runs, after `warmup` uncounted ones. */
  readonly runs: number;
  readonly warmup: number;
}

export interface Figure {
  /** The issue that sets the target. */
  readonly issue: number;
  readonly name: string;
  readonly unit: "ms" | "ns" | "MiB" | "MB" | "count" | "per s" | "×" | "%";
  /** The figure held to the target (a timing's median); null when it could not be measured. */
  readonly value: number | null;
  readonly timing?: Timing;
  readonly target?: { readonly atMost?: number; readonly atLeast?: number };
  /** How it was measured, when it differs from what the issue says (scaled down, one thread, …). */
  readonly note?: string;
  /** A correctness check, not a speed: false fails the bench. */
  readonly correct?: boolean;
}

export function emit(figure: Figure): void {
  console.log(`@figure ${JSON.stringify(figure)}`);
}

/** Whether a figure meets its target (undefined without one, or without a value). */
export function meets(f: Figure): boolean | undefined {
  if (f.value === null || f.target === undefined) return undefined;
  return (f.target.atMost === undefined || f.value <= f.target.atMost) && (f.target.atLeast === undefined || f.value >= f.target.atLeast);
}

function summary(times: number[], warmup: number): Timing {
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]!, runs: times.length, warmup };
}

/** `warmup` uncounted runs of `f`, then `runs` timed ones (ms). */
export async function measure(runs: number, f: () => unknown, warmup = 1): Promise<Timing> {
  for (let i = 0; i < warmup; i++) await f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await f();
    times.push(performance.now() - t0);
  }
  return summary(times, warmup);
}

/** As `measure`, for synchronous work (no await between runs). */
export function measureSync(runs: number, f: () => unknown, warmup = 1): Timing {
  for (let i = 0; i < warmup; i++) f();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return summary(times, warmup);
}

/** Summarises times already taken (the first `warmup` of them not counted). */
export function timingOf(times: readonly number[], warmup = 1): Timing {
  const counted = times.length > warmup ? times.slice(warmup) : [...times];
  return summary(counted, times.length > warmup ? warmup : 0);
}

/** "1.23 s", "45.6 ms". */
export function fmtMs(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`;
}

/** "median 1.23 s (min 1.20 s, max 1.31 s; 5 runs after 1 warm-up)". */
export function timingWords(t: Timing): string {
  return `median ${fmtMs(t.median)} (min ${fmtMs(t.min)}, max ${fmtMs(t.max)}; ${t.runs} run${t.runs === 1 ? "" : "s"}${t.warmup ? ` after ${t.warmup} warm-up` : ", no warm-up"})`;
}
