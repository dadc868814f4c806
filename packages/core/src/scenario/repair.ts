/**
 * So that one run reports every problem, not only the structural ones: when a
 * document fails the schema, we drop the smallest parts that hold the errors (the
 * list item, or the key), check the rest for meaning, and map the paths of those
 * further problems back onto the original document.
 */
import type { DocPath } from "../problems.js";

export interface Repair {
  /** The document without the broken parts. */
  readonly value: unknown;
  /** A path in the repaired document → the same place in the original. */
  readonly toOriginal: (path: DocPath) => DocPath;
  /** Ids defined inside the removed parts: references to them are not reported again. */
  readonly removedIds: ReadonlySet<string>;
}

export function repairDocument(value: unknown, issuePaths: readonly DocPath[], optionalAt: (path: DocPath) => boolean): Repair {
  // Decide what to remove, in original coordinates.
  const removeItems = new Map<string, Set<number>>(); // array path → indices
  const removeKeys = new Map<string, Set<string>>(); // object path → keys
  const removedIds = new Set<string>();
  for (const path of issuePaths) {
    // Drop the smallest enclosing part that may go: an optional key, or a list item.
    for (let k = path.length - 1; k >= 0; k--) {
      const part = path[k]!;
      if (typeof part === "number") {
        const arrayPath = JSON.stringify(path.slice(0, k));
        if (!removeItems.has(arrayPath)) removeItems.set(arrayPath, new Set());
        removeItems.get(arrayPath)!.add(part);
        collectIds(get(value, path.slice(0, k + 1)), removedIds);
        break;
      }
      if (optionalAt(path.slice(0, k + 1))) {
        const at = JSON.stringify(path.slice(0, k));
        if (!removeKeys.has(at)) removeKeys.set(at, new Set());
        removeKeys.get(at)!.add(part);
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
  return { value: clone(value, []), toOriginal, removedIds };
}

function get(v: unknown, path: DocPath): unknown {
  let x = v;
  for (const p of path) x = x !== null && typeof x === "object" ? (x as Record<string | number, unknown>)[p] : undefined;
  return x;
}

function collectIds(v: unknown, into: Set<string>): void {
  if (Array.isArray(v)) v.forEach((x) => collectIds(x, into));
  else if (v !== null && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) {
      if (k === "id" && typeof x === "string") into.add(x);
      else collectIds(x, into);
    }
  }
}
