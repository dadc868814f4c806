/**
 * The settlement section written out: for the brief, the plain-words list of packages
 * both sides could accept; for the report, the frontier chart and a table with the
 * states and concepts for specialists. HTML and Markdown; every text escaped.
 */
import { CONCEPT_LABELS } from "@concord/core";
import { escapeMarkdown as md, escapeXml as esc } from "./escape.js";
import { details, scrollTable } from "./html-kit.js";
import { gainWords, packageSentence, type SettlementSection } from "./settlement.js";

export const MORE = (n: number): string => `… and ${n} more package${n === 1 ? "" : "s"} both sides could accept (the full report lists them).`;

export function settlementBriefHtml(s: SettlementSection): string {
  const items = s.accepted.map((p) => `<li>${esc(packageSentence(s, p))}</li>`);
  if (s.more) items.push(`<li>${esc(MORE(s.more))}</li>`);
  return [`<h3 id="settlement-brief">${esc(s.title)}</h3>`, `<p>${esc(s.summary)}</p>`, items.length ? `<ul class="packages">${items.join("")}</ul>` : ""].join("");
}

export function settlementBriefMarkdown(s: SettlementSection, h: 2 | 3): string[] {
  const o = [`${"#".repeat(h)} ${s.title}`, "", md(s.summary), ""];
  for (const p of s.accepted) o.push(`- ${md(packageSentence(s, p))}`);
  if (s.more) o.push(`- ${md(MORE(s.more))}`);
  if (s.accepted.length || s.more) o.push("");
  return o;
}

const RULED_OUT = "Ruled out by the model (not candidates: they would be on the frontier, but the model does not allow them)";
const ruledOutWords = (s: SettlementSection, x: SettlementSection["ruledOut"][number]): string => `${x.words} (${gainWords(s.parties, x.gains)}). ${x.reason}`;

const CAPTION = "Each dot is a package no other package beats for both sides, placed by what each side gains over no agreement (the dashed cross). Filled: both gain and it would hold; hollow: both gain but someone would move away; grey: one side loses.";

function rows(s: SettlementSection): string[][] {
  return s.frontier.map((p) => [
    p.words,
    ...p.gains.map((g) => String(+g.toFixed(2))),
    p.acceptable ? "yes" : "no",
    p.state === null ? "–" : String(p.state),
    p.state === null ? "–" : p.stableUnder.length ? p.stableUnder.map((c) => CONCEPT_LABELS[c]).join(", ") : "none",
  ]);
}

export function settlementReportHtml(s: SettlementSection, chart: string | undefined): string {
  const head = ["Package", ...s.parties.map((p) => `${p}'s gain`), "Both gain", "State", "Equilibrium under"];
  const table = `<table><thead><tr>${head.map((x) => `<th scope="col">${esc(x)}</th>`).join("")}</tr></thead><tbody>${rows(s)
    .map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`)
    .join("")}</tbody></table>`;
  return [
    `<section id="settlement"><h2>${esc(s.title)}</h2>`,
    `<p>${esc(s.summary)}</p>`,
    chart ? `<figure class="frontier"><div class="scroll figure-scroll">${chart}</div><figcaption>${esc(CAPTION)}</figcaption></figure>` : "",
    details(`Every package on the frontier (${s.frontier.length}), with its state and the concepts it is an equilibrium under`, scrollTable(table)),
    s.ruledOut.length ? `<p>${esc(RULED_OUT)}:</p><ul>${s.ruledOut.map((x) => `<li>${esc(ruledOutWords(s, x))}</li>`).join("")}</ul>` : "",
    details("The numbers", s.details.map((d) => `<p>${esc(d)}</p>`).join("")),
    "</section>",
  ].join("\n");
}

export function settlementReportMarkdown(s: SettlementSection, chartFile: string | undefined): string[] {
  const o = [`## ${s.title}`, "", md(s.summary), ""];
  if (chartFile !== undefined) o.push(`![What each side gains in the packages on the frontier](${chartFile})`, "", `*${CAPTION}*`, "");
  const head = ["Package", ...s.parties.map((p) => `${p}'s gain`), "Both gain", "State", "Equilibrium under"];
  o.push(`| ${head.map(md).join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows(s).map((r) => `| ${r.map(md).join(" | ")} |`), "");
  if (s.ruledOut.length) o.push(`${md(RULED_OUT)}:`, "", ...s.ruledOut.map((x) => `- ${md(ruledOutWords(s, x))}`), "");
  for (const d of s.details) o.push(md(d), "");
  return o;
}
