/**
 * The report as one self-contained HTML page: the brief on top, then the process
 * (timeline, documents, statements), then the model, then the analysis for
 * specialists (concepts, state numbers, tables, glossary), then the sources. Long
 * lists are summarised with a count and open on demand (<details>). Inline CSS and
 * inline SVG, no scripts, fonts or images from elsewhere; the only outside links are
 * the sources' own addresses. Every text from the scenario is escaped.
 */
import { CONCEPT_LABELS, numberList } from "@concord/core";
import { choicesWords } from "./analysis-part.js";
import { briefBody } from "./brief/html.js";
import { escapeXml as esc } from "./escape.js";
import { groupExplanations } from "./group.js";
import { mediationHtml, type MediationPictures } from "./mediation-html.js";
import { details, htmlKit, paragraphs, scrollTable, type HtmlKit } from "./html-kit.js";
import { asOfWords, commitmentWords, INTRO_EQUILIBRIA, INTRO_GRAPH, INTRO_MODEL, kindText, ONE_WAY_WORDS, penWords, ROLE_WORDS, sourceMeta, whenText } from "./phrases.js";
import { priorityAnchor } from "./priorities.js";
import { settlementReportHtml } from "./settlement-render.js";
import { REPORT_CSS } from "./style.js";
import type { AnalysisSection, DecisionMakerEntry, MoveGraph, ReportData, StateChoices, TimelineItem } from "./types.js";
import { capitalise, countWords, dateWords, daysWords, joinWords, moveWords, numberWords, plural, relativeWords, shortLabel, unreachableWords } from "./words.js";

/** How many groups of equilibria the report shows before "… more groups". */
const GROUPS_SHOWN = 4;
import { withContentSecurityPolicy } from "./csp.js";

/** Pictures drawn for the report (SVG text), when there is something to draw. */
export interface Pictures {
  readonly timeline?: string;
  readonly moves?: string;
  readonly paths?: string;
  readonly frontier?: string;
  readonly mediation?: MediationPictures;
}

const INACTIVE = new Set(["cancelled", "declined", "postponed"]);

