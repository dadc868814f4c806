/**
 * So that one run reports every problem, not only the structural ones: when a
 * document fails the structure check, the meaning check still runs on the parts that
 * passed it. This file finds those parts — the document without the smallest part
 * around each structural problem (the key, or the list item when the key is
 * required) — and tells the meaning check what was left out (BuildContext): the ids
 * those parts defined, whether the states can still be worked out, and which parts
 * are damaged.
 */
import type { z } from "zod";
import { isOptionalAt } from "../format/issues.js";
import type { DocPath, Problem } from "../problems.js";
import type { BuildContext } from "./build.js";

export interface ValidParts {
  /** The document without the parts that failed the structure check. */
  readonly value: unknown;
  /** What the meaning check needs to know about the parts left out, with paths in `value`. */
  readonly context: BuildContext;
  /** A path in `value` → the same place in the original document. */
  readonly toOriginal: (path: DocPath) => DocPath;
}

/** The parts of `value` that pass `schema` (parts whose keys it makes optional may be left out), given the structural problems found in it. */
export function validParts(value: unknown, structural: readonly Problem[], schema: z.ZodType): ValidParts {
  const unknownKeys = new Set(structural.filter((p) => p.code === "unknown-key").map((p) => JSON.stringify(p.path)));
  const droppable = (path: DocPath): boolean => unknownKeys.has(JSON.stringify(path)) || isOptionalAt(schema, path);
  // Decide what to leave out, in original coordinates.
  const removeItems = new Map<string, Set<number>>(); // array path → indices
  const removeKeys = new Map<string, Set<string>>(); // object path → keys
  const removed: DocPath[] = [];
  const broken = new Set<string>();
  for (const { path } of structural) {
    for (let k = path.length - 1; k >= 0; k--) {
      const part = path[k]!;
      if (typeof part === "number") {
        const arrayPath = JSON.stringify(path.slice(0, k));
        if (!removeItems.has(arrayPath)) removeItems.set(arrayPath, new Set());
        removeItems.get(arrayPath)!.add(part);
        removed.push(path.slice(0, k + 1));
        collectIds(get(value, path.slice(0, k + 1)), broken);
        break;
      }
      if (droppable(path.slice(0, k + 1))) {
        const at = JSON.stringify(path.slice(0, k));
        if (!removeKeys.has(at)) removeKeys.set(at, new Set());
        removeKeys.get(at)!.add(part);
        // An unknown key holds nothing the format reads.
        if (!unknownKeys.has(JSON.stringify(path.slice(0, k + 1)))) removed.push(path.slice(0, k + 1));
        break;
      }
    }
  }
  const clone = (v: unknown, path: DocPath): unknown => {
    if (Array.isArray(v)) {
      const drop = removeItems.get(JSON.stringify(path));
      return v.flatMap((item, i) => (drop?.has(i) ? [] : [clone(item, [...path, i])]));
    }
    if (v !== null && typeof v === "object") {
      const drop = removeKeys.get(JSON.stringify(path));
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) if (!drop?.has(k)) out[k] = clone(x, [...path, k]);
      return out;
    }
    return v;
  };
  const toOriginal = (path: DocPath): DocPath => {
    const out: (string | number)[] = [];
    for (const part of path) {
      if (typeof part === "number") {
        const drop = removeItems.get(JSON.stringify(out));
        let i = part;
        if (drop) {
          // The part-th surviving index.
          let seen = -1;
          for (i = 0; ; i++) if (!drop.has(i) && ++seen === part) break;
        }
        out.push(i);
      } else out.push(part);
    }
    return out;
  };
  const isPrefix = (prefix: DocPath, path: DocPath): boolean => prefix.length <= path.length && prefix.every((x, i) => x === path[i]);
  const context: BuildContext = {
    broken,
    statesSound: !removed.some(shapesStates),
    // A part is damaged when one of its own keys, or anything in one of its items, failed the structure check.
    damaged: (path) => {
      const at = toOriginal(path);
      return structural.some((s) => isPrefix(at, s.path) && (s.path.length === at.length + 1 || typeof s.path[at.length] === "number"));
    },
  };
  return { value: clone(value, []), context, toOriginal };
}

/** Whether leaving out the part at `path` changes the states: the decision makers, their options, feasibility or the status quo. */
function shapesStates(path: DocPath): boolean {
  if (path[0] !== "model" || path.includes("evidence") || path.includes("note")) return false;
  if (path.length === 1 || path[1] === "feasibility" || path[1] === "statusQuo") return true;
  if (path[1] !== "decisionMakers") return false;
  // The list, a whole decision maker or its id; its options list, an option, an option's id or its alternatives.
  if (path.length <= 3 || path[3] === "id") return true;
  return path[3] === "options" && (path.length <= 5 || path[5] === "id" || path[5] === "alternatives");
}

function get(v: unknown, path: DocPath): unknown {
  let x = v;
  for (const p of path) x = x !== null && typeof x === "object" ? (x as Record<string | number, unknown>)[p] : undefined;
  return x;
}

/** Every id defined in a part left out: references to them are not reported as unknown. */
function collectIds(v: unknown, into: Set<string>): void {
  if (Array.isArray(v)) v.forEach((x) => collectIds(x, into));
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "id" && typeof x === "string") into.add(x);
      else collectIds(x, into);
    }
  }
}
