/** The web workbench's built files from a folder on disk (packages/web/dist), for webApp. */
import { readFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { StaticFiles } from "./web.js";

export function folderFiles(root: string): StaticFiles {
  const base = resolve(root);
  return {
    async read(path) {
      const full = resolve(join(base, path));
      if (full !== base && !full.startsWith(base + sep)) return null;
      try {
        return new Uint8Array(await readFile(full));
      } catch {
        return null;
      }
    },
  };
}
