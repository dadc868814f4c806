/**
 * Files on disk for the application layer: input read only when it is a regular
 * file of bounded size holding UTF-8 text; output written whole or not at all (a
 * temporary file in the same folder, flushed to disk, then renamed over the target),
 * creating the folders it needs. Problems name the file as the user gave it and say
 * why, in one line; relative names are resolved against `cwd` (default: the process's).
 */
import { createHash } from "node:crypto";
import { closeSync, existsSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeSync, constants } from "node:fs";
import { dirname, resolve } from "node:path";
import type { ScenarioSource } from "@concord/app";
import { fail, MAX_INPUT_BYTES, ok, type Problem, type Result } from "@concord/core";
import { decodeText, type TextKind } from "./text.js";

export interface FileOptions {
  /** The folder relative names are resolved against. */
  readonly cwd?: string;
}

export interface ReadOptions extends FileOptions {
  /** Refuse files larger than this many bytes (default MAX_INPUT_BYTES). */
  readonly maxBytes?: number;
  /** What the file should hold, for the message when it holds binary data. */
  readonly kind?: TextKind;
}

const at = (file: string, cwd: string | undefined): string => resolve(cwd ?? ".", file);

const REASONS: Readonly<Record<string, string>> = {
  ENOENT: "no such file or folder",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EACCES: "permission denied",
  EPERM: "permission denied",
  EROFS: "the file system is read-only",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EEXIST: "it already exists",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
  EBUSY: "the file is busy",
  EMFILE: "too many open files",
};

/** An "io" problem: the path, what could not be done, and why, on one line. */
export function ioProblem(file: string, what: string, e: unknown): Problem {
  const code = (e as NodeJS.ErrnoException).code;
  const reason = (code !== undefined ? REASONS[code] : undefined) ?? String((e as Error).message ?? e).split("\n")[0];
  return { code: "io", path: [], file, message: `cannot ${what}: ${reason}` };
}

/** "20 MB", "1.5 MB", "900 bytes". */
export function formatBytes(n: number): string {
  if (n < 1024 * 1024) return `${n} bytes`;
  const mb = n / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

/**
 * The bytes of a regular file no larger than `maxBytes`: FIFOs, devices and folders
 * are refused before anything is read, and at most `maxBytes + 1` bytes are read even
 * if the file grows meanwhile.
 */
export function readBoundedFile(file: string, options: ReadOptions = {}): Result<Uint8Array> {
  const max = options.maxBytes ?? MAX_INPUT_BYTES;
  const path = at(file, options.cwd);
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO with no writer does not hang; checked below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    return fail([ioProblem(file, "read the file", e)]);
  }
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) return fail([{ code: "io", path: [], file, message: "cannot read the file: it is a folder" }]);
    if (!st.isFile()) return fail([{ code: "io", path: [], file, message: "cannot read the file: not a regular file (a device, pipe or socket); save the input to a file first" }]);
    if (st.size > max) return fail([tooLarge(file, max)]);
    const buf = Buffer.alloc(Math.min(st.size, max) + 1);
    let n = 0;
    for (let got = 1; got > 0 && n < buf.length; n += got) got = readSync(fd, buf, n, buf.length - n, n);
    if (n > max) return fail([tooLarge(file, max)]);
    return ok(buf.subarray(0, n));
  } catch (e) {
    return fail([ioProblem(file, "read the file", e)]);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, max: number): Problem {
  return { code: "limit", path: [], file, message: `the file is larger than ${formatBytes(max)}, the input limit; to read it, raise the limit with --max-input <MB>` };
}

/** A text file's contents (UTF-8, within the size limit), or a problem saying why it cannot be read. */
export function readTextFile(file: string, options: ReadOptions = {}): Result<string> {
  const bytes = readBoundedFile(file, options);
  return bytes.ok ? decodeText(bytes.value, file, options.kind) : bytes;
}

/** A scenario file as a source for the application layer (its format follows from its name or content), with a fingerprint of its contents. */
export function readScenarioFile(file: string, options: ReadOptions = {}): Result<ScenarioSource & { readonly hash: string }> {
  const bytes = readBoundedFile(file, options);
  if (!bytes.ok) return bytes;
  const text = decodeText(bytes.value, file, options.kind);
  return text.ok ? ok({ text: text.value, file, hash: contentHash(bytes.value) }) : text;
}

