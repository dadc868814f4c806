/**
 * The report as one self-contained HTML page: inline CSS and inline SVG, no scripts,
 * fonts or images from elsewhere; the only outside links are the sources' own
 * addresses. Every text from the scenario is escaped.
 */
import { CONCEPT_LABELS } from "@concord/core";
import { choicesWords } from "./analysis-part.js";
import { escapeXml as esc } from "./escape.js";
import {
  asOfWords,
  commitmentWords,
  INTRO_EQUILIBRIA,
  INTRO_GRAPH,
  INTRO_MODEL,
  kindText,
  ONE_WAY_WORDS,
  penWords,
  ROLE_WORDS,
  sourceMeta,
  whenText,
} from "./phrases.js";
import { REPORT_CSS } from "./style.js";
import { groupExplanations } from "./group.js";
import type {
  AnalysisSection,
  Cite,
  DecisionMakerEntry,
  EvidenceEntry,
  MoveGraph,
  ReportData,
  SourceEntry,
  StateChoices,
} from "./types.js";
import { days, joinWords, moveWords, unreachableWords, plural } from "./words.js";

/** Pictures drawn for the report (SVG text), when there is something to draw. */
export interface Pictures {
  readonly timeline?: string;
  readonly moves?: string;
}

/** Paragraphs of a text, split at blank lines. */
function paragraphs(text: string, cls = ""): string {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== "")
    .map((p) => `<p${cls ? ` class="${cls}"` : ""}>${esc(p)}</p>`)
    .join("\n");
}

