/** The report's mediation section in HTML: answers with what they rest on, the blocked ways drawn, the robustness chart with its table, the estimates. */
import { BASIC_CONCEPTS, CONCEPT_LABELS } from "@concord/core";
import { escapeXml as esc } from "./escape.js";
import { details, scrollTable, type HtmlKit } from "./html-kit.js";
import type { MediationSection, PriorityRef } from "./types.js";

export interface MediationPictures {
  /** The way to a named outcome, per answer id. */
  readonly paths?: Readonly<Record<string, string>>;
  readonly robustness?: string;
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;

export function mediationHtml(m: MediationSection, pictures: MediationPictures, kit: HtmlKit): string {
  const ref = (r: PriorityRef): string =>
    `<a href="#${esc(r.anchor)}">${esc(r.dm)}'s priority ${r.position}</a>: ${esc(r.words)}${r.estimate ? ' <span class="tag">estimate</span>' : ""}${kit.cites(r.cites)}`;
  const o: string[] = ['<section id="mediation"><h2>What would it take</h2>', "<p>The mediation analyses answer a mediator's questions in plain words; each answer lists the priorities it rests on, linked to the model and to their sources.</p>"];
  for (const a of m.answers) {
    o.push(`<section id="mediation-${esc(a.id)}"><h3>${esc(a.question)}</h3>`, ...a.answer.map((p) => `<p>${esc(p)}</p>`));
    if (a.rests.length > 0) o.push(`<p class="muted">This rests on:</p><ul>${a.rests.map((r) => `<li>${ref(r)}</li>`).join("")}</ul>`);
    const svg = pictures.paths?.[a.id];
    if (svg) o.push(`<figure><div class="scroll figure-scroll">${svg}</div><figcaption>The way from today with the fewest steps a party would rather not take (dashed, with the priority that makes it refuse), then the moves that follow.</figcaption></figure>`);
    o.push("</section>");
  }
  const r = m.robustness;
  if (r) {
    o.push('<section id="robustness"><h3>How sure: if the estimates are wrong</h3>');
    o.push(`<p>${esc(r.exhaustive ? `Every combination of the modeller's estimates (${r.variants}) was analysed.` : `${r.variants} of the ${r.distinct} combinations of the modeller's estimates were drawn at random (seed ${r.seed}) and analysed.`)} For each outcome, the share of them in which it holds, in each of the four senses of holding (see Terms).</p>`);
    if (pictures.robustness) o.push(`<figure><div class="scroll figure-scroll">${pictures.robustness}</div><figcaption>Bars: the share of combinations in which the outcome is stable; a ring: stable in the model as written.</figcaption></figure>`);
    const rows = r.rows.map((x) => `<tr><td class="num">${x.state}</td><td>${esc(x.label)}</td>${BASIC_CONCEPTS.map((c) => `<td class="num">${pct(x.share[c])}${x.asWritten[c] ? " ●" : ""}</td>`).join("")}</tr>`);
    o.push(details("The same numbers as a table", scrollTable(`<table><thead><tr><th>State</th><th>How it differs from today</th>${BASIC_CONCEPTS.map((c) => `<th>${CONCEPT_LABELS[c]}</th>`).join("")}</tr></thead><tbody>${rows.join("")}</tbody></table>`)));
    o.push("</section>");
  }
  if (m.estimates.length > 0) {
    o.push('<section id="depends-on"><h3>The estimates the answers depend on</h3>', "<p>Each of these is a modeller's judgement, not a stated position; if it is wrong, the answers named change.</p>");
    o.push(`<ul>${m.estimates.map((e) => `<li>${ref(e.ref)} — changes ${esc(e.changes.join("; "))}</li>`).join("")}</ul>`, "</section>");
  }
  o.push("</section>");
  return o.join("\n");
}
