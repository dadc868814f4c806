/**
 * The shape of the code, read from its import statements:
 * - the folders of packages/core/src depend on each other without a cycle (data flows
 *   one way: format → model → state space → stability; format → record; all → scenario),
 *   and the analyses built on a loaded scenario (mediation, coalition, perception,
 *   settlement) sit on top: no folder imports them;
 * - `concord --version` and `concord validate` never load the report package or ELK:
 *   nothing the CLI imports statically reaches @concord/report (the report use case
 *   loads it with a dynamic import()).
 * - bench/ and test/ reach the packages only through their entry points (the `exports`
 *   of their package.json), never by a relative path into packages/; the benches use the
 *   application layer, except the engine benches, which measure core's engine itself.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const CORE = join(ROOT, "packages/core/src");

/** A workspace package's entry points: its `exports` keys ("." and subpaths such as "./oracles") → the source files they build from. */
function entryPoints(pkg: string): Map<string, string> {
  const dir = join(ROOT, "packages", pkg);
  const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { exports: Record<string, string | { types: string }> };
  return new Map(
    Object.entries(manifest.exports).map(([key, target]) => {
      const file = typeof target === "string" ? target : target.types;
      return [key, join(dir, file.replace(/^\.\/dist\//, "src/").replace(/\.d\.ts$/, ".ts"))];
    }),
  );
}

/** Every .ts file under `dir`, tests left out. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") && !name.endsWith(".test.ts") ? [path] : [];
  });
}

/**
 * The specifiers of a file's static imports and re-exports; dynamic import() is not
 * one. With `runtime`, statements that import only types (erased when compiled) are left out.
 */
function imports(file: string, runtime = false): string[] {
  const text = readFileSync(file, "utf8");
  return [...text.matchAll(/^\s*(import|export)(\s+type)?\b[^'"]*?\bfrom\s+["']([^"']+)["']|^\s*import\s+["']([^"']+)["']/gm)]
    .filter((m) => !(runtime && m[2] !== undefined))
    .map((m) => (m[3] ?? m[4])!);
}

/** A relative specifier (`../dates.js`) → the .ts file it names. */
function resolveRelative(from: string, spec: string): string {
  return resolve(dirname(from), spec.replace(/\.js$/, ".ts"));
}

/** The folder of a core file: its first folder under src, or "." for files at the top. */
function folderOf(file: string): string {
  const parts = relative(CORE, file).split("/");
  return parts.length === 1 ? "." : parts[0]!;
}

/** Strongly connected components with more than one folder: the cycles. */
function cycles(graph: Map<string, Set<string>>): string[][] {
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const out: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index++);
    stack.push(v);
    for (const w of graph.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (stack.includes(w)) low.set(v, Math.min(low.get(v)!, order.get(w)!));
    }
    if (low.get(v) === order.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        component.push(w);
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!order.has(v)) visit(v);
  return out;
}

describe("packages/core/src: folders depend on each other without a cycle", () => {
  const graph = new Map<string, Set<string>>();
  const why = new Map<string, string>();
  // The package's entry points (index.ts, oracles.ts) re-export folders; they are not part of one.
  const entries = new Set(entryPoints("core").values());
  for (const file of sources(CORE).filter((f) => !entries.has(f))) {
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Set());
    for (const spec of imports(file).filter((s) => s.startsWith("."))) {
      const to = folderOf(resolveRelative(file, spec));
      if (to === from) continue;
      graph.get(from)!.add(to);
      why.set(`${from} → ${to}`, relative(CORE, file));
    }
  }

  it("finds the folders and their imports", () => {
    expect([...graph.keys()]).toEqual(expect.arrayContaining([".", "model", "record", "scenario", "stability", "statespace"]));
    expect(graph.get("stability")).toContain("statespace");
  });

  it("has no cycle between folders", () => {
    const found = cycles(graph).map((c) => `${c.join(" ↔ ")} (${c.flatMap((a) => c.filter((b) => graph.get(a)?.has(b)).map((b) => `${a} → ${b} in ${why.get(`${a} → ${b}`)}`)).join("; ")})`);
    expect(found).toEqual([]);
  });

  it("keeps the analyses on top: no folder imports mediation, coalition, perception or settlement", () => {
    const top = ["mediation", "coalition", "perception", "settlement"];
    expect([...graph.keys()]).toEqual(expect.arrayContaining(top));
    const into = [...graph].flatMap(([from, to]) => [...to].filter((t) => top.includes(t)).map((t) => `${from} → ${t} in ${why.get(`${from} → ${t}`)}`));
    expect(into).toEqual([]);
  });

  it("detects a cycle when there is one (the check itself works)", () => {
    const g = new Map([["a", new Set(["b"])], ["b", new Set(["c"])], ["c", new Set(["a"])], ["d", new Set(["a"])]]);
    expect(cycles(g)).toEqual([["a", "b", "c"]]);
  });
});

describe("the CLI's static imports never reach the report package or ELK", () => {
  /** Workspace packages by name → their source entry; the app's and node's sources stand for their dist. */
  const entry = (name: string): string | undefined => {
    const src = join(ROOT, "packages", name.replace("@concord/", ""), "src", "index.ts");
    return existsSync(src) ? src : undefined;
  };

  /** Every file reachable from `start` by static imports, following workspace packages; bare npm names are kept as they are. */
  function reachable(start: string): Set<string> {
    const seen = new Set<string>();
    const todo = [start];
    while (todo.length > 0) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      if (!file.endsWith(".ts")) continue;
      for (const spec of imports(file, true)) {
        if (spec.startsWith(".")) todo.push(resolveRelative(file, spec));
        else if (spec.startsWith("@concord/")) todo.push(entry(spec) ?? spec);
        else seen.add(spec);
      }
    }
    return seen;
  }

  it("main.ts reaches the app, core and commander, but not @concord/report or elkjs", () => {
    const files = reachable(join(ROOT, "packages/cli/src/main.ts"));
    const names = [...files].map((f) => (f.startsWith("/") ? relative(ROOT, f) : f));
    expect(names).toContain("packages/app/src/index.ts");
    expect(names).toContain("packages/core/src/index.ts");
    expect(names).toContain("commander");
    expect(names.filter((n) => n.startsWith("packages/report/") || n.startsWith("elkjs") || n.startsWith("d3-"))).toEqual([]);
  });
});

describe("bench/ and test/ reach the packages only through their entry points", () => {
  const PACKAGES = readdirSync(join(ROOT, "packages"));
  /** Every .ts file under `dir`, tests included. */
  const allTs = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "node_modules" ? [] : allTs(path);
      return name.endsWith(".ts") ? [path] : [];
    });

  /** Why `spec`, imported by `file` (under `top`), is not an entry point; undefined when it is one. */
  function offence(file: string, top: string, spec: string): string | undefined {
    if (spec.startsWith(".")) {
      const target = relative(join(ROOT, top), resolveRelative(file, spec));
      return target.startsWith("..") ? `a relative path out of ${top}/` : undefined;
    }
    const m = /^@concord\/([^/]+)(\/.*)?$/.exec(spec);
    if (m === null) return undefined; // node:* or an npm package
    if (!PACKAGES.includes(m[1]!)) return "no such workspace package";
    return entryPoints(m[1]!).has(`.${m[2] ?? ""}`) ? undefined : `not in the exports of packages/${m[1]}/package.json`;
  }

  const offences = (top: string): string[] =>
    allTs(join(ROOT, top)).flatMap((file) =>
      imports(file).flatMap((spec) => {
        const why = offence(file, top, spec);
        return why === undefined ? [] : [`${relative(ROOT, file)}: ${spec} (${why})`];
      }),
    );

  it("finds the imports it checks, and would catch a path into a package's sources or an internal subpath", () => {
    expect(imports(join(ROOT, "bench/report.ts"))).toContain("@concord/app");
    const bench = join(ROOT, "bench/x.ts");
    expect(offence(bench, "bench", "../packages/storage/src/open.js")).toBe("a relative path out of bench/");
    expect(offence(bench, "bench", "@concord/core/dist/stability/engine.js")).toBe("not in the exports of packages/core/package.json");
    expect(offence(bench, "bench", "@concord/storage/testing")).toBeUndefined();
    expect(offence(bench, "bench", "./figures.js")).toBeUndefined();
  });

  it("bench/ imports only package entry points", () => {
    expect(offences("bench")).toEqual([]);
  });

  it("test/ imports only package entry points", () => {
    expect(offences("test")).toEqual([]);
  });

  it("the benches use the application layer; only the engine benches import @concord/core", () => {
    // case.ts times the engine's phases; mediation.ts times reachability and robustness sampling against the whole analysis.
    const ENGINE_BENCHES = ["bench/case.ts", "bench/mediation.ts"];
    const direct = allTs(join(ROOT, "bench"))
      .map((f) => relative(ROOT, f))
      .filter((f) => imports(join(ROOT, f)).some((s) => s === "@concord/core" || s.startsWith("@concord/core/")));
    expect(direct.filter((f) => !ENGINE_BENCHES.includes(f))).toEqual([]);
    expect(direct).toContain("bench/case.ts");
  });
});
