/**
 * The README and docs/scenario-format.md say things a reader will copy and run; this
 * checks that they are true:
 *
 * - `<!-- file: PATH -->` before a code block: the block is exactly the file PATH.
 * - `<!-- output: ARGS -->` before a code block: `concord ARGS` prints exactly the block
 *   (run in a copy of the repository's scenarios/ plus the README's example saved as
 *   ceasefire.yaml, as a reader would have it). `…, with A changed to B` runs it on the
 *   file with A replaced by B, which must fail with exit code 2.
 * - Every complete scenario in a YAML block validates, and the claims the format
 *   reference makes about statements, rankings and limits hold.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import {
  MAX_OPTIONS,
  asStateIndex,
  MAX_OPTIONS_PER_DM,
  MAX_STATES,
  MAX_TERMS,
  computePayoffs,
  evaluate,
  loadScenario,
  parseExpr,
  rankOf,
  resolveExpr,
  scenarioJsonSchema,
  type Expr,
  type StateSpace,
} from "@concord/core";
import { concord } from "./fixtures/concord.js";
import { value } from "./fixtures/result.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const DOCS = ["README.md", "docs/scenario-format.md"] as const;
const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

interface Marked {
  readonly doc: string;
  readonly marker: string;
  readonly block: string;
}

/** Each `<!-- kind: … -->` marker with the fenced code block right after it. */
function marked(doc: string, kind: "file" | "output"): Marked[] {
  const re = new RegExp(`<!-- ${kind}: (.+?) -->\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\`\`\`\\n`, "g");
  return [...read(doc).matchAll(re)].map((m) => ({ doc, marker: m[1]!, block: m[2]! }));
}

/** All fenced YAML blocks of a document. */
function yamlBlocks(doc: string): string[] {
  return [...read(doc).matchAll(/```yaml\n([\s\S]*?)```\n/g)].map((m) => m[1]!);
}

function load(text: string, file = "doc.yaml"): StateSpace {
  const r = loadScenario(text, { file });
  if (!r.ok) throw new Error(r.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join("\n"));
  return r.value.space!;
}

/** Each decision maker's rank of each state, by decision maker id. */
function ranks(space: StateSpace): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const dm of space.model.decisionMakers) {
    const p = computePayoffs(space, dm);
    out[dm.id] = Array.from({ length: space.size }, (_, s) => rankOf(p, asStateIndex(s)));
  }
  return out;
}

const README_EXAMPLE = marked("README.md", "file").find((m) => m.marker === "scenarios/examples/ceasefire.yaml")!.block;
const GETTING_STARTED = read("scenarios/examples/getting-started.yaml");

describe("examples in the docs are the shipped files", () => {
  const files = DOCS.flatMap((doc) => marked(doc, "file"));

  it("the README and the format reference each show a shipped example", () => {
    expect(files.map((f) => `${f.doc} → ${f.marker}`)).toEqual([
      "README.md → scenarios/examples/ceasefire.yaml",
      "docs/scenario-format.md → scenarios/examples/getting-started.yaml",
      "docs/scenario-format.md → scenarios/examples/transit.yaml",
      "docs/scenario-format.md → scenarios/examples/misreading.yaml",
    ]);
  });

  it.each(files)("$doc shows $marker verbatim", ({ marker, block }) => {
    expect(block).toBe(read(marker));
  });
});

describe("command output shown in the docs is what concord prints", () => {
  const work = mkdtempSync(join(tmpdir(), "concord-docs-"));
  cpSync(join(ROOT, "scenarios"), join(work, "scenarios"), { recursive: true });
  writeFileSync(join(work, "ceasefire.yaml"), README_EXAMPLE);
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  const outputs = DOCS.flatMap((doc) => marked(doc, "output"));

  it("there is output to check in both documents", () => {
    expect(outputs.filter((o) => o.doc === "README.md").length).toBeGreaterThanOrEqual(2);
    expect(outputs.filter((o) => o.doc === "docs/scenario-format.md").length).toBeGreaterThanOrEqual(2);
  });

  it.each(outputs)("$doc: concord $marker", async ({ marker, block }) => {
    const m = /^(.+?)(?:, with (\S+) changed to (\S+))?$/.exec(marker)!;
    const args = m[1]!.split(" ");
    let cwd = work;
    if (m[2] !== undefined) {
      // A fresh directory with the named file changed as the text says.
      cwd = mkdtempSync(join(work, "changed-"));
      const file = args[args.length - 1]!;
      const original = readFileSync(join(work, file), "utf8");
      expect(original, `${file} contains ${m[2]}`).toContain(m[2]);
      writeFileSync(join(cwd, file), original.replace(m[2], m[3]!));
    }
    const r = await concord(args, { cwd });
    expect(r.code).toBe(m[2] === undefined ? 0 : 2);
    expect(r.out + r.err).toBe(block);
  });
});

