/**
 * The report as GitHub-flavoured Markdown, in the order of the HTML page: the brief,
 * the process, the model, the analysis in detail, the sources. The pictures are
 * separate SVG files in the same folder, linked as images by relative name (see
 * render.ts); citations link to anchors in the sources list (`<a id="src-…">`) and to
 * the source's address. Every text from the scenario is escaped.
 */
import { CONCEPT_LABELS, numberList } from "@concord/core";
import { settlementReportMarkdown } from "./settlement-render.js";
import { choicesWords } from "./analysis-part.js";
import { escapeMarkdown as md } from "./escape.js";
import { briefMarkdownBody } from "./brief/markdown.js";
import { groupExplanations } from "./group.js";
import { mediationMarkdown, type MediationFiles } from "./mediation-markdown.js";
import { graphCaption } from "./html.js";
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
import { priorityAnchor } from "./priorities.js";
import type { Cite, EvidenceEntry, ReportData, StateChoices } from "./types.js";
import { countWords, dateWords, daysWords, joinWords, moveWords, unreachableWords, plural } from "./words.js";

/** Relative file names of the pictures, when drawn. */
export interface PictureFiles {
  readonly timeline?: string;
  readonly moves?: string;
  readonly paths?: string;
  readonly frontier?: string;
  readonly mediation?: MediationFiles;
}

