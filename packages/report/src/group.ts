import type { BasicConcept } from "@concord/core";
import type { DmExplanation } from "./types.js";

/**
 * Explanations that say the same under several concepts, said once: explain()'s text
 * without its first line (the verdict, which names the concept) is often identical,
 * e.g. when the decision maker has no improvement at all.
 */
export function groupExplanations(list: readonly DmExplanation[]): { concepts: BasicConcept[]; stable: boolean; body: string }[] {
  const out: { concepts: BasicConcept[]; stable: boolean; body: string }[] = [];
  for (const x of list) {
    const body = x.text.split("\n").slice(1).join("\n");
    const same = out.find((g) => g.stable === x.stable && g.body === body);
    if (same) same.concepts.push(x.concept);
    else out.push({ concepts: [x.concept], stable: x.stable, body });
  }
  return out;
}
