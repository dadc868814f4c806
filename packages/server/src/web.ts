/**
 * The web workbench's static files (packages/web's build), served to any GET outside
 * /api: a file by its path, else index.html so that the app's own paths (/record,
 * /analysis …) load the app. Every page carries a strict Content-Security-Policy:
 * scripts, styles, fonts and connections from this server only, nothing inline,
 * nothing from the network — the workbench runs off-line and handles confidential
 * material. Where the files come from is behind StaticFiles (a folder, in node-server.ts).
 */
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "./context.js";

/** The built files, by path relative to their folder ("index.html", "assets/index-1a2b.js"). */
export interface StaticFiles {
  read(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Workers (the analysis worker) come from this server too; blob: is not allowed.
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const TYPES: Readonly<Record<string, string>> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  mjs: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
  png: "image/png",
  ico: "image/x-icon",
  json: "application/json",
  woff2: "font/woff2",
  txt: "text/plain; charset=utf-8",
  map: "application/json",
};

const SECURITY_HEADERS = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
};

/** Paths the server answers itself: never the app's index page. */
const SERVER_PATHS = /^\/(api(\/|$)|openapi\.json$)/;

export function webApp(files: StaticFiles): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || SERVER_PATHS.test(c.req.path)) return next();
    const path = safePath(c.req.path);
    if (path === null) return next();
    const asset = path !== "" ? await files.read(path) : null;
    // Hashed build outputs never change: cache them for good; the index page is asked for again each time.
    if (asset) return send(asset, path, path.startsWith("assets/") ? "public, max-age=31536000, immutable" : "no-cache");
    // A missing asset is a 404, not the app (a stale page asking for an old chunk must fail visibly).
    if (path.startsWith("assets/") || /\.[a-z0-9]+$/i.test(path)) return next();
    const index = await files.read("index.html");
    return index ? send(index, "index.html", "no-cache") : next();
  };
}

function send(body: Uint8Array<ArrayBuffer>, path: string, cache: string): Response {
  const ext = /\.([a-z0-9]+)$/i.exec(path)?.[1]?.toLowerCase() ?? "";
  return new Response(body, { status: 200, headers: { "content-type": TYPES[ext] ?? "application/octet-stream", "cache-control": cache, ...SECURITY_HEADERS } });
}

/** The request path as a relative file path, or null when it tries to leave the folder. */
function safePath(requestPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return null;
  }
  const parts = decoded.split("/").filter((p) => p !== "" && p !== ".");
  if (parts.some((p) => p === ".." || p.includes("\\") || p.includes("\0"))) return null;
  return parts.join("/");
}