function table(head: readonly string[], rows: readonly (readonly string[])[]): string {
  return [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
}

export function renderMarkdown(data: ReportData, files: PictureFiles = {}): string {
  const sources = new Map(data.sources.map((s) => [s.id, s]));
  const cite = (c: Cite): string => {
    const s = sources.get(c.source);
    if (!s) return ` \\[${md(c.source)}\\]`;
    return ` [\\[${s.n}\\]](#src-${s.id})${s.url !== undefined ? `[↗](<${s.url}>)` : ""}`;
  };
  const cites = (list: readonly Cite[]): string => list.map(cite).join("");
  const quotes = (list: readonly Cite[]): string => [...new Set(list.filter((c) => c.quote !== undefined).map((c) => c.quote!))].map((q) => ` *“${md(q)}”*`).join("");
  const note = (t: string | undefined): string => (t === undefined ? "" : ` *Note: ${md(t)}*`);
  const evidenceLine = (e: EvidenceEntry): string => {
    const q = e.quote !== undefined ? ` “${md(e.quote)}”` : "";
    const when = e.date !== undefined ? ` (${md(e.date)}${e.kind === "statement" && e.title ? `, ${md(e.title)}` : ""})` : "";
    const lead =
      e.kind === "statement" ? `Said by ${md(joinWords([...e.actors]) || "?")}${when}:` :
      e.kind === "event" ? `Event: ${md(e.title ?? e.id ?? "")}${when}` :
      e.kind === "document" ? `Document: ${md(e.title ?? e.id ?? "")}${when}` :
      e.kind === "source" ? "Source:" : "";
    return `${lead}${q}${cites(e.cites)}${e.page !== undefined ? ` p. ${md(e.page)}` : ""}${note(e.note)}`.trim();
  };
  const evidence = (list: readonly EvidenceEntry[], indent: string): string[] => list.map((e) => `${indent}- ${evidenceLine(e)}`);
  const choicesTable = (choices: readonly StateChoices[], ranks?: readonly { rank: number; levels: number }[]): string =>
    table(
      ["Decision maker", "Does", "Does not", ...(ranks ? ["Its rank of this state"] : [])],
      choices.map((c, i) => [md(c.dm), c.takes.map(md).join("; ") || "—", c.doesNot.map(md).join("; ") || "—", ...(ranks ? [`${ranks[i]!.rank} of ${ranks[i]!.levels}`] : [])]),
    );

  const o: string[] = [];
  o.push(`# ${md(data.title)}`, "");
  const meta = [data.brief.asOfWords !== undefined ? `as of ${data.brief.asOfWords}` : "", data.generated !== undefined ? `generated ${data.generated}` : ""].filter((x) => x !== "");
  o.push(`*A Concord report${meta.length ? ` · ${md(meta.join(" · "))}` : ""}*`, "");

  o.push("## In brief", "", ...briefMarkdownBody(data.brief, { ...(files.paths !== undefined ? { paths: files.paths } : {}) }, sources, 3));
  o.push("## The process", "");
  o.push("### The question", "");
  for (const p of data.question.split(/\n\s*\n/).filter((x) => x.trim() !== "")) o.push(`> ${md(p)}`, ">");
  o.pop();
  o.push("");
  if (data.background !== undefined) {
    o.push("#### Background", "");
    for (const p of data.background.split(/\n\s*\n/).filter((x) => x.trim() !== "")) o.push(md(p), "");
  }

  o.push("### Who is involved", "");
  if (data.actors.length === 0) o.push("The scenario names no actors.", "");
  else {
    o.push(
      table(
        ["Actor", "Kind", "Role", "Part of", "In the model as", "Note"],
        data.actors.map((a) => [
          `${md(a.name)}${a.aliases.length ? ` (also ${md(a.aliases.join(", "))})` : ""}`,
          md(a.kind ?? ""),
          md(a.roles.map((r) => ROLE_WORDS[r] ?? r).join(", ")),
          md(a.memberOf.join(", ")),
          md(a.decisionMakers.join(", ")),
          md(a.note ?? ""),
        ]),
      ),
      "",
    );
  }

  o.push("### What happened", "");
  if (data.timeline.length === 0) o.push("The scenario has no record of events, documents or statements.", "");
  else {
    if (files.timeline !== undefined) {
      o.push(`![The record on a time axis](${files.timeline})`, "");
      o.push("*One lane per negotiating track. Busy months get more room than quiet ones; a ≈ marks a quiet stretch left out. A dot is a day; a bar is an entry known only to the month or lasting several days. Hollow, dashed marks with struck-through labels were cancelled, declined or postponed; red diamonds are deadlines.*", "");
    }
    o.push(
      table(
        ["Date", "What", "Who", "Sources"],
        data.timeline.map((it) => {
          const inactive = it.status === "cancelled" || it.status === "declined" || it.status === "postponed";
          const title = it.type === "statement" ? `“${md(it.title)}”` : inactive ? `~~${md(it.title)}~~` : md(it.title);
          const where = [it.place, it.track !== undefined ? `track: ${it.track}` : undefined].filter((x) => x !== undefined).join("; ");
          return [md(whenText(it)), `${title} (${md(kindText(it))}${where ? `; ${md(where)}` : ""})${quotes(it.cites)}${note(it.note)}`, md(it.actors.join(", ")), cites(it.cites).trim()];
        }),
      ),
      "",
    );
  }

  if (data.record) {
    const r = data.record;
    o.push("### Waiting, pens and commitments", "", md(asOfWords(r)), "");
    if (r.waiting.length === 0) o.push("Nothing handed over is waiting for an answer.", "");
    else {
      o.push(
        table(
          ["Since", "Waiting", "From", "Awaiting an answer from", "What"],
          r.waiting.map((w) => [md(dateWords(w.since)), daysWords(w.minDays, w.maxDays), md(w.from.join(", ")), md(w.awaiting.join(", ")), `${md(w.title)} (${md(w.kind)})${cites(w.cites)}`]),
        ),
        "",
      );
    }
    if (r.pens.length > 0) {
      o.push("#### Who holds the pen", "");
      for (const p of r.pens) o.push(`- **${md(p.track)}**: ${md(penWords(p))}`);
      o.push("");
    }
    o.push("#### Commitments and deadlines running", "");
    if (r.commitments.length === 0 && r.deadlines.length === 0) o.push("The record has no commitments and no deadlines.", "");
    for (const c of r.commitments) {
      const doc = c.document !== undefined ? ` Set by: ${md(c.document)}${c.article !== undefined ? `, article ${md(c.article)}` : ""}.` : "";
      o.push(`- **${md(c.what)}**${c.alleged ? " (alleged)" : ""} — binds ${md(joinWords([...c.bound]))}.${doc} ${md(commitmentWords(c))}${cites(c.cites)}${quotes(c.cites)}${note(c.note)}`);
    }
    for (const d of r.deadlines) {
      const left = d.daysLeft >= 0 ? `in ${daysWords(d.daysLeft)}` : `${daysWords(-d.daysLeft)} ago`;
      o.push(`- **${md(d.title)}** — ${md(dateWords(d.date))} (${left})${d.participants.length ? `, ${md(d.participants.join(", "))}` : ""}${cites(d.cites)}`);
    }
    if (r.commitments.length + r.deadlines.length > 0) o.push("");
  }

  o.push("### Where sources disagree", "");
  if (data.contradictions.length === 0) o.push("No contradictions between statements were found in the record.", "");
  else {
    for (const c of data.contradictions) {
      const side = (s: (typeof c.sides)[number]): string =>
        `${md(s.speaker)}${s.reportedBy !== undefined ? ` (as reported by ${md(s.reportedBy)})` : ""}, ${md(dateWords(s.date))}: “${md(s.quote)}”${s.value !== undefined ? ` — read as **${md(s.value)}**${s.claimNote !== undefined ? ` (${md(s.claimNote)})` : ""}` : ""}${cites(s.cites)}`;
      o.push(`- ${c.fact !== undefined ? `**${md(c.fact)}**${c.approximate ? " (one value is approximate)" : ""}: ` : ""}${side(c.sides[0])}; *but* ${side(c.sides[1])}`);
    }
    o.push("");
  }

  if (data.model) {
    const m = data.model;
    o.push("## The model", "", md(INTRO_MODEL), "");
    if (m.note !== undefined) o.push(`*Note: ${md(m.note)}*`, "");
    o.push(`${m.decisionMakers.length} decision makers, ${plural(m.optionCount, "option")}, ${plural(m.stateCount, "feasible state")}.`, "");
    o.push("### Who decides what", "");
    for (const dm of m.decisionMakers) {
      o.push(`#### ${md(dm.name)}${dm.actor !== undefined && dm.actor !== dm.name ? ` (stands for ${md(dm.actor)})` : ""}`, "");
      if (dm.note !== undefined) o.push(`*Note: ${md(dm.note)}*`, "");
      if (dm.evidence.length) o.push(...evidence(dm.evidence, ""), "");
      o.push("##### Options it controls", "");
      for (const opt of dm.options) {
        o.push(`- ${md(opt.label)} \`${opt.id}\`${opt.oneWay !== undefined ? ` (${ONE_WAY_WORDS[opt.oneWay]})` : ""}${note(opt.note)}`, ...evidence(opt.evidence, "  "));
      }
      o.push("");
      if (dm.preferences.kind === "priorities") {
        o.push("##### What it wants, most important first", "");
        for (const p of dm.preferences.statements) o.push(`${p.rank}. <a id="${priorityAnchor(dm.id, p.rank)}"></a>${md(p.words)} \`${p.text.replace(/`/g, "'")}\`${p.estimate ? " *(estimate)*" : ""}${note(p.note)}`, ...evidence(p.evidence, "   "));
      } else {
        o.push("##### Its ranking of the states, most preferred first", "");
        dm.preferences.levels.forEach((level, k) => o.push(`${k + 1}. ${level.length === 1 ? `state ${level[0]}` : `states ${level.join(", ")} (tied)`}`));
      }
      o.push("");
    }
    o.push("### What cannot happen together (feasibility)", "");
    if (m.conditions.length === 0) o.push("Every combination of options is possible.");
    for (const c of m.conditions) o.push(`- ${md(c.words)} \`${c.text.replace(/`/g, "'")}\`${note(c.note)}`, ...evidence(c.evidence, "  "));
    o.push("", "### Today's situation (the status quo)", "");
    if (!m.statusQuo) o.push("The model gives no status quo.", "");
    else {
      o.push(`Today's state is state ${m.statusQuo.state}: ${md(choicesWords(m.statusQuo.choices))}.${note(m.statusQuo.note)}`, "");
      if (m.statusQuo.evidence.length) o.push(...evidence(m.statusQuo.evidence, ""), "");
    }
    if (m.targets.length) {
      o.push("### The named outcomes", "");
      for (const t of m.targets) o.push(`- **${md(t.label)}** \`${t.pattern.replace(/`/g, "'")}\` — ${countWords(t.matching, "feasible state")}.${note(t.note)}`, ...evidence(t.evidence, "  "));
      o.push("");
    }
    o.push("### Which judgements are estimates", "");
    const est = data.brief.estimates;
    if (est.length === 0) o.push("No preference statement is marked as a modeller's estimate.", "");
    else o.push(...est.map((p) => `- [${md(p.dm)}, statement ${p.position}](#${p.anchor}): ${md(p.words)}`), "");
  }

  if (data.mediation) o.push(...mediationMarkdown(data.mediation, files.mediation ?? {}, cites));

  if (data.analysis) {
    const a = data.analysis;
    o.push("## The analysis in detail", "", "For specialists: the solution concepts, state numbers and tables behind the brief.", "");
    o.push("### Stable outcomes (equilibria)", "", md(INTRO_EQUILIBRIA), "");
    o.push(table(["Concept", "A state is stable for a decision maker when…", "Equilibria"], a.concepts.map((c) => [`${c.label} (${c.name})`, md(c.meaning), numberList(c.equilibria, 60)])), "");
    if (a.equilibriaTotal === 0) o.push("No state is an equilibrium under any concept: every state gives someone a reason to move.", "");
    else o.push(`#### What the ${countWords(a.equilibriaTotal, "equilibrium", "equilibria")} have in common`, "");
    for (const g of a.groups) {
      const by = g.byConcept.filter((c) => c.count > 0).map((c) => `${CONCEPT_LABELS[c.concept]} ${c.count}`).join(", ");
      const taken = g.pattern.filter((p) => p.taken).map((p) => `${md(p.dm)}: ${md(p.label)}`);
      const not = g.pattern.filter((p) => !p.taken).map((p) => `${md(p.dm)}: ${md(p.label)}`);
      const split = g.split.map((x) => `${x.taken ? "with" : "without"} “${md(x.label)}”`).join(", ");
      o.push(`- **${md(g.title)}${split ? ` (${split})` : ""}: ${countWords(g.count, "equilibrium", "equilibria")}** (${by}${g.statusQuo ? "; the status quo among them" : ""}${g.reachable.length ? `; ${g.reachable.length} reachable from the status quo` : ""}).${taken.length ? ` In all of them: ${taken.join("; ")}.` : ""}${not.length ? ` In none of them: ${not.join("; ")}.` : ""} States: ${numberList(g.states, 40)}${g.count > g.states.length ? ` (${g.count} in all)` : ""}.`);
    }
    if (a.groups.length) o.push("");
    for (const e of a.equilibria) {
      o.push(`#### State ${e.state} (${e.concepts.map((c) => CONCEPT_LABELS[c]).join(", ")}${e.statusQuo ? "; the status quo" : ""})`, "", md(e.reading), "", choicesTable(e.choices, e.ranks), "");
    }
    if (a.equilibriaTotal > a.equilibria.length) o.push(`${a.equilibriaTotal - a.equilibria.length} more equilibria are not described here; the table above lists them all.`, "");

    const sq = a.statusQuo;
    if (!sq) o.push("### The status quo", "", "The model gives no status quo, so there is nothing to explain and no picture of moves from it.", "");
    else {
      o.push(`### ${sq.equilibriumUnder.length > 0 ? "Why the status quo persists" : "Why the status quo does not hold"}`, "", md(sq.reading), "");
      for (const st of sq.stability) {
        o.push(`#### ${md(st.dm)} (ranks the status quo ${st.rank} of ${st.levels})`, "");
        for (const x of groupExplanations(st.explanations)) {
          const lines = x.body.split("\n");
          o.push(`- **${x.concepts.map((c) => CONCEPT_LABELS[c]).join(", ")}: ${x.stable ? "stable" : "not stable"}.** ${lines.filter((l) => !l.startsWith("- ")).map(md).join(" ")}`);
          for (const l of lines.filter((l) => l.startsWith("- "))) o.push(`  - ${md(l.slice(2))}`);
        }
        o.push("");
      }
      if (sq.statesNamed.length > 0) {
        o.push("#### The states named above", "", table(["State", "What each decision maker does"], sq.statesNamed.map((s) => [String(s.state), md(choicesWords(s.choices))])), "");
      }
      o.push("#### Where the conflict can move from here", "");
      o.push(`Moving one decision maker at a time, each move improving the mover's position, the conflict can reach ${plural(sq.reachableCount - 1, "other state")} from the status quo.`, "");
      for (const r of sq.reachable) {
        const reached = r.equilibria.map((e) => (e.distance === 0 ? `state ${e.state} (the status quo itself)` : `state ${e.state}, ${plural(e.distance, "move")}: ${e.path.map(moveWords).join(", then ")}`));
        o.push(`- **${CONCEPT_LABELS[r.concept]}**: ${reached.length ? `reachable equilibria: ${md(reached.join("; "))}` : "no equilibrium is reachable"}.${r.unreachable.length ? ` Not reachable: ${unreachableWords(r.unreachable)}.` : ""}`);
      }
      o.push("");
      const g = data.moveGraph;
      if (g && files.moves !== undefined) {
        o.push(`![States around the status quo and the moves between them](${files.moves})`, "", `*${md(`${INTRO_GRAPH} ${graphCaption(g)}`)}*`, "");
        o.push(table(["State", "Moves from the status quo", "What each decision maker does"], g.nodes.map((n) => [`${n.state}${n.statusQuo ? " (status quo)" : ""}`, String(n.distance), md(choicesWords(n.choices))])), "");
      }
    }
  }

  if (data.settlement) o.push(...settlementReportMarkdown(data.settlement, files.frontier));
  o.push("## Sources", "");
  if (data.sources.length === 0) o.push("The scenario lists no sources.", "");
  else {
    for (const s of data.sources) {
      const addr = s.url !== undefined ? ` <${s.url}>${s.address !== s.url ? ` ${md(s.address!.slice(s.url.length))}` : ""}` : s.address !== undefined ? ` ${md(s.address)}` : "";
      const meta = sourceMeta(s);
      o.push(`${s.n}. <a id="src-${s.id}"></a>**${md(s.title)}**${meta ? `. ${md(meta)}` : ""}.${addr}${s.language !== undefined ? ` \\[${md(s.language)}\\]` : ""}${note(s.note)}`);
    }
    o.push("");
  }
  o.push("---", "", `*Made with Concord from the scenario “${md(data.id)}”. The analysis follows the Graph Model for Conflict Resolution; states are numbered as in gmcr-py.*`, "");
  return o.join("\n");
}
