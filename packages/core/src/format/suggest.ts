/**
 * "Did you mean …?" for misspelt keys and ids: the candidate closest to a name,
 * if it is close enough to be the likely intent.
 */

/** The candidate equal to `name` but for case, else the nearest within a third of its length (at least 1 edit; none for 1–2 letters). */
export function closest(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const same = list.find((c) => c.toLowerCase() === name.toLowerCase());
  if (same !== undefined) return same;
  const limit = name.length <= 2 ? 0 : Math.max(1, Math.floor(name.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of list) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase(), limit);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}

/**
 * Edits (insert, delete, replace, swap two neighbours) from a to b, so that
 * "lable" is one edit from "label"; anything above `limit` is reported as limit + 1.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return Math.min(d[a.length]![b.length]!, limit + 1);
}

/** "unknown source "x"; known: a, b, c" — or a close match when there is one. */
export function unknown(what: string, id: string, known: ReadonlySet<string>): string {
  const list = [...known];
  const near = closest(id, list);
  if (near !== undefined) return `unknown ${what} "${id}"; did you mean "${near}"?`;
  const shown = list.slice(0, 8).map((k) => `"${k}"`).join(", ");
  return list.length === 0 ? `unknown ${what} "${id}": none is defined` : `unknown ${what} "${id}"; expected one of ${shown}${list.length > 8 ? ", …" : ""}`;
}
