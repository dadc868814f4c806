/**
 * Colours and text metrics for the pictures. Decision makers get the Okabe–Ito
 * palette, which readers with any common colour-vision deficiency can tell apart,
 * minus its yellow (too pale on white); past seven, colours repeat with a dash
 * pattern. Every colour has a lighter twin for dark mode: pictures carry both, as CSS
 * classes switched by `prefers-color-scheme`.
 */
const COLOURS = ["#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000"] as const;
const DARK = ["#5AAEE8", "#FF8A4C", "#33CC99", "#E8A0C8", "#F5B942", "#8FD0F5", "#EEEEEE"] as const;
const DASHES = ["", "6 3", "2 3", "8 3 2 3"] as const;

export function dmColour(dm: number): string {
  return COLOURS[dm % COLOURS.length]!;
}

/** The stroke-dasharray for a decision maker's edges ("" = solid). */
export function dmDash(dm: number): string {
  return DASHES[Math.floor(dm / COLOURS.length) % DASHES.length]!;
}

/**
 * CSS for decision makers' colours, scoped to one kind of picture: `.dm-k` strokes
 * and `.dm-fill-k` fills, light and dark.
 */
export function dmColourCss(scope: string, count: number): string {
  const n = Math.min(count, COLOURS.length);
  const rules = (palette: readonly string[]): string =>
    Array.from({ length: n }, (_, k) => `${scope} .dm-${k}{stroke:${palette[k]}}${scope} .dm-fill-${k}{fill:${palette[k]}}`).join("");
  return `${rules(COLOURS)}@media (prefers-color-scheme:dark){${rules(DARK)}}`;
}

/** The class of decision maker `dm`'s colour (colours repeat past seven; dmDash tells them apart). */
export function dmClass(dm: number, kind: "stroke" | "fill" = "stroke"): string {
  return `${kind === "fill" ? "dm-fill-" : "dm-"}${dm % COLOURS.length}`;
}

// Advance widths of printable ASCII (space to ~) in hundredths of an em: the larger of
// DejaVu Sans and Liberation Sans (Arial's metrics), the widest common sans-serif
// fonts, so labels placed with these widths do not collide on a reader's screen.
const WIDTHS = [
  32, 40, 46, 84, 64, 95, 78, 27, 39, 39, 50, 84, 32, 36, 32, 34, 64, 64, 64, 64, 64, 64, 64, 64, 64, 64, 34, 34, 84, 84, 84, 56, 102,
  68, 69, 72, 77, 67, 61, 78, 75, 29, 50, 67, 56, 86, 75, 79, 67, 79, 72, 67, 61, 73, 68, 99, 69, 67, 69, 39, 34, 39, 84, 56, 50,
  61, 63, 55, 63, 62, 35, 63, 63, 28, 28, 58, 28, 97, 63, 61, 63, 63, 41, 52, 39, 63, 59, 82, 59, 59, 52, 64, 34, 64, 84,
] as const;

/** Width of a text line in pixels, estimated from font metrics (there is no DOM to measure it); bold is about 10% wider. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += c >= 32 && c < 127 ? WIDTHS[c - 32]! : ch === "—" || ch === "…" ? 100 : 70;
  }
  return (w / 100) * fontSize * (bold ? 1.1 : 1);
}

/** Coordinates to one decimal, so output does not depend on floating-point noise. */
export function px(n: number): string {
  return String(Math.round(n * 10) / 10);
}

/** Breaks text into lines of at most `width` pixels, at spaces (a longer word gets a line of its own). */
export function wrapText(text: string, width: number, fontSize: number, bold = false): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.replace(/\s+/g, " ").trim().split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && textWidth(next, fontSize, bold) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
