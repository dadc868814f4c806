/**
 * The picture of moves around the status quo as SVG. ELK's layered algorithm places
 * the states and routes the moves (orthogonal edges); this file only draws what ELK
 * returns. ELK is deterministic for the same graph (fixed random seed).
 */
import type { ElkExtendedEdge, ElkNode } from "elkjs/lib/elk-api.js";
import { CONCEPT_LABELS, changeText } from "@concord/core";
import { escapeXml } from "./escape.js";
import { elk } from "./elk.js";
import { dmClass, dmColourCss, dmDash, px, textWidth } from "./palette.js";
import type { MoveGraph, MoveGraphNode } from "./types.js";
import { clip } from "./words.js";

const FONT = 11;
const LINE = 14;
const PAD = 6;
const NODE_CHARS = 46;
const NODE_WIDTH = Math.ceil(textWidth("x".repeat(NODE_CHARS), FONT)) + 2 * PAD;

/**
 * The lines of text in a state's box: the status quo says what every decision maker
 * does; every other state says only how it differs from the status quo, which is
 * what a reader compares (the table under the picture has the whole of each state).
 */
export function nodeLines(n: MoveGraphNode, sq: MoveGraphNode | undefined): string[] {
  const tags = [n.statusQuo ? "status quo" : "", n.equilibriumUnder.length ? `eq. ${n.equilibriumUnder.map((c) => CONCEPT_LABELS[c]).join(" ")}` : ""].filter((t) => t !== "");
  const head = `State ${n.state}${tags.length ? ` · ${tags.join(" · ")}` : ""}`;
  if (n.statusQuo || !sq) {
    return [head, ...n.choices.flatMap((c) => (c.takes.length ? c.takes.map((t) => clip(`${c.dm}: ${t}`, NODE_CHARS)) : [clip(`${c.dm}: —`, NODE_CHARS)]))];
  }
  const lines: string[] = [];
  n.choices.forEach((c, d) => {
    const before = new Set(sq.choices[d]!.takes);
    const now = new Set(c.takes);
    for (const t of c.takes) if (!before.has(t)) lines.push(clip(`+ ${c.dm}: ${t}`, NODE_CHARS));
    for (const t of sq.choices[d]!.takes) if (!now.has(t)) lines.push(clip(`− ${c.dm}: ${t}`, NODE_CHARS));
  });
  return [head, ...lines];
}

