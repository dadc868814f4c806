/**
 * Everything the CLI touches outside itself, passed in: the streams, the
 * environment, the working folder and the clock. `main(argv, io)` runs the same in
 * a terminal (nodeIo) and inside a test (memoryIo).
 */

export interface OutStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** The terminal's width in characters, when it is a terminal. */
  readonly columns?: number;
}

export interface InStream {
  readonly isTTY: boolean;
  /** Everything on standard input, as text. */
  text(): Promise<string>;
}

export interface CliIo {
  readonly stdout: OutStream;
  readonly stderr: OutStream;
  readonly stdin: InStream;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The folder relative file names are resolved against. */
  readonly cwd: string;
  readonly now: () => Date;
}

/** The width to format for: $COLUMNS, else the terminal's, else undefined (not a terminal: no limit). */
export function width(io: CliIo): number | undefined {
  const env = Number(io.env.COLUMNS);
  if (Number.isInteger(env) && env > 0) return env;
  return io.stdout.isTTY ? io.stdout.columns : undefined;
}

/** Today's date where the command runs, as YYYY-MM-DD. */
export function today(io: CliIo): string {
  const d = io.now();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** An io that keeps what is written, for running the CLI in-process (tests, embedding). */
export interface MemoryIo extends CliIo {
  /** What was written to standard output and standard error so far. */
  out(): string;
  err(): string;
}

export function memoryIo(options: { cwd: string; env?: Record<string, string>; now?: Date; stdin?: string; isTTY?: boolean; columns?: number }): MemoryIo {
  let out = "";
  let err = "";
  const tty = { isTTY: options.isTTY ?? false, ...(options.columns !== undefined ? { columns: options.columns } : {}) };
  return {
    stdout: { ...tty, write: (t) => void (out += t) },
    stderr: { ...tty, write: (t) => void (err += t) },
    stdin: { isTTY: false, text: async () => options.stdin ?? "" },
    env: options.env ?? {},
    cwd: options.cwd,
    now: () => options.now ?? new Date(Date.UTC(2024, 0, 1)),
    out: () => out,
    err: () => err,
  };
}
