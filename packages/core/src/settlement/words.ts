/** Small helpers for the settlement explanations' plain words. */

/** "A", "A and B", "A, B and C". */
export function joinWords(items: readonly string[], last = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${last} ${items[items.length - 1]}`;
}

/** A number for people: at most two decimals, no trailing zeros ("56.67", "50", "-3.5"). */
export function num(x: number): string {
  const r = Math.round(x * 100) / 100;
  return `${Object.is(r, -0) ? 0 : r}`;
}

/** A share as a percentage with at most one decimal ("16.7%", "50%"). */
export function percent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}
