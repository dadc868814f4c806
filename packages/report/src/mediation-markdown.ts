/** The report's mediation section in Markdown, with the pictures as separate SVG files. */
import { BASIC_CONCEPTS, CONCEPT_LABELS } from "@concord/core";
import { escapeMarkdown as md } from "./escape.js";
import type { Cite, MediationSection, PriorityRef } from "./types.js";

export interface MediationFiles {
  readonly paths?: Readonly<Record<string, string>>;
  readonly robustness?: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function mediationMarkdown(m: MediationSection, files: MediationFiles, cites: (list: readonly Cite[]) => string): string[] {
  const ref = (r: PriorityRef): string => `[${md(r.dm)}'s priority ${r.position}](#${r.anchor}): ${md(r.words)}${r.estimate ? " *(estimate)*" : ""}${cites(r.cites)}`;
  const o: string[] = ["## What would it take", ""];
  for (const a of m.answers) {
    o.push(`### ${md(a.question)}`, "", ...a.answer.flatMap((p) => [md(p), ""]));
    if (a.rests.length > 0) o.push("This rests on:", "", ...a.rests.map((r) => `- ${ref(r)}`), "");
    const file = files.paths?.[a.id];
    if (file) o.push(`![The way from today, with the steps a party would rather not take dashed](${file})`, "");
  }
  const r = m.robustness;
  if (r) {
    o.push("### How sure: if the estimates are wrong", "");
    o.push(md(r.exhaustive ? `Every combination of the modeller's estimates (${r.variants}) was analysed.` : `${r.variants} of the ${r.distinct} combinations of the modeller's estimates were drawn at random (seed ${r.seed}) and analysed.`), "");
    if (files.robustness) o.push(`![How often each outcome is stable over the combinations](${files.robustness})`, "");
    o.push(`| State | How it differs from today | ${BASIC_CONCEPTS.map((c) => CONCEPT_LABELS[c]).join(" | ")} |`, `| --- | --- | ${BASIC_CONCEPTS.map(() => "---").join(" | ")} |`);
    for (const x of r.rows) o.push(`| ${x.state} | ${md(x.label)} | ${BASIC_CONCEPTS.map((c) => `${pct(x.share[c])}${x.asWritten[c] ? " ●" : ""}`).join(" | ")} |`);
    o.push("", "● stable in the model as written.", "");
  }
  if (m.estimates.length > 0) {
    o.push("### The estimates the answers depend on", "", ...m.estimates.map((e) => `- ${ref(e.ref)} — changes ${md(e.changes.join("; "))}`), "");
  }
  return o;
}