describe("the example with alternatives", () => {
  it("compiles each alternative after the first to a yes/no option, and the claims about it hold", () => {
    const space = load(read("scenarios/examples/transit.yaml"), "transit.yaml");
    const m = space.model;
    expect(m.options.map((o) => [o.id, o.oneWay])).toEqual([
      ["transit=sovereign", undefined],
      ["transit=monitored", undefined],
      ["transit=extraterritorial", "toY"],
      ["open", undefined],
    ]);
    // 4 alternatives × open or not: as many states as 3 mutually exclusive yes/no options give.
    expect(space.size).toBe(8);
    // `transit = none` is true exactly where no other alternative is chosen.
    const none = m.decisionMakers[0]!.preference.kind === "priorities" ? m.decisionMakers[0]!.preference.statements[0]!.expr : undefined;
    const truth = Array.from({ length: 8 }, (_, s) => evaluate(none!, (o) => space.taken(asStateIndex(s), o)));
    expect(truth).toEqual([false, true, true, true, false, true, true, true]);
  });
});

describe("the complete example", () => {
  it("validates and uses every part the reference describes", () => {
    const space = load(GETTING_STARTED, "getting-started.yaml");
    const m = space.model;
    expect(m.decisionMakers.map((d) => d.name)).toEqual(["Government", "Front", "Neighbour"]);
    expect(m.options.filter((o) => o.oneWay !== undefined).map((o) => o.id)).toEqual(["amnesty"]);
    expect(m.conditions.length).toBeGreaterThan(0);
    expect(space.statusQuo).toBeGreaterThanOrEqual(0);
    const evidence = [...m.options.flatMap((o) => o.evidence), ...m.conditions.flatMap((c) => c.evidence), ...m.statusQuo!.evidence];
    expect(evidence.length).toBeGreaterThan(0);
    for (const e of evidence) expect(e.source !== undefined && e.quote !== undefined).toBe(true);
    expect(space.size).toBe(24);
  });

  it("reads option numbers, bare or quoted, as the options in document order", () => {
    const byId = ranks(load(GETTING_STARTED));
    // 1 withdraw, 2 amnesty, 3 disarm, 4 talks, 5 monitors (as the reference says).
    const numbered = GETTING_STARTED.replace(
      /preferences:\n {8}- statement: -withdraw\n(?: {10}.*\n)+ {8}- disarm\n {8}- amnesty IF disarm\n {8}- talks\n/,
      'preferences: [-1, 3, "2 IF 3", 4]\n',
    );
    expect(numbered).not.toBe(GETTING_STARTED);
    expect(ranks(load(numbered)).gov).toEqual(byId.gov);
  });
});

describe("claims of the format reference", () => {
  it("every complete scenario in a YAML block of the docs validates", () => {
    const complete = DOCS.flatMap((doc) => yamlBlocks(doc)).filter((b) => /^(#.*\n)*concord: 1$/m.test(b.split("\nid:")[0]!));
    expect(complete.length).toBeGreaterThanOrEqual(2);
    for (const b of complete) expect(() => load(b)).not.toThrow();
  });

  it("the ranking example means the same by state numbers and by Y/N vectors, with a tie", () => {
    const withRanking = (ranking: string): Record<string, number[]> =>
      ranks(load(README_EXAMPLE.replace("preferences: [disarm, -withdraw]", `ranking: ${ranking}`)));
    const doc = read("docs/scenario-format.md");
    const numbers = /^ranking: (\[.*\]) {3}# state numbers/m.exec(doc)![1]!;
    const vectors = /^# ranking: (\[.*\])$/m.exec(doc)![1]!;
    const a = withRanking(numbers);
    expect(withRanking(vectors)).toEqual(a);
    // states 5, 6, [1, 3], 2, 4
    expect(a.gov).toEqual([3, 4, 3, 5, 1, 2]);
  });

  it("IF binds loosest: `monitors IF withdraw | disarm` is `monitors IF (withdraw | disarm)`", () => {
    const names = ["monitors", "withdraw", "disarm"];
    const compile = (text: string): Expr => value(resolveExpr(value(parseExpr(text)), (n) => names.indexOf(n)));
    const loose = compile("monitors IF withdraw | disarm");
    const grouped = compile("monitors IF (withdraw | disarm)");
    const other = compile("(monitors IF withdraw) | disarm");
    let differs = false;
    for (let v = 0; v < 8; v++) {
      const taken = (o: number): boolean => ((v >> o) & 1) === 1;
      expect(evaluate(loose, taken)).toBe(evaluate(grouped, taken));
      if (evaluate(loose, taken) !== evaluate(other, taken)) differs = true;
    }
    expect(differs).toBe(true);
  });

  it("the limits table matches the code", () => {
    const doc = read("docs/scenario-format.md");
    expect(MAX_OPTIONS_PER_DM).toBe(31);
    expect(MAX_OPTIONS).toBe(52);
    expect(MAX_STATES).toBe(2 ** 24);
    expect(MAX_TERMS).toBe(512);
    expect(doc).toContain("| options per decision maker | 31 |");
    expect(doc).toContain("| options in a model | 52 |");
    expect(doc).toContain("| feasible states | 2^24 = 16,777,216 |");
    expect(doc).toContain("| patterns in one feasibility condition | 512 |");
  });

  it("the committed JSON Schema is the one `npm run schema` writes", () => {
    expect(JSON.parse(read("schema/scenario.schema.json"))).toEqual(scenarioJsonSchema());
  });
});