export function renderHtml(data: ReportData, pictures: Pictures = {}): string {
  const kit = htmlKit(data.sources, "");
  const out: string[] = [];
  out.push("<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(data.title)} — Concord report</title>`, `<style>${REPORT_CSS}</style>`, "</head>", "<body>", "<main>");
  out.push(`<header><h1>${esc(data.title)}</h1>`);
  const meta = [data.brief.asOfWords !== undefined ? `as of ${data.brief.asOfWords}` : "", data.generated !== undefined ? `generated ${data.generated}` : ""].filter((x) => x !== "");
  out.push(`<p class="meta">A Concord report${meta.length ? ` · ${esc(meta.join(" · "))}` : ""}</p></header>`);
  out.push(toc(data));
  out.push('<section id="brief" class="brief"><h2>In brief</h2>', briefBody(data.brief, { ...(pictures.paths !== undefined ? { paths: pictures.paths } : {}) }, kit), "</section>");
  out.push(processHtml(data, pictures, kit));
  if (data.model) out.push(modelHtml(data, kit));
  if (data.mediation) out.push(mediationHtml(data.mediation, pictures.mediation ?? {}, kit));
  if (data.analysis) out.push(analysisHtml(data.analysis, data.moveGraph, pictures.moves));
  if (data.settlement) out.push(settlementReportHtml(data.settlement, pictures.frontier));
  out.push(sourcesHtml(data));
  out.push(`<footer><p>Made with Concord from the scenario “${esc(data.id)}”. The analysis follows the Graph Model for Conflict Resolution; states are numbered as in gmcr-py.</p></footer>`);
  out.push("</main>", "</body>", "</html>", "");
  return withContentSecurityPolicy(out.join("\n"));
}

function toc(data: ReportData): string {
  const b = data.brief;
  const brief: [string, string][] = [["bottom-line", "Bottom line"], ["next", "What to expect next"]];
  if (b.holdings) brief.push(["holdings", "Who holds what"]);
  if (b.settlement) brief.push(["settlement-brief", "Packages both sides could accept"]);
  brief.push(["waiting-now", "Who is waiting on whom"], ["deadlines-now", "Deadlines"]);
  if (b.since) brief.push(["since", `What changed since ${b.since.since}`]);
  brief.push(["method", "How this was worked out"]);
  const process: [string, string][] = [["question", "The question"], ["actors", "Who is involved"], ["timeline", "What happened"]];
  if (data.record) process.push(["waiting", "Waiting, pens and commitments"]);
  process.push(["contradictions", "Where sources disagree"]);
  const parts: [string, string, [string, string][]][] = [["brief", "In brief", brief], ["process", "The process", process]];
  if (data.model) parts.push(["model", "The model", [["decision-makers", "Who decides what"], ["feasibility", "What cannot happen together"], ["today", "Today's situation"], ...(data.model.targets.length ? [["targets", "The named outcomes"] as [string, string]] : []), ["estimates", "Which judgements are estimates"]]]);
  if (data.mediation) parts.push(["mediation", "What would it take", data.mediation.answers.map((a): [string, string] => [`mediation-${a.id}`, a.question])]);
  if (data.analysis) parts.push(["analysis", "The analysis in detail", [["glossary", "Terms"], ["equilibria", "Stable outcomes"], ["status-quo", "The status quo"]]]);
  if (data.settlement) parts.push(["settlement", "Treaty packages", []]);
  parts.push(["sources", "Sources", []]);
  const list = (items: readonly [string, string][]): string => items.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("");
  return `<nav class="toc" aria-label="Contents"><ol>${parts.map(([id, t, sub]) => `<li><a href="#${id}"><strong>${esc(t)}</strong></a>${sub.length ? `<ul>${list(sub)}</ul>` : ""}</li>`).join("")}</ol></nav>`;
}

function processHtml(data: ReportData, pictures: Pictures, kit: HtmlKit): string {
  const o: string[] = ['<section id="process"><h2>The process</h2>'];
  o.push('<section id="question"><h3>The question</h3>', paragraphs(data.question, "question"));
  if (data.background !== undefined) o.push(paragraphs(data.background));
  o.push("</section>");

  o.push('<section id="actors"><h3>Who is involved</h3>');
  if (data.actors.length === 0) o.push("<p>The scenario names no actors.</p>");
  else {
    const inModel = data.actors.filter((a) => a.decisionMakers.length > 0).map((a) => a.name);
    o.push(`<p>${esc(countWords(data.actors.length, "actor"))} in the record${inModel.length ? `; ${esc(joinWords(inModel))} ${inModel.length === 1 ? "is a decision maker" : "are decision makers"} in the model` : ""}.</p>`);
    const rows = data.actors.map((a) => {
      const roles = a.roles.map((r) => ROLE_WORDS[r] ?? r).join(", ");
      const aka = a.aliases.length ? ` <span class="muted">(also ${esc(a.aliases.join(", "))})</span>` : "";
      return `<tr><td>${esc(a.name)}${aka}</td><td>${esc(a.kind ?? "")}</td><td>${esc(roles)}</td><td>${esc(a.memberOf.join(", "))}</td><td>${esc(a.decisionMakers.join(", "))}</td><td>${esc(a.note ?? "")}</td></tr>`;
    });
    o.push(details(`All ${esc(countWords(data.actors.length, "actor"))}`, scrollTable(`<table><thead><tr><th>Actor</th><th>Kind</th><th>Role</th><th>Part of</th><th>In the model as</th><th>Note</th></tr></thead><tbody>${rows.join("")}</tbody></table>`)));
  }
  o.push("</section>");

  o.push('<section id="timeline"><h3>What happened</h3>');
  if (data.timeline.length === 0) o.push("<p>The scenario has no record of events, documents or statements.</p>");
  else {
    if (pictures.timeline) {
      o.push(
        `<figure><div class="scroll figure-scroll">${pictures.timeline}</div><figcaption>The record on a time axis, one lane per negotiating track. Busy months get more room than quiet ones; a ≈ marks a quiet stretch left out, and shaded bands are alternate years. A dot is a day, a bar an entry known only to the month or lasting several days; hollow, dashed marks with struck-through labels were cancelled, declined or postponed; red diamonds are deadlines. Every entry is listed with its sources below.</figcaption></figure>`,
      );
    }
    for (const [type, noun, many] of [["event", "event", "events"], ["document", "document", "documents"], ["statement", "statement", "statements"]] as const) {
      const items = data.timeline.filter((t) => t.type === type);
      if (items.length === 0) continue;
      const summary = `${type === "statement" ? "Who said what" : type === "event" ? "Events" : "Documents"}: ${esc(countWords(items.length, noun, many))}, with quotes and sources`;
      o.push(details(summary, scrollTable(timelineTable(items, kit)), `${type}s`));
    }
  }
  o.push("</section>");

  if (data.record) {
    const r = data.record;
    o.push('<section id="waiting"><h3>Waiting, pens and commitments</h3>', `<p>${esc(asOfWords(r))}</p>`);
    if (r.waiting.length === 0) o.push("<p>Nothing handed over is waiting for an answer.</p>");
    else {
      const rows = r.waiting.map((w) => `<tr><td class="date">${esc(dateWords(w.since))}</td><td class="num">${esc(daysWords(w.minDays, w.maxDays))}</td><td>${esc(w.from.join(", "))}</td><td>${esc(w.awaiting.join(", "))}</td><td>${esc(w.title)} <span class="muted">(${esc(w.kind)})</span>${kit.cites(w.cites)}</td></tr>`);
      o.push(scrollTable(`<table><thead><tr><th>Since</th><th>Waiting</th><th>From</th><th>Awaiting an answer from</th><th>What</th></tr></thead><tbody>${rows.join("")}</tbody></table>`));
    }
    if (r.pens.length > 0) o.push(details(`Who holds the pen on each of ${esc(countWords(r.pens.length, "track"))}`, `<ul>${r.pens.map((p) => `<li><strong>${esc(p.track)}</strong>: ${esc(penWords(p))}</li>`).join("")}</ul>`));
    if (r.commitments.length === 0 && r.deadlines.length === 0) o.push("<p>The record has no commitments and no deadlines.</p>");
    if (r.commitments.length > 0) {
      const items = r.commitments.map((c) => {
        const doc = c.document !== undefined ? ` Set by: ${esc(c.document)}${c.article !== undefined ? `, article ${esc(c.article)}` : ""}.` : "";
        return `<li id="rec-${esc(c.id)}"><strong>${esc(c.what)}</strong>${c.alleged ? ' <span class="tag">alleged</span>' : ""} — binds ${esc(joinWords([...c.bound]))}.${doc} ${esc(commitmentWords(c))}${kit.cites(c.cites)}${kit.quotes(c.cites)}${kit.note(c.note)}</li>`;
      });
      const running = r.commitments.filter((c) => c.state === "running").length;
      o.push(details(`Commitments: ${esc(countWords(r.commitments.length, "commitment"))}, ${running === r.commitments.length ? "all in force" : `${esc(numberWords(running))} in force`}`, `<ul>${items.join("")}</ul>`, "commitments"));
    }
    if (r.deadlines.length > 0) {
      o.push(`<h4>Deadline events</h4><ul>${r.deadlines.map((d) => `<li><strong>${esc(d.title)}</strong> — ${esc(dateWords(d.date))} (${esc(relativeWords(0, d.daysLeft))})${d.participants.length ? `, ${esc(d.participants.join(", "))}` : ""}${kit.cites(d.cites)}</li>`).join("")}</ul>`);
    }
    o.push("</section>");
  }

  o.push('<section id="contradictions"><h3>Where sources disagree</h3>');
  if (data.contradictions.length === 0) o.push("<p>No contradictions between statements were found in the record.</p>");
  else {
    const items = data.contradictions.map((c) => {
      const side = (s: (typeof c.sides)[number]): string =>
        `${esc(s.speaker)}${s.reportedBy !== undefined ? ` (as reported by ${esc(s.reportedBy)})` : ""}, ${esc(dateWords(s.date))}: <q>${esc(s.quote)}</q>${s.value !== undefined ? ` — read as <strong>${esc(s.value)}</strong>${s.claimNote !== undefined ? ` (${esc(s.claimNote)})` : ""}` : ""}${kit.cites(s.cites)}`;
      return `<li>${c.fact !== undefined ? `<strong>${esc(c.fact)}</strong>${c.approximate ? " (one value is approximate)" : ""}: ` : ""}${side(c.sides[0])}; <em>but</em> ${side(c.sides[1])}</li>`;
    });
    o.push(details(`${esc(capitalise(countWords(data.contradictions.length, "disagreement")))} between statements`, `<ul>${items.join("")}</ul>`));
  }
  o.push("</section>");
  o.push("</section>");
  return o.join("\n");
}

function timelineTable(items: readonly TimelineItem[], kit: HtmlKit): string {
  const rows = items.map((it) => {
    const inactive = it.status !== undefined && INACTIVE.has(it.status);
    const title = it.type === "statement" ? `<span class="quote">“${esc(it.title)}”</span>` : `<span${inactive ? ' class="inactive-title"' : ""}>${esc(it.title)}</span>`;
    const where = [it.place, it.track !== undefined ? `track: ${it.track}` : undefined].filter((x) => x !== undefined).join("; ");
    return `<tr id="rec-${esc(it.id)}"><td class="date">${esc(whenText(it))}</td><td>${title} <span class="muted">(${esc(kindText(it))}${where ? `; ${esc(where)}` : ""})</span>${kit.quotes(it.cites)}${kit.note(it.note)}</td><td>${esc(it.actors.join(", "))}</td><td>${kit.cites(it.cites)}</td></tr>`;
  });
  return `<table><thead><tr><th>Date</th><th>What</th><th>Who</th><th>Sources</th></tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function modelHtml(data: ReportData, kit: HtmlKit): string {
  const m = data.model!;
  const o: string[] = ['<section id="model"><h2>The model</h2>', `<p>${esc(INTRO_MODEL)}</p>`];
  o.push(`<p>${esc(capitalise(countWords(m.decisionMakers.length, "decision maker")))}, ${esc(countWords(m.optionCount, "option"))}, ${esc(countWords(m.stateCount, "feasible state"))}.</p>`);
  if (m.note !== undefined) o.push(details("The modeller's notes", `<p class="note">${esc(m.note)}</p>`));
  o.push('<h3 id="decision-makers">Who decides what</h3>');
  for (const dm of m.decisionMakers) o.push(dmHtml(dm, kit));
  o.push('<h3 id="feasibility">What cannot happen together</h3>');
  if (m.conditions.length === 0) o.push("<p>Every combination of options is possible.</p>");
  else o.push(`<ul>${m.conditions.map((c) => `<li>${esc(c.words)} <code>${esc(c.text)}</code>${c.estimate ? ' <span class="tag estimate">estimate</span>' : ""}${kit.note(c.note)}${kit.evidence(c.evidence)}</li>`).join("")}</ul>`);
  o.push('<h3 id="today">Today\'s situation (the status quo)</h3>');
  if (!m.statusQuo) o.push("<p>The model gives no status quo.</p>");
  else {
    o.push(`<p>State ${m.statusQuo.state}: ${esc(choicesWords(m.statusQuo.choices))}.${kit.note(m.statusQuo.note)}</p>`);
    if (m.statusQuo.evidence.length) o.push(details(`The evidence: ${esc(countWords(m.statusQuo.evidence.length, "entry", "entries"))}`, kit.evidence(m.statusQuo.evidence)));
  }
  if (m.targets.length) {
    o.push('<h3 id="targets">The named outcomes</h3><ul>');
    for (const t of m.targets) o.push(`<li><strong>${esc(t.label)}</strong> <code>${esc(t.pattern)}</code> — ${esc(countWords(t.matching, "feasible state"))}.${kit.note(t.note)}${t.evidence.length ? details(`The evidence: ${esc(countWords(t.evidence.length, "entry", "entries"))}`, kit.evidence(t.evidence)) : ""}</li>`);
    o.push("</ul>");
  }
  o.push('<h3 id="estimates">Which judgements are estimates</h3>');
  const est = data.brief.estimates;
  if (est.length === 0) o.push("<p>No preference statement is marked as a modeller's estimate.</p>");
  else {
    o.push(`<p>${esc(countWords(est.length, "preference statement"))} ${est.length === 1 ? "is" : "are"} the modeller's ${est.length === 1 ? "estimate" : "estimates"}, not positions the sources state: the answers that rest on them are only as good as these judgements.</p>`);
    o.push(`<ul class="compact">${est.map((p) => `<li><a href="#${esc(p.anchor)}">${esc(p.dm)}, statement ${p.position}</a>: <code>${esc(p.text)}</code></li>`).join("")}</ul>`);
  }
  o.push("</section>");
  return o.join("\n");
}

