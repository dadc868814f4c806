/** A progress line on standard error for long work, so a big analysis does not look hung. */
import type { CliIo } from "./io.js";

/**
 * Shows "what… 3 s" on standard error, refreshed every second, from `after` ms on
 * (default 1 s), only when standard error is a terminal (never in pipes, logs or
 * --json consumers' captures). Returns the function that stops and clears it.
 */
export function progress(io: CliIo, what: string, after = 1000): () => void {
  if (!io.stderr.isTTY) return () => {};
  const start = Date.now();
  let shown = false;
  const tick = (): void => {
    shown = true;
    io.stderr.write(`\r${what}… ${Math.round((Date.now() - start) / 1000)} s`);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const delay = setTimeout(() => {
    tick();
    timer = setInterval(tick, 1000);
  }, after);
  return () => {
    clearTimeout(delay);
    if (timer !== undefined) clearInterval(timer);
    // Erase the line, so that what follows starts clean.
    if (shown) io.stderr.write("\r\x1b[K");
  };
}

/** Runs `work` with a progress line (see progress). */
export async function withProgress<T>(io: CliIo, what: string, work: () => Promise<T>): Promise<T> {
  const stop = progress(io, what);
  try {
    return await work();
  } finally {
    stop();
  }
}
