/**
 * Colours of decision makers in pictures: the Okabe–Ito palette, which readers with
 * any common colour-vision deficiency can tell apart, minus its yellow (too pale on
 * white); past seven, colours repeat with a dash pattern.
 */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"] as const;
const DASHES = ["", "6 3", "2 3", "8 3 2 3"] as const;

export function dmColour(dm: number): string {
  return COLOURS[dm % COLOURS.length]!;
}

/** The stroke-dasharray for a decision maker's edges ("" = solid). */
export function dmDash(dm: number): string {
  return DASHES[Math.floor(dm / COLOURS.length) % DASHES.length]!;
}

/** Width of a text line in pixels, estimated (there is no DOM to measure it): 0.6 em per character is about right for sans-serif. */
export function textWidth(text: string, fontSize: number): number {
  return [...text].length * fontSize * 0.6;
}

/** Coordinates to one decimal, so output does not depend on floating-point noise. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}
