/** Plain-words helpers shared by every surface that prints results (CLI, report, server). */

/** "1, 2, 3" or "1, 2, … (40 in all)" when there are more than `max`; "none" for an empty list. */
export function numberList(xs: readonly number[], max = 30): string {
  if (xs.length === 0) return "none";
  return xs.length <= max ? xs.join(", ") : `${xs.slice(0, max).join(", ")}, … (${xs.length} in all)`;
}
