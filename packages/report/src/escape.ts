/** Escaping of user text (everything from the scenario is user data). */

/** Text for HTML and SVG element content and quoted attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/**
 * Text for Markdown inline content (GitHub-flavoured): folds line breaks and
 * backslash-escapes what could start emphasis, code, a link, an image, a table cell,
 * strikethrough or raw HTML anywhere, and a block (heading, list, quote) at the start,
 * so user text can never turn into markup.
 */
export function escapeMarkdown(text: string): string {
  const one = text.replace(/\s*\n\s*/g, " ").trim();
  const inline = one.replace(/[\\`*_[\]|~<>&!]/g, (c) => (c === "<" ? "&lt;" : c === ">" ? "&gt;" : c === "&" ? "&amp;" : `\\${c}`));
  return inline.replace(/^([#+=-]|\d+(?=[.)]))/, (m) => (m.length === 1 && !/\d/.test(m) ? `\\${m}` : `${m}\\`));
}
