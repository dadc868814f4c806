/**
 * Draws a graph of states and moves with cytoscape, laid out by ELK (layered, left to
 * right). This module and its two libraries are a chunk of their own, loaded only when a
 * graph is shown. Shapes as well as colours mark equilibria and today's state, so the
 * picture reads without colour.
 */
import cytoscape, { type Core, type ElementDefinition } from "cytoscape";
import elk from "cytoscape-elk";
import { MOVER_COLOURS } from "./words";

cytoscape.use(elk);

// Cytoscape injects a <style> for its container unless an element with this id exists; the
// strict CSP forbids inline styles, so pages.css carries that rule and this marker stops the injection.
if (!document.getElementById("__________cytoscape_stylesheet")) {
  const marker = document.createElement("meta");
  marker.id = "__________cytoscape_stylesheet";
  document.head.append(marker);
}

export interface GraphNode {
  readonly id: number;
  readonly label: string;
  readonly equilibrium: boolean;
  readonly statusQuo: boolean;
  /** Its column when the graph is too big for ELK: options taken, or moves away from the centre. */
  readonly layer: number;
}

export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  /** Index of the mover among the decision makers (its colour). */
  readonly mover: number;
  /** On the highlighted path. */
  readonly path: boolean;
}

export interface GraphData {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}


/** Graphs with more states than this are laid out in columns, not by ELK. */
export const BIG = 120;

/** Positions in columns by layer, each column centred, states in number order. */
function columns(nodes: readonly GraphNode[]): Map<number, { x: number; y: number }> {
  const byLayer = new Map<number, GraphNode[]>();
  for (const n of nodes) byLayer.set(n.layer, [...(byLayer.get(n.layer) ?? []), n]);
  const out = new Map<number, { x: number; y: number }>();
  for (const [layer, list] of byLayer) list.sort((a, b) => a.id - b.id).forEach((n, k) => out.set(n.id, { x: layer * 260, y: (k - (list.length - 1) / 2) * 40 }));
  return out;
}

export interface Drawn {
  /** Milliseconds from the call to the end of the layout and first draw. */
  readonly ms: number;
  /** Marks the chosen state (no new layout). */
  select(state: number | null): void;
  destroy(): void;
}

export function draw(container: HTMLElement, data: GraphData, onSelect: (state: number) => void): Promise<Drawn> {
  const t0 = performance.now();
  // ELK's layered layout is the clearer picture but takes tens of seconds past a few hundred
  // states; big graphs get columns by layer instead (no crossing minimisation), drawn at once.
  const big = data.nodes.length > BIG;
  const positions = big ? columns(data.nodes) : null;
  const elements: ElementDefinition[] = [
    ...data.nodes.map((n) => ({
      data: { id: `s${n.id}`, label: n.label, state: n.id },
      ...(positions ? { position: positions.get(n.id)! } : {}),
      classes: [n.equilibrium ? "eq" : "", n.statusQuo ? "sq" : ""].filter(Boolean).join(" "),
    })),
    ...data.edges.map((e, k) => ({
      data: { id: `m${k}`, source: `s${e.from}`, target: `s${e.to}`, colour: MOVER_COLOURS[e.mover % MOVER_COLOURS.length]! },
      classes: e.path ? "path" : "",
    })),
  ];
  return new Promise((resolve) => {
    const cy: Core = cytoscape({
      container,
      elements,
      // Plain canvas drawing; no fonts or images from anywhere.
      style: [
        { selector: "node", style: { label: "data(label)", "font-size": 11, "min-zoomed-font-size": 7, "text-valign": "center", "text-halign": "center", width: 30, height: 30, "background-color": "#eceff3", "border-width": 1, "border-color": "#55606e", color: "#111" } },
        { selector: "node.eq", style: { shape: "round-rectangle", "background-color": "#d5efd8", "border-color": "#1b5e20", "border-width": 2 } },
        { selector: "node.sq", style: { shape: "diamond", "border-width": 4, "border-color": "#0d47a1", width: 38, height: 38 } },
        { selector: "node.selected", style: { "background-color": "#ffe0a3", "border-color": "#8a4b00", "border-width": 4 } },
        { selector: "edge", style: { width: 1.2, "line-color": "data(colour)", "target-arrow-color": "data(colour)", "target-arrow-shape": "triangle", "curve-style": big ? "haystack" : "bezier", opacity: big ? 1 : 0.75 } },
        { selector: "edge.path", style: { width: 4, opacity: 1, "z-index": 10 } },
      ],
      layout: { name: "preset" },
      // Big graphs: one pixel per pixel and no edges while panning, to stay responsive.
      ...(big ? { pixelRatio: 1, hideEdgesOnViewport: true, textureOnViewport: true } : {}),
      minZoom: 0.05,
      maxZoom: 3,
    });
    cy.on("tap", "node", (e) => onSelect(Number(e.target.data("state"))));
    const layout = cy.layout(
      big
        ? { name: "preset", fit: true, padding: 16 }
        : ({
            name: "elk",
            nodeDimensionsIncludeLabels: false,
            fit: true,
            padding: 16,
            animate: false,
            elk: { algorithm: "layered", "elk.direction": "RIGHT", "elk.spacing.nodeNode": 14, "elk.layered.spacing.nodeNodeBetweenLayers": 40 },
          } as cytoscape.LayoutOptions),
    );
    const select = (state: number | null): void => {
      cy.$("node.selected").removeClass("selected");
      if (state !== null) cy.$id(`s${state}`).addClass("selected");
    };
    layout.one("layoutstop", () => {
      // The next frame is the first with the laid-out graph on the canvas.
      requestAnimationFrame(() => resolve({ ms: performance.now() - t0, select, destroy: () => cy.destroy() }));
    });
    layout.run();
  });
}
