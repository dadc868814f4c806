/**
 * The picture of paths as SVG: today, where moves lead and the named outcomes, with
 * the steps between them. ELK's layered algorithm places the boxes left to right
 * (today first) and routes the steps with their labels; a step a party would rather
 * not take is dashed, marked ✕ and labelled with who blocks it and why. No state
 * numbers: boxes say how each outcome differs from today. Light and dark mode.
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { elk } from "./elk.js";
import { escapeXml } from "./escape.js";
import { HOLD_WORDS } from "./phrases.js";
import { dmClass, dmColourCss, dmDash, px, textWidth, wrapText } from "./palette.js";
import type { HoldLevel, PathsGraph } from "./types.js";

const FONT = 11;
const LINE = 14;
const PAD = 7;
const BOX = 210;
const LABEL_WIDTH = 130;

const HOLD_TAG: Record<HoldLevel, string> = {
  firm: `✓ ${HOLD_WORDS.firm}`,
  deterred: `✓ ${HOLD_WORDS.deterred}`,
  threat: `~ ${HOLD_WORDS.threat}`,
  none: `✗ ${HOLD_WORDS.none}`,
};

interface Box {
  readonly state: number;
  readonly title: string[];
  readonly body: string[];
  readonly tag: string;
  readonly height: number;
}

function box(n: PathsGraph["nodes"][number]): Box {
  const title = n.title ? wrapText(n.title, BOX - 2 * PAD, FONT, true) : [];
  const body = n.lines.length ? n.lines.flatMap((l) => wrapText(`${n.today ? "" : "• "}${l}`, BOX - 2 * PAD, FONT)) : ["(the same as today)"];
  const tag = n.today ? `Today: ${HOLD_TAG[n.holds].replace(/^[✓✗~] /, "")}` : HOLD_TAG[n.holds];
  return { state: n.state, title, body, tag, height: (title.length + body.length + 1) * LINE + 2 * PAD + 4 };
}

/** A step between two drawn boxes: one move, or a run of improving moves through boxes not drawn. */
interface Step {
  readonly from: number;
  readonly to: number;
  readonly dm: number;
  readonly blocked: boolean;
  readonly movers: readonly string[];
  readonly words: readonly string[];
  readonly why?: string;
  readonly estimate: boolean;
}

/**
 * Keeps today, every titled box and both ends of every blocked step; a run of
 * improving moves through other states becomes one step naming its movers in order,
 * so long chains do not stretch the picture.
 */
