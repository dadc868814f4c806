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
import { ordinalWords } from "./words.js";

const FONT = 11;
const LINE = 14;
const PAD = 7;
const BOX = 210;
const LABEL_WIDTH = 130;
const LEGEND_MOVE = "a move that improves the mover's position (colour: who moves)";
const LEGEND_BLOCKED = "✕ a step the mover would rather not take";

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
  /** How firmly it holds, wrapped like the rest. */
  readonly tag: string[];
  readonly height: number;
}

function box(n: PathsGraph["nodes"][number]): Box {
  const title = n.title ? wrapText(n.title, BOX - 2 * PAD, FONT, true) : [];
  const body = n.lines.length ? n.lines.flatMap((l) => wrapText(`${n.today ? "" : "• "}${l}`, BOX - 2 * PAD, FONT)) : ["(the same as today)"];
  const tag = wrapText(n.today ? `Today: ${HOLD_TAG[n.holds].replace(/^[✓✗~] /, "")}` : HOLD_TAG[n.holds], BOX - 2 * PAD, FONT);
  return { state: n.state, title, body, tag, height: (title.length + body.length + tag.length) * LINE + 2 * PAD + 4 };
}

/** A step between two drawn boxes: a run of moves through states not drawn. */
interface Step {
  readonly from: number;
  readonly to: number;
  /** The first mover (its colour). */
  readonly dm: number;
  /** Some move of the run is one its mover would rather not take. */
  readonly blocked: boolean;
  /** Movers in order, and the first one that would rather not move. */
  readonly movers: readonly string[];
  readonly blocker?: string;
  readonly words: readonly string[];
  readonly why?: string;
  readonly priority?: number;
  readonly estimate: boolean;
}

/**
 * Keeps today and the titled boxes (where moves lead, each named outcome as it would
 * settle); each run of moves between two of them becomes one step that names its
 * movers in order and, when one of its moves is blocked, who would rather not and why.
 */
export function compress(g: PathsGraph): { nodes: PathsGraph["nodes"]; steps: Step[] } {
  const keep = new Set(g.nodes.filter((n) => n.today || n.title !== "").map((n) => n.state));
  const out = new Map<number, PathsGraph["edges"][number][]>();
  for (const e of g.edges) out.set(e.from, [...(out.get(e.from) ?? []), e]);
  // A state with several ways on (paths part there) is drawn too.
  for (const [from, list] of out) if (list.length > 1) keep.add(from);
  const steps: Step[] = [];
  const seen = new Set<string>();
  for (const first of g.edges) {
    if (!keep.has(first.from)) continue;
    const run = [first];
    let at = first.to;
    while (!keep.has(at)) {
      const next = out.get(at)?.[0];
      if (!next || run.includes(next)) break;
      run.push(next);
      at = next.to;
    }
    keep.add(at);
    const key = `${first.from}>${at}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const blocked = run.find((e) => e.blocked);
    const movers = run.map((e) => e.by).filter((b, i, all) => i === 0 || all[i - 1] !== b);
    steps.push({
      from: first.from,
      to: at,
      dm: (blocked ?? first).dm,
      blocked: blocked !== undefined,
      movers,
      ...(blocked ? { blocker: blocked.by } : {}),
      words: run.map((e) => e.words),
      ...(blocked?.why !== undefined ? { why: blocked.why } : {}),
      ...(blocked?.priority !== undefined ? { priority: blocked.priority } : {}),
      estimate: blocked?.estimate === true,
    });
  }
  return { nodes: g.nodes.filter((n) => keep.has(n.state)), steps };
}

function edgeLabel(e: Step): string[] {
  const more = e.words.length - 1;
  const text = e.blocked
    ? `✕ ${e.blocker} would rather not${e.priority !== undefined ? ` (its ${ordinalWords(e.priority)} priority${e.estimate ? ", an estimate" : ""})` : ""}${more ? `; then ${more} more ${more === 1 ? "move" : "moves"}` : ""}`
    : `${e.movers.join(", then ")} ${e.words.length === 1 ? "moves" : `(${e.words.length} moves)`}`;
  return wrapText(text, LABEL_WIDTH, FONT - 1);
}

async function layout(nodes: PathsGraph["nodes"], steps: readonly Step[], labels: readonly string[][], boxes: ReadonlyMap<number, Box>, direction: "DOWN" | "RIGHT"): Promise<ElkNode> {
  return (await elk()).layout({
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
  // Top to bottom or left to right, whichever shows larger in a box about 940 × 700
  // pixels (a screen, or the width of a printed page and a third of its height).
  const down = await layout(shown, steps, labels, boxes, "DOWN");
  const right = await layout(shown, steps, labels, boxes, "RIGHT");
  const scale = (l: ElkNode): number => Math.min(1, 940 / Math.max(1, l.width ?? 0), 700 / Math.max(1, l.height ?? 0));
  const out = scale(right) > scale(down) ? right : down;
  const width = Math.max(out.width ?? 0, 380);
  // The legend's second item goes under the first when the picture is too narrow for both.
  const secondX = 40 + textWidth(LEGEND_MOVE, FONT) + 24;
  const oneRow = secondX + 40 + textWidth(LEGEND_BLOCKED, FONT) <= width;
  const legendH = oneRow ? 26 : 44;
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
    const title = `${ge.blocked ? `A step ${ge.blocker} would rather not take${ge.why ? ` (${ge.why}${ge.estimate ? ", a modeller's estimate" : ""})` : ""}: ` : ""}${ge.words.join(", then ")}`;
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
    ty += 4;
    for (const t of b.tag) { ty += LINE; lines.push(`<text class="pg-tag" x="${px(x + PAD)}" y="${px(ty - 3)}">${escapeXml(t)}</text>`); }
    const alt = `${n.title || "On the way"}: ${n.today ? "" : "compared with today, "}${n.lines.join("; ") || "the same as today"}. ${b.tag.join(" ").replace(/^[✓✗~] /, "")}.`;
    return `<g class="pg-node" data-state="${state}"><title>${escapeXml(alt)}</title><rect class="${cls}" x="${px(x)}" y="${px(y)}" width="${px(c.width ?? BOX)}" height="${px(c.height ?? b.height)}" rx="5"/>${lines.join("")}</g>`;
  });
  const [sx, sy] = oneRow ? [secondX, 0] : [0, 18];
  const legend = [
    `<line class="pg-edge ${dmClass(0)}" x1="4" y1="10" x2="34" y2="10" stroke-width="1.8" marker-end="url(#${idPrefix}-arrow-0)"/><text x="40" y="14">${escapeXml(LEGEND_MOVE)}</text>`,
    `<line class="pg-edge pg-blocked" x1="${px(sx + 4)}" y1="${10 + sy}" x2="${px(sx + 34)}" y2="${10 + sy}" stroke-width="2" stroke-dasharray="5 4" marker-end="url(#${idPrefix}-blocked)"/><text x="${px(sx + 40)}" y="${14 + sy}">${escapeXml(LEGEND_BLOCKED)}</text>`,
  ];
  const summary = steps.filter((e) => e.blocked).map((e) => `${e.blocker} would rather not (${e.words.join(", then ")})`);
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