/** A fingerprint of a file's contents, to notice it changed between reading and writing back. */
export function contentHash(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export interface OutputFile {
  readonly file: string;
  readonly text: string | Uint8Array;
  /**
   * The fingerprint of the file as it was read: the write is refused if the file
   * changed since (another program edited it meanwhile), instead of losing that edit.
   */
  readonly unchangedSince?: string;
}

/**
 * Writes every file to a temporary name in its own folder, flushed to disk, then
 * renames them all, creating the folders they need: a failure leaves nothing
 * half-written, and readers see either the old file or the new one.
 */
export function writeFiles(files: readonly OutputFile[], options: FileOptions = {}): Result<void> {
  if (files.length === 0) return ok(undefined);
  for (const f of files) {
    try {
      makeFolders(dirname(at(f.file, options.cwd)));
    } catch (e) {
      return fail([ioProblem(dirname(f.file), "create the folder", e)]);
    }
    try {
      if (statSync(at(f.file, options.cwd)).isDirectory()) return fail([{ code: "io", path: [], file: f.file, message: "cannot write the file: it is a folder" }]);
    } catch {
      // Absent: it will be created.
    }
  }
  const temps: string[] = [];
  const cleanUp = (): void => temps.forEach((t) => rmSync(t, { force: true }));
  let current = files[0]!.file;
  try {
    for (const f of files) {
      current = f.file;
      const tmp = `${at(f.file, options.cwd)}.${process.pid}.${Math.random().toString(36).slice(2, 8)}.tmp`;
      const fd = openSync(tmp, "wx");
      temps.push(tmp);
      try {
        if (typeof f.text === "string") writeSync(fd, f.text);
        else writeSync(fd, f.text);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
    for (const [i, f] of files.entries()) {
      current = f.file;
      const replaced = f.unchangedSince === undefined ? ok(undefined) : replaceIfUnchanged(temps[i]!, f.file, at(f.file, options.cwd), f.unchangedSince);
      if (!replaced.ok) {
        cleanUp();
        return replaced;
      }
      if (f.unchangedSince === undefined) renameSync(temps[i]!, at(f.file, options.cwd));
    }
    return ok(undefined);
  } catch (e) {
    cleanUp();
    return fail([ioProblem(current, "write the file", e)]);
  }
}

/**
 * Creates a folder and the missing ones above it, one level at a time: Node's
 * `mkdirSync(…, { recursive: true })` loops forever where mkdir fails with ENOENT
 * under an existing folder (as in /proc).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let d = dir; !existsSync(d) && dirname(d) !== d; d = dirname(d)) missing.push(d);
  for (const m of missing.reverse()) mkdirSync(m);
}

/**
 * Renames `tmp` over `path` if the file there still has the fingerprint `hash`. A lock
 * file held for the check and the rename keeps two concord runs from both passing the
 * check before either renames.
 */
function replaceIfUnchanged(tmp: string, file: string, path: string, hash: string): Result<void> {
  const lock = `${path}.lock`;
  let fd: number;
  try {
    fd = openSync(lock, "wx");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EEXIST") return fail([ioProblem(`${file}.lock`, "create the lock file", e)]);
    return fail([{ code: "io", path: [], file, message: `not written: another concord run is writing it (lock file ${file}.lock); nothing was changed, run the command again (remove the lock file if no concord is running)` }]);
  }
  try {
    let now: string | undefined;
    try {
      now = contentHash(readFileSync(path));
    } catch {
      now = undefined;
    }
    if (now !== hash) return fail([{ code: "io", path: [], file, message: "not written: the file changed since it was read (another program or concord run edited it); nothing was changed, run the command again" }]);
    renameSync(tmp, path);
    return ok(undefined);
  } finally {
    closeSync(fd);
    rmSync(lock, { force: true });
  }
}

/** Writes one text file whole or not at all. */
export function writeTextFile(file: string, text: string, options: FileOptions & { readonly unchangedSince?: string } = {}): Result<void> {
  return writeFiles([{ file, text, ...(options.unchangedSince !== undefined ? { unchangedSince: options.unchangedSince } : {}) }], options);
}
