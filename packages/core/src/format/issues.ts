/**
 * Zod's issues, rewritten as Concord problems: "expected …, found …", unknown keys
 * with the keys that are allowed, and for unions the branch the author most likely
 * meant.
 */
import type { z } from "zod";
import type { DocPath, Problem } from "../problems.js";

type Issue = z.core.$ZodIssue;

export function describeValue(v: unknown): string {
  if (v === undefined) return "nothing";
  if (v === null) return "no value (null)";
  if (Array.isArray(v)) return "a list";
  if (typeof v === "object") return "a mapping";
  if (typeof v === "string") return `text "${v.length > 40 ? v.slice(0, 37) + "…" : v}"`;
  if (typeof v === "number") return `the number ${v}`;
  if (typeof v === "boolean") return `${v}`;
  return typeof v;
}

const TYPE_WORDS: Record<string, string> = {
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
  record: "a mapping",
};

export function issuesToProblems(issues: readonly Issue[], base: DocPath = []): Problem[] {
  return issues.flatMap((issue) => issueToProblems(issue, base));
}

function issueToProblems(issue: Issue, base: DocPath): Problem[] {
  const path: DocPath = [...base, ...(issue.path as (string | number)[])];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "invalid_type": {
      const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
      if (input === undefined) return [{ code: "missing", path, message: `missing required key "${String(path[path.length - 1])}"; expected ${expected}` }];
      return [{ code: "type", path, message: `expected ${expected}, found ${describeValue(input)}` }];
    }
    case "unrecognized_keys":
      return issue.keys.map((key) => ({ code: "unknown-key" as const, path: [...path, key], message: `unknown key "${key}"` }));
    case "invalid_union": {
      const branches = issue.errors;
      if (branches.length === 0) return [{ code: "type", path, message: "value does not match any allowed form" }];
      // Branches that fail at their own root are the wrong shape entirely.
      const rootFailures = branches.map((b) => b.filter(failsAtRoot).length);
      if (rootFailures.every((n) => n > 0)) {
        const expected = [...new Set(branches.flatMap((b) => b.flatMap(expectedAtRoot)))];
        return [{ code: "type", path, message: `expected ${expected.join(" or ")}, found ${describeValue(input)}` }];
      }
      // Otherwise follow the branch that got furthest: fewest root failures, then fewest issues.
      let best = 0;
      for (let b = 1; b < branches.length; b++) {
        if (rootFailures[b]! < rootFailures[best]! || (rootFailures[b] === rootFailures[best] && branches[b]!.length < branches[best]!.length)) best = b;
      }
      return issuesToProblems(branches[best]!, path);
    }
    case "invalid_value": {
      if (input === undefined) {
        const expected = issue.values.length === 1 ? JSON.stringify(issue.values[0]) : `one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
        return [{ code: "missing", path, message: `missing required key "${String(path[path.length - 1])}"; expected ${expected}` }];
      }
      const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
      return [{ code: "type", path, message: `expected ${issue.values.length === 1 ? values : `one of ${values}`}, found ${describeValue(input)}` }];
    }
    case "too_small": {
      const bound = issue.inclusive === false ? ">" : "≥";
      const numeric = issue.origin === "number" || issue.origin === "int";
      return [{ code: "type", path, message: `expected ${numeric ? `a number ${bound} ${issue.minimum}` : `at least ${issue.minimum} item(s)`}, found ${describeValue(input)}` }];
    }
    case "too_big": {
      const bound = issue.inclusive === false ? "<" : "≤";
      // Whole numbers beyond 2^53 lose their last digits: no index or count can be that large.
      if (issue.origin === "int" && Number(issue.maximum) === Number.MAX_SAFE_INTEGER) {
        return [{ code: "type", path, message: `expected a whole number of at most 15 digits, found ${describeValue(input)}, too large to be an index or a count` }];
      }
      const numeric = issue.origin === "number" || issue.origin === "int";
      return [{ code: "type", path, message: `expected ${numeric ? `a number ${bound} ${issue.maximum}` : `at most ${issue.maximum} item(s)`}, found ${describeValue(input)}` }];
    }
    case "invalid_format":
    case "custom":
    default: {
      const msg = issue.message.replace(/^Invalid input: /, "");
      return [{ code: "type", path, message: input === undefined ? msg : `${msg}, found ${describeValue(input)}` }];
    }
  }
}

/** Whether an issue says the value itself (not something inside it) has the wrong shape. */
function failsAtRoot(i: Issue): boolean {
  if (i.path.length !== 0) return false;
  if (i.code === "invalid_type") return true;
  // A nested union that fails at the root in every branch, e.g. "a number or a Y/N text".
  return i.code === "invalid_union" && i.errors.length > 0 && i.errors.every((b) => b.some(failsAtRoot));
}

/** The shapes a root failure expected, in words. */
function expectedAtRoot(i: Issue): string[] {
  if (i.path.length !== 0) return [];
  if (i.code === "invalid_type") return [TYPE_WORDS[i.expected] ?? i.expected];
  if (i.code === "invalid_union") return i.errors.flatMap((b) => b.flatMap(expectedAtRoot));
  return [];
}

/** Zod schema internals we walk to list the keys allowed at a path (for "unknown key" hints). */
interface Def {
  type: string;
  shape?: Record<string, { _zod: { def: Def } }>;
  innerType?: { _zod: { def: Def } };
  element?: { _zod: { def: Def } };
  options?: { _zod: { def: Def } }[];
  valueType?: { _zod: { def: Def } };
  in?: { _zod: { def: Def } };
}

/** The keys an object at `path` may have, as far as the schema says. */
export function allowedKeys(schema: z.ZodType, path: DocPath): string[] {
  const keys = new Set<string>();
  const walk = (def: Def, rest: DocPath): void => {
    switch (def.type) {
      case "optional":
      case "nullable":
      case "default":
        if (def.innerType) walk(def.innerType._zod.def, rest);
        return;
      case "pipe":
        if (def.in) walk(def.in._zod.def, rest);
        return;
      case "union":
        for (const o of def.options ?? []) walk(o._zod.def, rest);
        return;
      case "array":
        if (rest.length > 0 && typeof rest[0] === "number" && def.element) walk(def.element._zod.def, rest.slice(1));
        return;
      case "record":
        if (rest.length > 0 && def.valueType) walk(def.valueType._zod.def, rest.slice(1));
        return;
      case "object":
        if (rest.length === 0) Object.keys(def.shape ?? {}).forEach((k) => keys.add(k));
        else if (def.shape && typeof rest[0] === "string" && def.shape[rest[0]]) walk(def.shape[rest[0]]!._zod.def, rest.slice(1));
        return;
    }
  };
  walk((schema as unknown as { _zod: { def: Def } })._zod.def, path);
  return [...keys];
}

/** Whether the value at `path` may be left out (its key is optional in every matching schema branch). */
export function isOptionalAt(schema: z.ZodType, path: DocPath): boolean {
  if (path.length === 0) return false;
  let optional = false;
  let found = false;
  const walk = (def: Def, rest: DocPath, wrappedOptional: boolean): void => {
    switch (def.type) {
      case "optional":
      case "default":
        if (def.innerType) walk(def.innerType._zod.def, rest, true);
        return;
      case "nullable":
        if (def.innerType) walk(def.innerType._zod.def, rest, wrappedOptional);
        return;
      case "pipe":
        if (def.in) walk(def.in._zod.def, rest, wrappedOptional);
        return;
      case "union":
        for (const o of def.options ?? []) walk(o._zod.def, rest, wrappedOptional);
        return;
      default:
        if (rest.length === 0) {
          found = true;
          optional = optional || wrappedOptional;
          return;
        }
        if (def.type === "array" && typeof rest[0] === "number" && def.element) walk(def.element._zod.def, rest.slice(1), false);
        else if (def.type === "record" && def.valueType) walk(def.valueType._zod.def, rest.slice(1), true);
        else if (def.type === "object" && def.shape && typeof rest[0] === "string" && def.shape[rest[0]]) {
          walk(def.shape[rest[0]]!._zod.def, rest.slice(1), false);
        }
    }
  };
  walk((schema as unknown as { _zod: { def: Def } })._zod.def, path, false);
  return found && optional;
}