function dmHtml(dm: DecisionMakerEntry, kit: HtmlKit): string {
  const o: string[] = [];
  const prefs = dm.preferences.kind === "priorities" ? dm.preferences.statements : [];
  const estimates = prefs.filter((p) => p.estimate).length;
  const summary = `${esc(dm.name)}${dm.actor !== undefined && dm.actor !== dm.name ? ` <span class="muted">(stands for ${esc(dm.actor)})</span>` : ""} — ${esc(countWords(dm.options.length, "option"))}, ${
    dm.preferences.kind === "priorities" ? `${esc(countWords(prefs.length, "priority", "priorities"))}${estimates ? `, ${esc(countWords(estimates, "estimate"))}` : ""}` : "an explicit ranking"
  }`;
  if (dm.note !== undefined) o.push(`<p class="note">${esc(dm.note)}</p>`);
  o.push(kit.evidence(dm.evidence));
  o.push("<h4>Options it controls</h4>");
  const rows = dm.options.map((opt) => {
    const way = opt.oneWay !== undefined ? ` <span class="tag">${esc(ONE_WAY_WORDS[opt.oneWay])}</span>` : "";
    return `<tr><td>${esc(opt.label)} <code>${esc(opt.id)}</code>${way}${opt.estimate ? ' <span class="tag estimate">estimate</span>' : ""}</td><td>${opt.note !== undefined ? `<span class="note">${esc(opt.note)}</span>` : ""}${kit.evidence(opt.evidence)}</td></tr>`;
  });
  o.push(scrollTable(`<table><thead><tr><th>Option</th><th>Notes and evidence</th></tr></thead><tbody>${rows.join("")}</tbody></table>`));
  if (dm.preferences.kind === "priorities") {
    o.push("<h4>What it wants, most important first</h4><ol>");
    for (const p of dm.preferences.statements) {
      o.push(`<li id="${esc(priorityAnchor(dm.id, p.rank))}">${esc(p.words)} <code>${esc(p.text)}</code>${p.estimate ? ' <span class="tag estimate">estimate</span>' : ""}${kit.note(p.note)}${kit.evidence(p.evidence)}</li>`);
    }
    o.push("</ol>");
  } else {
    o.push("<h4>Its ranking of the states, most preferred first</h4><ol>");
    for (const level of dm.preferences.levels) o.push(`<li>${level.length === 1 ? `state ${level[0]}` : `states ${numberList(level, 40)} (tied)`}</li>`);
    o.push("</ol>");
  }
  return details(summary, o.join("\n"), `dm-${dm.id}`);
}