export function compress(g: PathsGraph): { nodes: PathsGraph["nodes"]; steps: Step[] } {
  const keep = new Set(g.nodes.filter((n) => n.today || n.title !== "").map((n) => n.state));
  for (const e of g.edges) if (e.blocked) { keep.add(e.from); keep.add(e.to); }
  const out = new Map(g.edges.map((e) => [e.from, [] as PathsGraph["edges"][number][]]));
  for (const e of g.edges) out.get(e.from)!.push(e);
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const e of g.edges) {
    if (!keep.has(e.from)) continue;
    if (e.blocked) {
      steps.push({ from: e.from, to: e.to, dm: e.dm, blocked: true, movers: [e.by], words: [e.words], ...(e.why !== undefined ? { why: e.why } : {}), estimate: e.estimate });
      continue;
    }
    // Follow improving moves until a kept box.
    const movers = [e.by];
    const words = [e.words];
    let at = e.to;
    const visited = new Set([e.from]);
    while (!keep.has(at) && !visited.has(at)) {
      visited.add(at);
      const next = out.get(at)?.find((x) => !x.blocked);
      if (!next) break;
      if (movers[movers.length - 1] !== next.by) movers.push(next.by);
      words.push(next.words);
      at = next.to;
    }
    keep.add(at);
    const key = `${e.from}>${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    steps.push({ from: e.from, to: at, dm: e.dm, blocked: false, movers, words, estimate: false });
  }
  return { nodes: g.nodes.filter((n) => keep.has(n.state)), steps };
}

function edgeLabel(e: Step): string[] {
  const text = e.blocked
    ? `✕ ${e.movers[0]} would rather not${e.estimate ? " (its priority here is an estimate)" : ""}`
    : `${e.movers.join(", then ")} ${e.words.length === 1 ? "moves" : `(${e.words.length} moves)`}`;
  return wrapText(text, LABEL_WIDTH, FONT - 1);
}

async function layout(nodes: PathsGraph["nodes"], steps: readonly Step[], labels: readonly string[][], boxes: ReadonlyMap<number, Box>, direction: "DOWN" | "RIGHT"): Promise<ElkNode> {
  return elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": direction,
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.spacing.nodeNode": "22",
      "elk.layered.spacing.nodeNodeBetweenLayers": "30",
      "elk.spacing.edgeLabel": "4",
      "elk.edgeLabels.inline": "false",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.randomSeed": "1",
    },
    children: nodes.map((n) => ({ id: `s${n.state}`, width: BOX, height: boxes.get(n.state)!.height })),
    edges: steps.map((e, i): ElkExtendedEdge => ({
      id: `e${i}`,
      sources: [`s${e.from}`],
      targets: [`s${e.to}`],
      labels: [{ id: `l${i}`, text: labels[i]!.join(" "), width: Math.ceil(Math.max(...labels[i]!.map((l) => textWidth(l, FONT - 1)))) + 4, height: labels[i]!.length * (LINE - 1) + 2 }],
    })),
  });
}

/** The SVG, or undefined when there is only today to draw. `idPrefix` keeps marker ids unique in a page. */
export async function pathsSvg(g: PathsGraph, idPrefix = "pg"): Promise<string | undefined> {
  if (g.nodes.length < 2) return undefined;
  const { nodes: shown, steps } = compress(g);
  const boxes = new Map(shown.map((n) => [n.state, box(n)]));
  const labels = steps.map(edgeLabel);
  // Top to bottom or left to right, whichever shows larger on a page about 940 pixels wide.
  const down = await layout(shown, steps, labels, boxes, "DOWN");
  const right = await layout(shown, steps, labels, boxes, "RIGHT");
  const scale = (l: ElkNode): number => Math.min(1, 940 / Math.max(1, l.width ?? 0), 1100 / Math.max(1, l.height ?? 0));
  const out = scale(right) > scale(down) ? right : down;
  const legendH = 26;
  const width = Math.max(out.width ?? 0, 520);
  const height = (out.height ?? 0) + legendH;

  const markers = [
    ...g.decisionMakers.map((_, d) => `<marker id="${idPrefix}-arrow-${d}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="${dmClass(d, "fill")}" d="M0,0L10,5L0,10z"/></marker>`),
    `<marker id="${idPrefix}-blocked" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="pg-blocked-fill" d="M0,0L10,5L0,10z"/></marker>`,
  ];
  const edges = (out.edges ?? []).map((e, i) => {
    const ge = steps[i]!;
    const pts = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    const d = pts.map((p, k) => `${k === 0 ? "M" : "L"}${px(p.x)},${px(p.y + legendH)}`).join("");
    const dash = ge.blocked ? "5 4" : dmDash(ge.dm);
    const cls = ge.blocked ? "pg-edge pg-blocked" : `pg-edge ${dmClass(ge.dm)}`;
    const marker = ge.blocked ? `${idPrefix}-blocked` : `${idPrefix}-arrow-${ge.dm}`;
    const l = e.labels?.[0];
    const text = l
      ? labels[i]!.map((t, k) => `<text class="pg-label${ge.blocked ? " pg-label-blocked" : ""}" x="${px((l.x ?? 0) + 2)}" y="${px((l.y ?? 0) + legendH + (k + 1) * (LINE - 1) - 2)}">${escapeXml(t)}</text>`).join("")
      : "";
    const title = ge.blocked
      ? `Blocked step: ${ge.words[0]} — ${ge.movers[0]} would rather not${ge.why ? ` (${ge.why}${ge.estimate ? ", a modeller's estimate" : ""})` : ""}`
      : `${ge.words.length === 1 ? "A move that improves the mover's position" : "Moves that each improve the mover's position"}: ${ge.words.join(", then ")}`;
    return `<g class="pg-step" data-from="${ge.from}" data-to="${ge.to}" data-blocked="${ge.blocked}"><title>${escapeXml(title)}</title><path class="${cls}" d="${d}" fill="none" stroke-width="${ge.blocked ? 2 : 1.8}"${dash ? ` stroke-dasharray="${dash}"` : ""} marker-end="url(#${marker})"/>${text}</g>`;
  });
  const nodes = (out.children ?? []).map((c) => {
    const state = Number(c.id.slice(1));
    const n = shown.find((x) => x.state === state)!;
    const b = boxes.get(state)!;
    const x = c.x ?? 0;
    const y = (c.y ?? 0) + legendH;
    const cls = ["pg-box", n.today ? "pg-today" : "", n.holds === "firm" || n.holds === "deterred" ? "pg-holds" : n.holds === "none" ? "pg-falls" : "pg-threat"].filter((t) => t !== "").join(" ");
    let ty = y + PAD;
    const lines: string[] = [];
    for (const t of b.title) { ty += LINE; lines.push(`<text x="${px(x + PAD)}" y="${px(ty - 3)}" font-weight="bold">${escapeXml(t)}</text>`); }
    for (const t of b.body) { ty += LINE; lines.push(`<text x="${px(x + PAD)}" y="${px(ty - 3)}">${escapeXml(t)}</text>`); }
    ty += LINE + 4;
    lines.push(`<text class="pg-tag" x="${px(x + PAD)}" y="${px(ty - 3)}">${escapeXml(b.tag)}</text>`);
    const alt = `${n.title || "On the way"}: ${n.today ? "" : "compared with today, "}${n.lines.join("; ") || "the same as today"}. ${b.tag.replace(/^[✓✗~] /, "")}.`;
    return `<g class="pg-node" data-state="${state}"><title>${escapeXml(alt)}</title><rect class="${cls}" x="${px(x)}" y="${px(y)}" width="${px(c.width ?? BOX)}" height="${px(c.height ?? b.height)}" rx="5"/>${lines.join("")}</g>`;
  });
  // Legend: a move that improves the mover's position (coloured by mover), a blocked step.
  const legend = [
    `<line class="pg-edge ${dmClass(0)}" x1="4" y1="10" x2="34" y2="10" stroke-width="1.8" marker-end="url(#${idPrefix}-arrow-0)"/><text x="40" y="14">a move that improves the mover's position (colour: who moves)</text>`,
    `<line class="pg-edge pg-blocked" x1="${px(4 + 400)}" y1="10" x2="${px(34 + 400)}" y2="10" stroke-width="2" stroke-dasharray="5 4" marker-end="url(#${idPrefix}-blocked)"/><text x="${px(440)}" y="14">✕ a step the mover would rather not take</text>`,
  ];
  const summary = steps.filter((e) => e.blocked).map((e) => `${e.movers[0]} would rather not: ${e.words[0]}`);
  const aria = `Paths from today's situation to where moves lead and to the named outcomes${summary.length ? `; blocked steps: ${summary.join("; ")}` : ""}`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="paths-graph" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="${escapeXml(aria)}" font-family="sans-serif" font-size="${FONT}">`,
    `<style>${PATHS_CSS}${dmColourCss(".paths-graph", g.decisionMakers.length)}</style>`,
    `<defs>${markers.join("")}</defs>`,
    `<g class="legend">${legend.join("")}</g>`,
    `<g class="edges">${edges.join("")}</g>`,
    `<g class="nodes">${nodes.join("")}</g>`,
    `</svg>`,
  ].join("\n");
}

const PATHS_CSS =
  ".paths-graph text{fill:#1b1b1b}.paths-graph .pg-box{fill:#fff;stroke:#777;stroke-width:1}.paths-graph .pg-holds{fill:#e6f4e4;stroke:#2e7d32}.paths-graph .pg-falls{fill:#fdecea;stroke:#b71c1c}.paths-graph .pg-threat{fill:#fff6e0;stroke:#a66a00}" +
  ".paths-graph .pg-today{stroke:#000;stroke-width:3}.paths-graph .pg-tag{font-style:italic}.paths-graph .pg-blocked{stroke:#b71c1c}.paths-graph .pg-blocked-fill{fill:#b71c1c}.paths-graph .pg-label{fill:#333}.paths-graph .pg-label-blocked{fill:#b71c1c}" +
  "@media (prefers-color-scheme:dark){.paths-graph text{fill:#e8e8e8}.paths-graph .pg-box{fill:#1d1f21;stroke:#9aa0a6}.paths-graph .pg-holds{fill:#1c3520;stroke:#66bb6a}.paths-graph .pg-falls{fill:#3a1d1b;stroke:#ef9a9a}.paths-graph .pg-threat{fill:#3a2f12;stroke:#f5b942}" +
  ".paths-graph .pg-today{stroke:#f5f5f5}.paths-graph .pg-blocked{stroke:#ef9a9a}.paths-graph .pg-blocked-fill{fill:#ef9a9a}.paths-graph .pg-label{fill:#cfcfcf}.paths-graph .pg-label-blocked{fill:#ef9a9a}}";
