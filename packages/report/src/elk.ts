/** The one ELK instance the pictures share (elkjs, bundled: no worker, no network). */
import ELK from "elkjs/lib/elk.bundled.js";

// elkjs is CommonJS: under Node's ESM interop the default import is module.exports,
// which is the constructor and carries itself as `.default`; bundlers agree on `.default`.
export const elk = new ELK.default();
