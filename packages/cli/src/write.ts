/**
 * The one output writer of every command: "-" (or no -o) is standard output; a file
 * is written whole or not at all through @concord/node (temporary file in the same
 * folder, flushed, renamed), creating missing folders. An I/O failure is a one-line
 * problem with the path and the reason (exit code 2).
 */
import { writeFiles, type OutputFile } from "@concord/node";
import type { CliIo } from "./io.js";
import { unwrap } from "./output.js";

/** True when `-o` names standard output ("-") or is absent. */
export const toStdout = (output: string | undefined): boolean => output === undefined || output === "-";

/**
 * Writes a command's output: to standard output for "-" or no file, else whole or
 * not at all (with `unchangedSince`, refused if the file changed since it was read).
 */
export function writeOutput(io: CliIo, output: string | undefined, text: string, options: { readonly unchangedSince?: string } = {}): void {
  if (toStdout(output)) io.stdout.data(text);
  else writeAll(io, [{ file: output!, text, ...options }]);
}

/** Writes several files together, whole or not at all (a report and its pictures). */
export function writeAll(io: CliIo, files: readonly OutputFile[]): void {
  unwrap(writeFiles(files, { cwd: io.cwd }));
}