/** A laid-out node: its box, from ELK. */
export interface PlacedNode {
  readonly state: number;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface MoveGraphLayout {
  readonly width: number;
  readonly height: number;
  readonly direction: "RIGHT" | "DOWN";
  readonly nodes: readonly PlacedNode[];
  readonly edges: readonly { readonly from: number; readonly to: number; readonly dm: number; readonly points: readonly { x: number; y: number }[] }[];
}

function sqOf(g: MoveGraph): MoveGraphNode | undefined {
  return g.nodes.find((n) => n.statusQuo);
}

async function layoutIn(g: MoveGraph, direction: "RIGHT" | "DOWN"): Promise<MoveGraphLayout> {
  const graph: ElkNode = {
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": direction,
      "elk.edgeRouting": "ORTHOGONAL",
      "elk.spacing.nodeNode": "18",
      "elk.layered.spacing.nodeNodeBetweenLayers": "36",
      "elk.spacing.edgeEdge": "6",
      "elk.layered.spacing.edgeNodeBetweenLayers": "12",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      "elk.randomSeed": "1",
    },
    children: g.nodes.map((n) => ({ id: `s${n.state}`, width: NODE_WIDTH, height: nodeLines(n, sqOf(g)).length * LINE + 2 * PAD })),
    edges: g.edges.map((e, i): ElkExtendedEdge => ({ id: `e${i}`, sources: [`s${e.from}`], targets: [`s${e.to}`] })),
  };
  const out = await (await elk()).layout(graph);
  const nodes = (out.children ?? []).map((c) => ({ state: Number(c.id.slice(1)), x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 }));
  const edges = (out.edges ?? []).map((e, i) => {
    const src = g.edges[i]!;
    const points = (e.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    return { from: src.from, to: src.to, dm: src.dm, points };
  });
  return { width: out.width ?? 0, height: out.height ?? 0, direction, nodes, edges };
}

/**
 * Lays the graph out left to right and top to bottom and keeps the one that shows
 * larger on a page of about 900 × 1200 pixels.
 */
export async function layoutMoveGraph(g: MoveGraph): Promise<MoveGraphLayout> {
  const right = await layoutIn(g, "RIGHT");
  const down = await layoutIn(g, "DOWN");
  const scale = (l: MoveGraphLayout): number => Math.min(1, 900 / Math.max(1, l.width), 1200 / Math.max(1, l.height));
  return scale(down) > scale(right) ? down : right;
}

const MOVE_GRAPH_CSS =
  ".move-graph .state{fill:#fff;stroke:#555;stroke-width:1}.move-graph .mg-eq{fill:#e3f2e1;stroke:#2e7d32;stroke-width:1.5}.move-graph .mg-sq{fill:#fff3cd;stroke:#000;stroke-width:3}.move-graph text{fill:#111}" +
  "@media (prefers-color-scheme:dark){.move-graph .state{fill:#1d1f21;stroke:#9aa0a6}.move-graph .mg-eq{fill:#1c3520;stroke:#66bb6a}.move-graph .mg-sq{fill:#3d3410;stroke:#f5f5f5}.move-graph text{fill:#e8e8e8}}";

/** The SVG of the graph, with a legend of decision makers' colours. `idPrefix` keeps marker ids unique in a page. */
export async function moveGraphSvg(g: MoveGraph, idPrefix = "mg"): Promise<string> {
  const layout = await layoutMoveGraph(g);
  const byState = new Map(g.nodes.map((n) => [n.state, n]));
  const legendItems = [
    ...g.decisionMakers.map((name, d) => ({ kind: "dm" as const, d, text: `move by ${name}` })),
    { kind: "sq" as const, d: -1, text: "status quo" },
    { kind: "eq" as const, d: -1, text: "equilibrium" },
  ];
  // Legend: items flow in rows across the picture's width.
  const width = Math.max(layout.width, 480);
  const legend: string[] = [];
  let lx = 4;
  let ly = 0;
  for (const item of legendItems) {
    const w = 34 + textWidth(item.text, FONT) + 16;
    if (lx > 4 && lx + w > width) { lx = 4; ly += LINE + 6; }
    const y = ly + LINE / 2;
    if (item.kind === "dm") {
      const dash = dmDash(item.d);
      legend.push(`<line class="${dmClass(item.d)}" x1="${px(lx)}" y1="${px(y)}" x2="${px(lx + 28)}" y2="${px(y)}" stroke-width="2"${dash ? ` stroke-dasharray="${dash}"` : ""} marker-end="url(#${idPrefix}-arrow-${item.d})"/>`);
    } else {
      legend.push(`<rect x="${px(lx + 4)}" y="${px(ly + 1)}" width="22" height="${LINE - 2}" rx="3" class="${item.kind === "sq" ? "mg-sq" : "mg-eq"}"/>`);
    }
    legend.push(`<text x="${px(lx + 34)}" y="${px(y + 4)}">${escapeXml(item.text)}</text>`);
    lx += w;
  }
  const top = ly + LINE + 14;
  const height = top + layout.height;

  const markers = g.decisionMakers.map(
    (_, d) => `<marker id="${idPrefix}-arrow-${d}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="${dmClass(d, "fill")}" d="M0,0L10,5L0,10z"/></marker>`,
  );
  const edges = layout.edges.map((e) => {
    const ge = g.edges.find((x) => x.from === e.from && x.to === e.to)!;
    const d = e.points.map((p, i) => `${i === 0 ? "M" : "L"}${px(p.x)},${px(p.y)}`).join("");
    const dash = dmDash(e.dm);
    const what = `${ge.by}: ${ge.changes.map((c) => changeText(c, (x) => `“${x}”`)).join(", ")} (state ${e.from} → ${e.to})`;
    return `<path class="move ${dmClass(e.dm)}" data-from="${e.from}" data-to="${e.to}" data-dm="${e.dm}" d="${d}" fill="none" stroke-width="1.6"${dash ? ` stroke-dasharray="${dash}"` : ""} marker-end="url(#${idPrefix}-arrow-${e.dm})"><title>${escapeXml(what)}</title></path>`;
  });
  const nodes = layout.nodes.map((p) => {
    const n = byState.get(p.state)!;
    const cls = ["state", n.statusQuo ? "mg-sq" : "", n.equilibriumUnder.length ? "mg-eq" : ""].filter((c) => c !== "").join(" ");
    const lines = nodeLines(n, sqOf(g)).map(
      (t, i) => `<text x="${px(p.x + PAD)}" y="${px(p.y + PAD + (i + 1) * LINE - 3)}"${i === 0 ? ' font-weight="bold"' : ""}>${escapeXml(t)}</text>`,
    );
    const full = `State ${n.state}: ${n.choices.map((c) => `${c.dm}: ${c.takes.length ? c.takes.join("; ") : "none of its options"}`).join(" | ")}`;
    return `<g class="node" data-state="${n.state}"><title>${escapeXml(full)}</title><rect class="${cls}" x="${px(p.x)}" y="${px(p.y)}" width="${px(p.width)}" height="${px(p.height)}" rx="4"/>${lines.join("")}</g>`;
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="move-graph" viewBox="0 0 ${px(width)} ${px(height)}" width="${px(width)}" height="${px(height)}" role="img" aria-label="States around the status quo and the unilateral improvements between them" font-family="sans-serif" font-size="${FONT}">`,
    `<style>${MOVE_GRAPH_CSS}${dmColourCss(".move-graph", g.decisionMakers.length)}</style>`,
    `<defs>${markers.join("")}</defs>`,
    `<g class="legend">${legend.join("")}</g>`,
    `<g transform="translate(0,${px(top)})">`,
    `<g class="edges">${edges.join("")}</g>`,
    `<g class="nodes">${nodes.join("")}</g>`,
    `</g></svg>`,
  ].join("\n");
}
