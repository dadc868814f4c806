/**
 * The one ELK instance the pictures share (elkjs, bundled: no worker, no network),
 * loaded on first use: elkjs is large, and callers that need only the report's data
 * should not pay for it.
 */
import type { ELK as ElkApi } from "elkjs/lib/elk-api.js";

let instance: Promise<ElkApi> | undefined;

export function elk(): Promise<ElkApi> {
  // elkjs is CommonJS: under Node's ESM interop the default import is module.exports,
  // which is the constructor and carries itself as `.default`; bundlers agree on `.default`.
  instance ??= import("elkjs/lib/elk.bundled.js").then((m) => new m.default.default());
  return instance;
}
