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
  let width = 0;
  const tick = (): void => {
    const line = `${what}… ${Math.round((Date.now() - start) / 1000)} s`;
    width = Math.max(width, line.length);
    io.stderr.write(`\r${line}`);
  };
  let timer: ReturnType<typeof setInterval> | undefined;
  const delay = setTimeout(() => {
    tick();
    timer = setInterval(tick, 1000);
  }, after);
  return () => {
    clearTimeout(delay);
    if (timer !== undefined) clearInterval(timer);
    // Erase the line with spaces, so that what follows starts clean (escape sequences would be shown escaped: see io.ts).
    if (width > 0) io.stderr.write(`\r${" ".repeat(width)}\r`);
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