export function renderHtml(data: ReportData, pictures: Pictures = {}): string {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const cite = (c: Cite): string => {
    const s = sources.get(c.source);
    if (!s) return `<span class="cite">[${esc(c.source)}]</span>`;
    const ext = s.url !== undefined ? `<a class="ext" href="${esc(s.url)}" rel="noreferrer" title="open the source">↗</a>` : "";
    return `<a class="cite" href="#src-${esc(s.id)}" title="${esc(citeTitle(s))}">[${s.n}]</a>${ext}`;
  };
  const cites = (list: readonly Cite[]): string => list.map(cite).join("");
  const quotes = (list: readonly Cite[]): string => {
    const qs = [...new Set(list.filter((c) => c.quote !== undefined).map((c) => c.quote!))];
    return qs.map((q) => ` <q class="src-quote">${esc(q)}</q>`).join("");
  };
  const note = (text: string | undefined): string => (text === undefined ? "" : ` <span class="note">${esc(text)}</span>`);
  const evidence = (list: readonly EvidenceEntry[]): string => {
    if (list.length === 0) return "";
    return `<ul class="evidence">${list.map((e) => `<li>${evidenceHtml(e)}</li>`).join("")}</ul>`;
  };
  const evidenceHtml = (e: EvidenceEntry): string => {
    const q = e.quote !== undefined ? ` <q class="src-quote">${esc(e.quote)}</q>` : "";
    const who = e.actors.length ? esc(joinWords([...e.actors])) : "";
    let lead: string;
    if (e.kind === "statement") lead = `Said by ${who || "?"}${e.date !== undefined ? ` (${esc(e.date)}${e.title ? `, ${esc(e.title)}` : ""})` : ""}:`;
    else if (e.kind === "event") lead = `Event: ${esc(e.title ?? e.id ?? "")}${e.date !== undefined ? ` (${esc(e.date)})` : ""}`;
    else if (e.kind === "document") lead = `Document: ${esc(e.title ?? e.id ?? "")}${e.date !== undefined ? ` (${esc(e.date)})` : ""}`;
    else if (e.kind === "source") lead = "Source:";
    else lead = "";
    const page = e.page !== undefined ? ` p. ${esc(e.page)}` : "";
    return `${lead}${q}${cites(e.cites)}${page}${note(e.note)}`;
  };
  const choicesTable = (choices: readonly StateChoices[], ranks?: readonly { dm: string; rank: number; levels: number }[]): string => {
    const head = `<tr><th>Decision maker</th><th>Does</th><th>Does not</th>${ranks ? "<th>Its rank of this state</th>" : ""}</tr>`;
    const rows = choices.map((c, i) => {
      const r = ranks?.[i];
      return `<tr><td>${esc(c.dm)}</td><td>${c.takes.map(esc).join("; ") || "—"}</td><td>${c.doesNot.map(esc).join("; ") || "—"}</td>${r ? `<td class="num">${r.rank} of ${r.levels}</td>` : ""}</tr>`;
    });
    return `<table><thead>${head}</thead><tbody>${rows.join("")}</tbody></table>`;
  };

  const out: string[] = [];
  out.push("<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">', '<meta name="viewport" content="width=device-width, initial-scale=1">');
  out.push(`<title>${esc(data.title)} — Concord report</title>`, `<style>${REPORT_CSS}</style>`, "</head>", "<body>", "<main>");
  out.push(`<header><h1>${esc(data.title)}</h1>`);
  const meta = [data.asOf !== undefined ? `As of ${data.asOf}` : "", data.generated !== undefined ? `Generated ${data.generated}` : ""].filter((x) => x !== "");
  out.push(`<p class="meta">A Concord report${meta.length ? ` · ${esc(meta.join(" · "))}` : ""}</p></header>`);

  const toc: [string, string][] = [["question", "The question"], ["actors", "Who is involved"], ["timeline", "What happened"]];
  if (data.record) toc.push(["waiting", "Who is waiting on whom"]);
  if (data.model) toc.push(["model", "The model"]);
  if (data.analysis) toc.push(["equilibria", "Stable outcomes"], ["status-quo", "The status quo"]);
  toc.push(["contradictions", "Where sources disagree"], ["sources", "Sources"]);
  out.push(`<nav aria-label="Contents"><ol>${toc.map(([id, t]) => `<li><a href="#${id}">${esc(t)}</a></li>`).join("")}</ol></nav>`);

  // The question.
  out.push('<section id="question"><h2>The question</h2>', paragraphs(data.question, "question"));
  if (data.background !== undefined) out.push("<h3>Background</h3>", paragraphs(data.background));
  out.push("</section>");

  // Actors.
  out.push('<section id="actors"><h2>Who is involved</h2>');
  if (data.actors.length === 0) out.push("<p>The scenario names no actors.</p>");
  else {
    out.push("<table><thead><tr><th>Actor</th><th>Kind</th><th>Role</th><th>Part of</th><th>In the model as</th><th>Note</th></tr></thead><tbody>");
    for (const a of data.actors) {
      const roles = a.roles.map((r) => ROLE_WORDS[r] ?? r).join(", ");
      const aka = a.aliases.length ? ` <span class="muted">(also ${esc(a.aliases.join(", "))})</span>` : "";
      out.push(`<tr><td>${esc(a.name)}${aka}</td><td>${esc(a.kind ?? "")}</td><td>${esc(roles)}</td><td>${esc(a.memberOf.join(", "))}</td><td>${esc(a.decisionMakers.join(", "))}</td><td>${esc(a.note ?? "")}</td></tr>`);
    }
    out.push("</tbody></table>");
  }
  out.push("</section>");

  // Timeline.
  out.push('<section id="timeline"><h2>What happened</h2>');
  if (data.timeline.length === 0) out.push("<p>The scenario has no record of events, documents or statements.</p>");
  else {
    if (pictures.timeline) {
      out.push(`<figure>${pictures.timeline}<figcaption>The record on a time axis, one lane per kind of entry. A dot is a day; a bar is an entry known only to the month or lasting several days. Hollow, dashed marks with struck-through labels were cancelled, declined or postponed. Each entry is listed with its sources below.</figcaption></figure>`);
    }
    out.push("<table><thead><tr><th>Date</th><th>What</th><th>Who</th><th>Sources</th></tr></thead><tbody>");
    for (const it of data.timeline) {
      const inactive = it.status === "cancelled" || it.status === "declined" || it.status === "postponed";
      const title = it.type === "statement" ? `<span class="quote">“${esc(it.title)}”</span>` : `<span${inactive ? ' class="inactive-title"' : ""}>${esc(it.title)}</span>`;
      const where = [it.place, it.track !== undefined ? `track: ${it.track}` : undefined].filter((x) => x !== undefined).join("; ");
      out.push(
        `<tr id="rec-${esc(it.id)}"><td class="date">${esc(whenText(it))}</td><td>${title} <span class="muted">(${esc(kindText(it))}${where ? `; ${esc(where)}` : ""})</span>${quotes(it.cites)}${note(it.note)}</td><td>${esc(it.actors.join(", "))}</td><td>${cites(it.cites)}</td></tr>`,
      );
    }
    out.push("</tbody></table>");
  }
  out.push("</section>");

  // Waiting and deadlines.
  if (data.record) {
    const r = data.record;
    out.push('<section id="waiting"><h2>Who is waiting on whom</h2>', `<p>${esc(asOfWords(r))}</p>`);
    if (r.waiting.length === 0) out.push("<p>Nothing handed over is waiting for an answer.</p>");
    else {
      out.push("<table><thead><tr><th>Since</th><th>Waiting</th><th>From</th><th>Awaiting an answer from</th><th>What</th></tr></thead><tbody>");
      for (const w of r.waiting) {
        out.push(`<tr><td class="date">${esc(w.since)}</td><td class="num">${esc(days(w.minDays, w.maxDays))}</td><td>${esc(w.from.join(", "))}</td><td>${esc(w.awaiting.join(", "))}</td><td>${esc(w.title)} <span class="muted">(${esc(w.kind)})</span>${cites(w.cites)}</td></tr>`);
      }
      out.push("</tbody></table>");
    }
    if (r.pens.length > 0) {
      out.push("<h3>Who holds the pen</h3><ul>");
      for (const p of r.pens) out.push(`<li><strong>${esc(p.track)}</strong>: ${esc(penWords(p))}</li>`);
      out.push("</ul>");
    }
    out.push("<h3>Commitments and deadlines running</h3>");
    if (r.commitments.length === 0 && r.deadlines.length === 0) out.push("<p>The record has no commitments and no deadlines.</p>");
    if (r.commitments.length > 0) {
      out.push("<ul>");
      for (const c of r.commitments) {
        const doc = c.document !== undefined ? ` Set by: ${esc(c.document)}${c.article !== undefined ? `, article ${esc(c.article)}` : ""}.` : "";
        out.push(`<li><strong>${esc(c.what)}</strong>${c.alleged ? ' <span class="tag">alleged</span>' : ""} — binds ${esc(joinWords([...c.bound]))}.${doc} ${esc(commitmentWords(c))}${cites(c.cites)}${quotes(c.cites)}${note(c.note)}</li>`);
      }
      out.push("</ul>");
    }
    if (r.deadlines.length > 0) {
      out.push("<ul>");
      for (const d of r.deadlines) {
        const left = d.daysLeft >= 0 ? `in ${days(d.daysLeft, d.daysLeft)}` : `${days(-d.daysLeft, -d.daysLeft)} ago`;
        out.push(`<li><strong>${esc(d.title)}</strong> — ${esc(d.date)} (${esc(left)})${d.participants.length ? `, ${esc(d.participants.join(", "))}` : ""}${cites(d.cites)}</li>`);
      }
      out.push("</ul>");
    }
    out.push("</section>");
  }

  // The model.
  if (data.model) {
    const m = data.model;
    out.push('<section id="model"><h2>The model</h2>', `<p>${esc(INTRO_MODEL)}</p>`);
    if (m.note !== undefined) out.push(`<p class="note">${esc(m.note)}</p>`);
    out.push(`<p>${m.decisionMakers.length} decision makers, ${plural(m.optionCount, "option")}, ${plural(m.stateCount, "feasible state")}.</p>`);
    for (const dm of m.decisionMakers) out.push(dmHtml(dm));
    out.push("<h3>What cannot happen together (feasibility)</h3>");
    if (m.conditions.length === 0) out.push("<p>Every combination of options is possible.</p>");
    else out.push(`<ul>${m.conditions.map((c) => `<li>${esc(c.words)} <code>${esc(c.text)}</code>${note(c.note)}${evidence(c.evidence)}</li>`).join("")}</ul>`);
    out.push("<h3>The status quo</h3>");
    if (!m.statusQuo) out.push("<p>The model gives no status quo.</p>");
    else {
      out.push(`<p>Today's state is state ${m.statusQuo.state}: ${esc(choicesWords(m.statusQuo.choices))}.${note(m.statusQuo.note)}</p>`);
      out.push(evidence(m.statusQuo.evidence));
    }
    out.push("</section>");
  }

  function dmHtml(dm: DecisionMakerEntry): string {
    const o: string[] = [];
    o.push(`<h3 id="dm-${esc(dm.id)}">${esc(dm.name)}${dm.actor !== undefined && dm.actor !== dm.name ? ` <span class="muted">(stands for ${esc(dm.actor)})</span>` : ""}</h3>`);
    if (dm.note !== undefined) o.push(`<p class="note">${esc(dm.note)}</p>`);
    o.push(evidence(dm.evidence));
    o.push("<h4>Options it controls</h4><table><thead><tr><th>Option</th><th>Notes and evidence</th></tr></thead><tbody>");
    for (const opt of dm.options) {
      const way = opt.oneWay !== undefined ? ` <span class="tag">${esc(ONE_WAY_WORDS[opt.oneWay])}</span>` : "";
      o.push(`<tr><td>${esc(opt.label)} <code>${esc(opt.id)}</code>${way}</td><td>${opt.note !== undefined ? `<span class="note">${esc(opt.note)}</span>` : ""}${evidence(opt.evidence)}</td></tr>`);
    }
    o.push("</tbody></table>");
    if (dm.preferences.kind === "priorities") {
      o.push("<h4>What it wants, most important first</h4><ol>");
      for (const p of dm.preferences.statements) o.push(`<li>${esc(p.words)} <code>${esc(p.text)}</code>${note(p.note)}${evidence(p.evidence)}</li>`);
      o.push("</ol>");
    } else {
      o.push("<h4>Its ranking of the states, most preferred first</h4><ol>");
      for (const level of dm.preferences.levels) o.push(`<li>${level.length === 1 ? `state ${level[0]}` : `states ${level.join(", ")} (tied)`}</li>`);
      o.push("</ol>");
    }
    return o.join("\n");
  }

  // The analysis.
  if (data.analysis) out.push(equilibriaHtml(data.analysis, choicesTable), statusQuoHtml(data.analysis, data.moveGraph, pictures.moves));

  // Contradictions.
  out.push('<section id="contradictions"><h2>Where sources disagree</h2>');
  if (data.contradictions.length === 0) out.push("<p>No contradictions between statements were found in the record.</p>");
  else {
    out.push("<ul>");
    for (const c of data.contradictions) {
      const side = (s: (typeof c.sides)[number]): string =>
        `${esc(s.speaker)}${s.reportedBy !== undefined ? ` (as reported by ${esc(s.reportedBy)})` : ""}, ${esc(s.date)}: <q>${esc(s.quote)}</q>${s.value !== undefined ? ` — read as <strong>${esc(s.value)}</strong>${s.claimNote !== undefined ? ` (${esc(s.claimNote)})` : ""}` : ""}${cites(s.cites)}`;
      out.push(`<li>${c.fact !== undefined ? `<strong>${esc(c.fact)}</strong>${c.approximate ? " (one value is approximate)" : ""}: ` : ""}${side(c.sides[0])}; <em>but</em> ${side(c.sides[1])}</li>`);
    }
    out.push("</ul>");
  }
  out.push("</section>");

  // Sources.
  out.push('<section id="sources"><h2>Sources</h2>');
  if (data.sources.length === 0) out.push("<p>The scenario lists no sources.</p>");
  else {
    out.push('<ol class="sources">');
    for (const s of data.sources) {
      const addr = s.url !== undefined ? `<a href="${esc(s.url)}" rel="noreferrer">${esc(s.address!)}</a>` : s.address !== undefined ? esc(s.address) : "";
      const meta = sourceMeta(s);
      out.push(`<li id="src-${esc(s.id)}"><strong>${esc(s.title)}</strong>${meta ? `. ${esc(meta)}` : ""}.${addr ? ` ${addr}` : ""}${s.language !== undefined ? ` <span class="muted">[${esc(s.language)}]</span>` : ""}${note(s.note)}</li>`);
    }
    out.push("</ol>");
  }
  out.push("</section>");
  out.push(`<footer><p>Made with Concord from the scenario “${esc(data.id)}”. The analysis follows the Graph Model for Conflict Resolution; states are numbered as in gmcr-py.</p></footer>`);
  out.push("</main>", "</body>", "</html>", "");
  return out.join("\n");

  function equilibriaHtml(a: AnalysisSection, table: typeof choicesTable): string {
    const o: string[] = ['<section id="equilibria"><h2>Stable outcomes (equilibria)</h2>', `<p>${esc(INTRO_EQUILIBRIA)}</p>`];
    o.push("<table><thead><tr><th>Concept</th><th>A state is stable for a decision maker when…</th><th>Equilibria</th></tr></thead><tbody>");
    for (const c of a.concepts) {
      o.push(`<tr><td>${esc(c.label)} <span class="muted">(${esc(c.name)})</span></td><td>${esc(c.meaning)}</td><td>${equilibriaCell(c.equilibria, new Set(a.equilibria.map((e) => e.state)))}</td></tr>`);
    }
    o.push("</tbody></table>");
    if (a.equilibriaTotal === 0) o.push("<p>No state is an equilibrium under any concept: every state gives someone a reason to move.</p>");
    for (const e of a.equilibria) {
      const tags = e.concepts.map((c) => `<span class="tag">${esc(CONCEPT_LABELS[c])}</span>`).join("") + (e.statusQuo ? '<span class="tag">status quo</span>' : "");
      o.push(`<div class="eq" id="state-${e.state}"><h3>State ${e.state} ${tags}</h3><p>${esc(e.reading)}</p>${table(e.choices, e.ranks)}</div>`);
    }
    if (a.equilibriaTotal > a.equilibria.length) {
      o.push(`<p>${a.equilibriaTotal - a.equilibria.length} more equilibria are not described here; the table above lists them all, and <code>concord analyze</code> shows them.</p>`);
    }
    o.push("</section>");
    return o.join("\n");
  }

  function statusQuoHtml(a: AnalysisSection, g: MoveGraph | undefined, svg: string | undefined): string {
    const o: string[] = [];
    const sq = a.statusQuo;
    if (!sq) {
      o.push('<section id="status-quo"><h2>The status quo</h2><p>The model gives no status quo, so there is nothing to explain and no picture of moves from it.</p></section>');
      return o.join("\n");
    }
    const persists = sq.equilibriumUnder.length > 0;
    o.push(`<section id="status-quo"><h2>${persists ? "Why the status quo persists" : "Why the status quo does not hold"}</h2>`, `<p>${esc(sq.reading)}</p>`);
    for (const st of sq.stability) {
      o.push(`<h3>${esc(st.dm)} <span class="muted">(ranks the status quo ${st.rank} of ${st.levels})</span></h3><ul>`);
      for (const grp of groupExplanations(st.explanations)) {
        o.push(`<li><strong>${esc(grp.concepts.map((c) => CONCEPT_LABELS[c]).join(", "))}:</strong> <span class="${grp.stable ? "stable" : "unstable"}">${grp.stable ? "stable" : "not stable"}</span>${explainHtml(grp.body)}</li>`);
      }
      o.push("</ul>");
    }
    if (sq.statesNamed.length > 0) {
      o.push("<h3>The states named above</h3><table><thead><tr><th>State</th><th>What each decision maker does</th></tr></thead><tbody>");
      for (const s of sq.statesNamed) o.push(`<tr><td class="num">${s.state}</td><td>${esc(choicesWords(s.choices))}</td></tr>`);
      o.push("</tbody></table>");
    }
    o.push("<h3>Where the conflict can move from here</h3>");
    o.push(`<p>Moving one decision maker at a time, each move improving the mover's position, the conflict can reach ${plural(sq.reachableCount - 1, "other state")} from the status quo.</p><ul>`);
    for (const r of sq.reachable) {
      const reached = r.equilibria.map((e) => (e.distance === 0 ? `state ${e.state} (the status quo itself)` : `state ${e.state}, ${plural(e.distance, "move")}: ${e.path.map(moveWords).join(", then ")}`));
      o.push(`<li><strong>${esc(CONCEPT_LABELS[r.concept])}</strong>: ${reached.length ? `reachable equilibria: ${esc(reached.join("; "))}` : "no equilibrium is reachable"}.${r.unreachable.length ? ` Not reachable: ${esc(unreachableWords(r.unreachable))}.` : ""}</li>`);
    }
    o.push("</ul>");
    if (g && svg) {
      o.push(`<figure>${svg}<figcaption>${esc(INTRO_GRAPH)} ${esc(graphCaption(g))}</figcaption></figure>`);
      o.push("<h4>The states in the picture</h4>");
      o.push(`<table><thead><tr><th>State</th><th>Moves from the status quo</th><th>What each decision maker does</th></tr></thead><tbody>${g.nodes.map((n) => `<tr><td class="num">${n.state}${n.statusQuo ? " (status quo)" : ""}</td><td class="num">${n.distance}</td><td>${esc(choicesWords(n.choices))}</td></tr>`).join("")}</tbody></table>`);
    }
    o.push("</section>");
    return o.join("\n");
  }
}

/** explain()'s text without its first line (the verdict, shown already): a sentence and a list of improvements. */
function explainHtml(body: string): string {
  const lines = body.split("\n");
  const intro = lines.filter((l) => !l.startsWith("- "));
  const items = lines.filter((l) => l.startsWith("- ")).map((l) => l.slice(2));
  return `<div class="explain">${intro.map((l) => `<p>${esc(l)}</p>`).join("")}${items.length ? `<ul>${items.map((l) => `<li>${esc(l)}</li>`).join("")}</ul>` : ""}</div>`;
}

/** The equilibria of a concept, linked where described; past 60, the first 60 and the count. */
function equilibriaCell(states: readonly number[], described: ReadonlySet<number>): string {
  if (states.length === 0) return "none";
  const shown = states.slice(0, 60).map((s) => (described.has(s) ? `<a href="#state-${s}">${s}</a>` : String(s)));
  return `${shown.join(", ")}${states.length > 60 ? `, … (${states.length} in all)` : ""}`;
}

function citeTitle(s: SourceEntry): string {
  const meta = sourceMeta(s);
  return meta ? `${s.title} — ${meta}` : s.title;
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
