/**
 * Files on disk for the application layer: scenario sources read into plain text,
 * results written whole or not at all. Problems name the file as the user gave it;
 * relative names are resolved against `cwd` (default: the process's).
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ScenarioSource } from "@concord/app";
import { fail, ok, type Problem, type Result } from "@concord/core";

export interface FileOptions {
  /** The folder relative names are resolved against. */
  readonly cwd?: string;
}

const at = (file: string, cwd: string | undefined): string => resolve(cwd ?? ".", file);

function ioProblem(file: string, what: string, e: unknown): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  const reason =
    code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a directory" : code === "EACCES" ? "permission denied" : (e as Error).message;
  return { code: "io", path: [], file, message: `cannot ${what}: ${reason}` };
}

/** A text file's contents, or an "io" problem saying why it cannot be read. */
export function readTextFile(file: string, options: FileOptions = {}): Result<string> {
  try {
    return ok(readFileSync(at(file, options.cwd), "utf8"));
  } catch (e) {
    return fail([ioProblem(file, "read the file", e)]);
  }
}

/** A scenario file as a source for the application layer (its format follows from its name or content). */
export function readScenarioFile(file: string, options: FileOptions = {}): Result<ScenarioSource> {
  const text = readTextFile(file, options);
  return text.ok ? ok({ text: text.value, file }) : text;
}

/**
 * Writes every file to a temporary name first, then renames them all, creating the
 * folders they need: a failure leaves nothing half-written. `text` may be bytes (a PDF).
 */
export function writeFiles(files: readonly { readonly file: string; readonly text: string | Uint8Array }[], options: FileOptions = {}): Result<void> {
  const first = files[0];
  if (first === undefined) return ok(undefined);
  const folders = [...new Set(files.map((f) => dirname(at(f.file, options.cwd))))];
  for (const folder of folders) {
    try {
      mkdirSync(folder, { recursive: true });
    } catch (e) {
      return fail([ioProblem(dirname(first.file), "create the folder", e)]);
    }
  }
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = `${at(f.file, options.cwd)}.${process.pid}.tmp`;
      writeFileSync(tmp, f.text);
      temps.push(tmp);
    }
    files.forEach((f, i) => renameSync(temps[i]!, at(f.file, options.cwd)));
    return ok(undefined);
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    return fail([ioProblem(first.file, "write the file", e)]);
  }
}

/** Writes one text file whole or not at all. */
export function writeTextFile(file: string, text: string, options: FileOptions = {}): Result<void> {
  return writeFiles([{ file, text }], options);
}