function choicesTable(choices: readonly StateChoices[], ranks?: readonly { dm: string; rank: number; levels: number }[]): string {
  const head = `<tr><th>Decision maker</th><th>Does</th><th>Does not</th>${ranks ? "<th>Its rank of this state</th>" : ""}</tr>`;
  const rows = choices.map((c, i) => {
    const r = ranks?.[i];
    return `<tr><td>${esc(c.dm)}</td><td>${c.takes.map(esc).join("; ") || "—"}</td><td>${c.doesNot.map(esc).join("; ") || "—"}</td>${r ? `<td class="num">${r.rank} of ${r.levels}</td>` : ""}</tr>`;
  });
  return scrollTable(`<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`);
}

const GLOSSARY: readonly [string, string][] = [
  ["State", "One combination of every decision maker's choices; states are numbered from 1 as in gmcr-py (by the options taken, the first option counting least)."],
  ["Status quo", "Today's state."],
  ["Unilateral improvement", "A move by one decision maker, changing only its own options, to a state it prefers."],
  ["Equilibrium", "A state stable for every decision maker under a solution concept."],
  ["Nash", "Stable when the decision maker has no unilateral improvement."],
  ["GMR (general metarationality)", "Stable when every improvement can be answered by the others, even at a cost to themselves, leaving the mover no better off."],
  ["SMR (symmetric metarationality)", "As GMR, and the mover cannot escape that answer by moving again."],
  ["SEQ (sequential stability)", "Stable when every improvement can be answered by the others with improvements of their own, leaving the mover no better off."],
  ["In the brief", "“would hold” = an equilibrium under Nash or SEQ; “holds only under costly threats” = under GMR or SMR but not SEQ; “would not hold” = under none."],
];

