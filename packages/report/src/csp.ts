/**
 * A strict Content-Security-Policy for the report's HTML, as a second line behind
 * escaping: the page may load nothing (no scripts, fonts, images, frames or
 * connections from anywhere) and may apply only the stylesheets it embeds, each
 * allowed by its SHA-256 hash. Injected markup could neither run nor phone home.
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { utf8ToBytes } from "@noble/hashes/utils.js";

const STYLE = /<style>([\s\S]*?)<\/style>/g;

/** The policy for a page whose only active content is these inline stylesheets. */
export function contentSecurityPolicy(styles: readonly string[]): string {
  const hashes = [...new Set(styles)].map((css) => `'sha256-${base64(sha256(utf8ToBytes(css)))}'`);
  return ["default-src 'none'", `style-src ${hashes.length > 0 ? hashes.join(" ") : "'none'"}`, "img-src data:", "base-uri 'none'", "form-action 'none'"].join("; ");
}

/** The page with the policy as a `<meta>` right after its charset, covering every `<style>` it holds. */
export function withContentSecurityPolicy(html: string): string {
  const styles = [...html.matchAll(STYLE)].map((m) => m[1]!);
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(styles)}">`;
  return html.replace('<meta charset="utf-8">', `<meta charset="utf-8">\n${meta}`);
}

function base64(bytes: Uint8Array): string {
  const abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += abc[(n >> 18) & 63]! + abc[(n >> 12) & 63]! + (i + 1 < bytes.length ? abc[(n >> 6) & 63]! : "=") + (i + 2 < bytes.length ? abc[n & 63]! : "=");
  }
  return out;
}
