/**
 * Everything the CLI touches outside itself, passed in: the streams, the
 * environment, the working folder and the clock. `main(argv, io)` runs the same in
 * a terminal (nodeIo) and inside a test (memoryIo).
 */

export interface OutStream {
  /** Text for people: control characters (terminal escapes, bidi overrides) are shown escaped, never sent raw. */
  write(text: string): void;
  /** File contents (a report, a CSV, a scenario) written as they are, except to a terminal, which gets them escaped too. */
  data(text: string): void;
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

/**
 * Control characters that make a terminal act instead of print (escape sequences can
 * retitle the window, move the cursor, hide text) and Unicode overrides that reorder
 * text: everything below space but tab, newline and carriage return (progress lines
 * redraw with it), DEL, the C1 range and the bidi controls.
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** The text with every control character shown as an escape (`\u001b`, `\u202e`: also valid inside a JSON string). */
export function escapeControls(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** The one place output leaves the CLI: a stream over `sink` that escapes control characters as OutStream promises. */
export function outStream(sink: (text: string) => void, tty: { readonly isTTY: boolean; readonly columns?: number }): OutStream {
  return {
    ...tty,
    write: (text) => sink(escapeControls(text)),
    data: (text) => sink(tty.isTTY ? escapeControls(text) : text),
  };
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
    stdout: outStream((t) => void (out += t), tty),
    stderr: outStream((t) => void (err += t), tty),
    stdin: { isTTY: false, text: async () => options.stdin ?? "" },
    env: options.env ?? {},
    cwd: options.cwd,
    now: () => options.now ?? new Date(Date.UTC(2024, 0, 1)),
    out: () => out,
    err: () => err,
  };
}