function analysisHtml(a: AnalysisSection, g: MoveGraph | undefined, svg: string | undefined): string {
  const o: string[] = ['<section id="analysis"><h2>The analysis in detail</h2>', "<p>For specialists: the solution concepts, state numbers and tables behind the brief.</p>"];
  o.push('<section id="glossary"><h3>Terms</h3>', details(`The ${esc(countWords(GLOSSARY.length, "term"))} used below: ${esc(joinWords(GLOSSARY.map(([t]) => t.replace(/ \(.*\)$/, ""))))}`, `<dl class="glossary">${GLOSSARY.map(([t, d]) => `<dt>${esc(t)}</dt><dd>${esc(d)}</dd>`).join("")}</dl>`), "</section>");

  o.push('<section id="equilibria"><h3>Stable outcomes (equilibria)</h3>', `<p>${esc(INTRO_EQUILIBRIA)}</p>`);
  const described = new Set(a.equilibria.map((e) => e.state));
  const rows = a.concepts.map((c) => {
    const list = c.equilibria.length === 0 ? "none" : c.equilibria.length <= 12 ? equilibriaLinks(c.equilibria, described) : details(`${esc(countWords(c.equilibria.length, "state"))}`, `<p>${equilibriaLinks(c.equilibria.slice(0, 500), described)}${c.equilibria.length > 500 ? ` … (${c.equilibria.length} in all; <code>concord analyze --json</code> lists them)` : ""}</p>`);
    return `<tr><td>${esc(c.label)} <span class="muted">(${esc(c.name)})</span></td><td>${esc(c.meaning)}</td><td>${list}</td></tr>`;
  });
  o.push(scrollTable(`<table><thead><tr><th>Concept</th><th>A state is stable for a decision maker when…</th><th>Equilibria</th></tr></thead><tbody>${rows.join("")}</tbody></table>`));
  if (a.equilibriaTotal === 0) o.push("<p>No state is an equilibrium under any concept: every state gives someone a reason to move.</p>");
  else {
    o.push(`<h4>What the ${esc(countWords(a.equilibriaTotal, "equilibrium", "equilibria"))} have in common</h4>`);
    const rows = a.groups.map((grp) => {
      const concepts = grp.byConcept.filter((c) => c.count > 0).map((c) => `${CONCEPT_LABELS[c.concept]} ${c.count}`).join(", ");
      const taken = grp.pattern.filter((p) => p.taken).map((p) => esc(shortLabel(p.label)));
      const not = grp.pattern.filter((p) => !p.taken).map((p) => esc(shortLabel(p.label)));
      const tags = `${grp.statusQuo ? ' <span class="tag">status quo</span>' : ""}${grp.reachable.length ? ` <span class="tag">${esc(countWords(grp.reachable.length, "reachable from the status quo", "reachable from the status quo"))}</span>` : ""}`;
      const pattern = [taken.length ? `<strong>all:</strong> ${taken.join("; ")}` : "", not.length ? `<strong>none:</strong> ${not.join("; ")}` : ""].filter((x) => x !== "").join("<br>") || "no option in common";
      const states = grp.count <= 12 ? equilibriaLinks(grp.states, described) : details(esc(countWords(grp.count, "state")), `<p>${equilibriaLinks(grp.states, described)}${grp.count > grp.states.length ? ` … (${grp.count} in all)` : ""}</p>`);
      const split = grp.split.map((x) => `${x.taken ? "with" : "without"} “${esc(shortLabel(x.label))}”`).join(", ");
      return `<tr><td><strong>${esc(grp.title)}</strong>${split ? `<br><span class="muted">${split}</span>` : ""}${tags}</td><td class="num">${esc(concepts)}</td><td class="pattern">${pattern}</td><td>${states}</td></tr>`;
    });
    const groupTable = (part: string[]): string => scrollTable(`<table class="groups"><thead><tr><th>Group</th><th>Equilibria by concept</th><th>Options taken in all of them / in none</th><th>States</th></tr></thead><tbody>${part.join("")}</tbody></table>`);
    // The first groups (those that matter most come first) stay open; the rest are one click away, so the page stays short.
    if (rows.length <= GROUPS_SHOWN + 1) o.push(groupTable(rows));
    else o.push(groupTable(rows.slice(0, GROUPS_SHOWN)), details(`${esc(countWords(rows.length - GROUPS_SHOWN, "more group"))}`, groupTable(rows.slice(GROUPS_SHOWN))));
    const readings = a.equilibria.map((e) => {
      const tags = e.concepts.map((c) => `<span class="tag">${esc(CONCEPT_LABELS[c])}</span>`).join("") + (e.statusQuo ? '<span class="tag">status quo</span>' : "");
      return `<div class="eq" id="state-${e.state}"><h4>State ${e.state} ${tags}</h4><p>${esc(e.reading)}</p>${choicesTable(e.choices, e.ranks)}</div>`;
    });
    const more = a.equilibriaTotal > a.equilibria.length ? `<p>${a.equilibriaTotal - a.equilibria.length} more equilibria are not described one by one; the lists above give them all, and <code>concord analyze</code> shows them.</p>` : "";
    o.push(details(`State by state: the ${esc(countWords(a.equilibria.length, "equilibrium", "equilibria"))} that tell most (stable under every concept, the status quo, those reachable from it)`, readings.join("\n") + more, "equilibria-one-by-one"));
  }
  o.push("</section>");
  o.push(statusQuoHtml(a, g, svg));
  o.push("</section>");
  return o.join("\n");
}

