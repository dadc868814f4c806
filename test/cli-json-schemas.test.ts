// Every command's --json output validates against its committed JSON Schema
// (schema/cli/<command>.schema.json, generated from packages/cli/src/json-output.ts by
// `npm run schema`; docs/cli-json.md). The schemas allow no extra keys, so an output
// that gains a field fails here until the schema is regenerated.
import { copyFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Ajv, type ValidateFunction } from "ajv";
import { describe, expect, it } from "vitest";
import { SCENARIO_SCHEMA_ID } from "@concord/core";
import { JSON_OUTPUTS } from "@concord/cli";
import { concord, ROOT } from "./fixtures/concord.js";
import { writeLargeModel } from "./fixtures/large-model.js";

const RECORD = join(ROOT, "test/fixtures/record-small.yaml");
const SEED = join(ROOT, "scenarios/armenia-azerbaijan-2023.yaml");
const PD = join(ROOT, "scenarios/prisoners-dilemma.yaml");
const dir = mkdtempSync(join(tmpdir(), "concord-json-"));
const large = writeLargeModel(dir);
const csv = join(dir, "events.csv");
const scenarioCopy = join(dir, "s.yaml");
copyFileSync(RECORD, scenarioCopy);

type Command = keyof typeof JSON_OUTPUTS;

/** Runs that cover each command's value shapes (both sides of each union), then failures. */
const runs: [Command, string[]][] = [
  ["validate", [PD]],
  ["states", [PD]],
  ["states", [large]],
  ["analyze", [PD, "--horizon", "2", "--non-myopic"]],
  ["analyze", [large]],
  ["explain", [PD, "--state", "4", "--dm", "prisoner_a"]],
  ["explain", [PD, "--state", "4", "--dm", "prisoner_a", "--concept", "gmr"]],
  ["timeline", [RECORD]],
  ["waiting", [RECORD]],
  ["deadlines", [RECORD]],
  ["as-of", [RECORD, "2024-01-20"]],
  ["as-of", [RECORD, "2024-01-20", "-o", join(dir, "as-of.yaml")]],
  ["contradictions", [SEED]],
  ["evidence", [SEED, "--dm", "Azerbaijan"]],
  ["compare", [RECORD, "draft-2"]],
  ["export", [RECORD, "--to", "pax", "--all"]],
  ["export", [RECORD, "--to", "cameo", "-o", csv]],
  ["import-events", [csv, "--into", scenarioCopy]],
  ["report", [PD, "-o", join(dir, "r.html")]],
  ["init", [join(dir, "new.yaml")]],
  ["time", [join(ROOT, "scenarios/examples/harbour.yaml")]],
  ["history", [join(ROOT, "scenarios/examples/harbour.yaml")]],
  ["hypergame", [join(ROOT, "scenarios/examples/misreading.yaml")]],
  // Failures: a bad file, a bad option value, an unknown option.
  ["validate", [join(ROOT, "test/bad-files/several-problems.yaml")]],
  ["explain", [PD, "--state", "99", "--dm", "prisoner_a"]],
  ["analyze", [PD, "--nonsense"]],
];

const ajv = new Ajv({ allErrors: true, strict: false });
// as-of's document refers to the scenario schema, a draft 2020-12 schema that this (draft-07)
// validator cannot load beside the others; that the document is a valid scenario is tested with as-of itself.
ajv.addSchema({ $id: SCENARIO_SCHEMA_ID, type: "object" });
const schemas = new Map<Command, ValidateFunction>(
  (Object.keys(JSON_OUTPUTS) as Command[]).map((c) => [c, ajv.compile(JSON.parse(readFileSync(join(ROOT, `schema/cli/${c}.schema.json`), "utf8")) as object)]),
);

describe("--json outputs and their JSON Schemas", () => {
  it("has a schema for every command with --json, and a run below for each", async () => {
    const help = (await concord(["--help"])).out;
    for (const c of Object.keys(JSON_OUTPUTS)) {
      expect(help, c).toContain(`  ${c} `);
      expect((await concord([c, "--help"])).out, c).toContain("--json");
      expect(runs.map(([r]) => r), c).toContain(c);
    }
  });

  it.each(runs.map(([c, args], i) => [`${i + 1}. ${c} ${args.map((a) => a.replace(dir, "…").replace(ROOT, "")).join(" ")}`, c, args] as const))("%s", async (_, command, args) => {
    const r = await concord([command, ...args, "--json"], { cwd: dir });
    const out = JSON.parse(r.out) as { ok: boolean };
    expect(r.code).toBe(out.ok ? 0 : 2);
    const validate = schemas.get(command)!;
    expect(validate(out), ajv.errorsText(validate.errors)).toBe(true);
  });
});
