/**
 * Problems are data: every check in Concord returns a list of them instead of
 * throwing, so a caller can report all problems at once and format them at its edge
 * (CLI, HTTP, UI).
 */

/** A key or index path inside a document, e.g. `["model", "decisionMakers", 0, "id"]`. */
export type DocPath = readonly (string | number)[];

export type ProblemCode =
  | "syntax" // the text is not valid YAML or JSON
  | "type" // a value has the wrong type or shape
  | "unknown-key" // a key the format does not define
  | "missing" // a required value is absent
  | "duplicate-id" // two items share an id
  | "unknown-ref" // a reference to an id that does not exist
  | "option-owner" // an option owned by no or by two decision makers
  | "statement" // a preference or feasibility expression that does not parse
  | "ranking" // an explicit ranking that misses or repeats a state
  | "infeasible" // an infeasible status quo, or no feasible state at all
  | "limit" // a model beyond what Concord can enumerate
  | "date" // a date that is not a calendar date, or dates out of order
  | "record" // an inconsistent negotiation record (a document superseding itself, a cycle, …)
  | "valuation" // settlement valuations that do not add up, a negative utility, a range that excludes its value
  | "format" // a file in a format Concord cannot read
  | "io" // the file could not be read or written
  | "usage" // a bad option value (a state number out of range, an unknown decision maker, a date that is not a date)
  | "internal"; // Concord produced something it cannot read back: a bug, reported instead of written

export interface Problem {
  readonly code: ProblemCode;
  /** What is wrong, phrased as "expected …, found …" where that helps. */
  readonly message: string;
  /** Where in the document; empty for the document as a whole. */
  readonly path: DocPath;
  readonly file?: string;
  /** 1-based line and column of the offending text, when known. */
  readonly line?: number;
  readonly column?: number;
  /** When the problem is at one character of a text value (say, in a statement): its 0-based offset there. */
  readonly offset?: number;
}

/** `model.decisionMakers[0].options[1].id` */
export function formatPath(path: DocPath): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(part)) out += out === "" ? part : `.${part}`;
    else out += `[${JSON.stringify(part)}]`;
  }
  return out;
}

/** `file.yaml:12:5: model.decisionMakers[0].id: duplicate id "x"` — one line per problem. */
export function formatProblem(p: Problem): string {
  const where = [p.file, p.line, p.column].filter((x) => x !== undefined).join(":");
  const path = formatPath(p.path);
  return [where, path, p.message].filter((x) => x !== "").join(": ");
}

/** Orders problems by position so reports read top to bottom. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0),
  );
}

export type Result<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(problems: readonly Problem[]): Result<T> => ({ ok: false, problems });

/** What went wrong, in one line: for a caller that reports a failed parse at its own place in a document. */
export function messageOf(r: { readonly ok: false; readonly problems: readonly Problem[] }): string {
  return r.problems.map((p) => p.message).join("; ");
}