function statusQuoHtml(a: AnalysisSection, g: MoveGraph | undefined, svg: string | undefined): string {
  const sq = a.statusQuo;
  if (!sq) return '<section id="status-quo"><h3>The status quo</h3><p>The model gives no status quo, so there is nothing to explain and no picture of moves from it.</p></section>';
  const o: string[] = [];
  const persists = sq.equilibriumUnder.length > 0;
  o.push(`<section id="status-quo"><h3>${persists ? "Why the status quo persists" : "Why the status quo does not hold"}</h3>`, `<p>${esc(sq.reading)}</p>`);
  for (const st of sq.stability) {
    const body = groupExplanations(st.explanations)
      .map((grp) => `<li><strong>${esc(grp.concepts.map((c) => CONCEPT_LABELS[c]).join(", "))}:</strong> <span class="${grp.stable ? "stable" : "unstable"}">${grp.stable ? "stable" : "not stable"}</span>${explainHtml(grp.body)}</li>`)
      .join("");
    const verdict = st.explanations.every((x) => x.stable) ? "stable under every concept" : st.explanations.every((x) => !x.stable) ? "not stable under any concept" : `stable under ${st.explanations.filter((x) => x.stable).map((x) => CONCEPT_LABELS[x.concept]).join(", ")}`;
    o.push(details(`${esc(st.dm)} <span class="muted">(ranks the status quo ${st.rank} of ${st.levels}; ${esc(verdict)})</span>`, `<ul>${body}</ul>`));
  }
  if (sq.statesNamed.length > 0) {
    o.push(details(`The ${esc(countWords(sq.statesNamed.length, "state"))} named above`, scrollTable(`<table><thead><tr><th>State</th><th>What each decision maker does</th></tr></thead><tbody>${sq.statesNamed.map((s) => `<tr><td class="num">${s.state}</td><td>${esc(choicesWords(s.choices))}</td></tr>`).join("")}</tbody></table>`)));
  }
  o.push("<h4>Where the conflict can move from here</h4>");
  o.push(`<p>Moving one decision maker at a time, each move improving the mover's position, the conflict can reach ${esc(plural(sq.reachableCount - 1, "other state"))} from the status quo.</p><ul>`);
  for (const r of sq.reachable) {
    const reached = r.equilibria.slice(0, 3).map((e) => (e.distance === 0 ? `state ${e.state} (the status quo itself)` : `state ${e.state}, ${plural(e.distance, "move")}: ${e.path.map(moveWords).join(", then ")}`));
    const more = r.equilibria.length > 3 ? `; and ${r.equilibria.length - 3} more` : "";
    o.push(`<li><strong>${esc(CONCEPT_LABELS[r.concept])}</strong>: ${reached.length ? `reachable equilibria: ${esc(reached.join("; ") + more)}` : "no equilibrium is reachable"}.${r.unreachable.length ? ` Not reachable: ${esc(unreachableWords(r.unreachable))}.` : ""}</li>`);
  }
  o.push("</ul>");
  if (g && svg) {
    o.push(`<figure><div class="scroll figure-scroll">${svg}</div><figcaption>${esc(INTRO_GRAPH)} ${esc(graphCaption(g))}</figcaption></figure>`);
    o.push(details(`The ${esc(countWords(g.nodes.length, "state"))} in the picture`, scrollTable(`<table><thead><tr><th>State</th><th>Moves from the status quo</th><th>What each decision maker does</th></tr></thead><tbody>${g.nodes.map((n) => `<tr><td class="num">${n.state}${n.statusQuo ? " (status quo)" : ""}</td><td class="num">${n.distance}</td><td>${esc(choicesWords(n.choices))}</td></tr>`).join("")}</tbody></table>`)));
  }
  o.push("</section>");
  return o.join("\n");
}

function sourcesHtml(data: ReportData): string {
  if (data.sources.length === 0) return '<section id="sources"><h2>Sources</h2><p>The scenario lists no sources.</p></section>';
  const items = data.sources.map((s) => {
    // The address is the title's link (printed in full by the print stylesheet); an address that is no web address is shown.
    const title = s.url !== undefined ? `<a href="${esc(s.url)}" rel="noreferrer">${esc(s.title)}</a>` : esc(s.title);
    const addr = s.url === undefined && s.address !== undefined ? ` ${esc(s.address)}.` : "";
    const meta = sourceMeta(s);
    const note = s.note !== undefined ? ` <span class="src-note">${esc(s.note)}</span>` : "";
    return `<li id="src-${esc(s.id)}">${title}${meta ? `. ${esc(meta)}` : ""}.${addr}${s.language !== undefined ? ` <span class="muted">[${esc(s.language)}]</span>` : ""}${note}</li>`;
  });
  return `<section id="sources"><h2>Sources</h2>${details(`${esc(countWords(data.sources.length, "source"))}, numbered as cited above`, `<ol class="sources">${items.join("")}</ol>`, "sources-list")}</section>`;
}

/** explain()'s text without its first line (the verdict, shown already): a sentence and a list of improvements. */
function explainHtml(body: string): string {
  const lines = body.split("\n");
  const intro = lines.filter((l) => !l.startsWith("- "));
  const items = lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
  return `<div class="explain">${intro.map((l) => `<p>${esc(l)}</p>`).join("")}${items.length ? `<ul>${items.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>` : ""}</div>`;
}

/** State numbers, linked where described one by one. */
function equilibriaLinks(states: readonly number[], described: ReadonlySet<number>): string {
  return states.map((s) => (described.has(s) ? `<a href="#state-${s}">${s}</a>` : String(s))).join(", ");
}

/** What the picture of moves shows and leaves out. */
export function graphCaption(g: MoveGraph): string {
  const parts = [`It shows ${plural(g.nodes.length, "state")}: the status quo, the states within ${plural(g.depth, "improvement")} of it, and the equilibria reachable from it with the states on the way`];
  const drawn = g.nodes.length;
  if (g.reachableCount > drawn) parts.push(`; ${g.reachableCount - drawn} of the ${g.reachableCount} states reachable from the status quo are left out (at most ${g.cap} are drawn)`);
  if (g.equilibriaLeftOut.length > 0) parts.push(`, among them the equilibria ${joinWords(g.equilibriaLeftOut.map(String))}`);
  if (g.nodes.length === 1) parts.push(". No one can improve its position by moving alone from the status quo, so it stands alone");
  return `${parts.join("")}.`;
}
