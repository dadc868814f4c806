/**
 * Use case: a new scenario to start from — a small, valid model with a comment on
 * each part saying what to change — with the line that lets editors using
 * yaml-language-server check and complete it against the JSON Schema.
 */
import { fail, ok, type Result } from "@concord/core";
import { validate } from "./validate.js";

export interface NewScenarioOptions {
  /** The scenario's id: lower case letters, digits and hyphens (default: "my-scenario"). */
  readonly id?: string;
  /** Where editors find the JSON Schema, relative to the new file or a URL; no schema line when absent. */
  readonly schema?: string;
}

export interface NewScenarioResult {
  readonly text: string;
}

export function newScenario(options: NewScenarioOptions = {}): Result<NewScenarioResult> {
  const id = options.id ?? "my-scenario";
  if (!/^[a-z][a-z0-9-]*$/.test(id)) {
    return fail([{ code: "usage", path: ["id"], message: `expected an id of lower-case letters, digits and hyphens, starting with a letter, found "${id}"` }]);
  }
  const text = [
    ...(options.schema !== undefined ? [`# yaml-language-server: $schema=${options.schema}`] : []),
    "# A new Concord scenario. Validate it with `concord validate FILE`, list its states with",
    "# `concord states FILE` and analyse it with `concord analyze FILE`.",
    "# The format, key by key: docs/scenario-format.md.",
    "concord: 1",
    `id: ${id}`,
    "title: Give the conflict a title",
    "model:",
    "  decisionMakers:",
    "    # Each decision maker controls yes/no options and lists what it cares about, most",
    "    # important first (an option id means it wants it taken, -id that it does not).",
    "    - id: gov",
    "      name: Government",
    "      options:",
    "        - id: withdraw",
    "          label: Withdraw the troops",
    "      preferences: [talks, -withdraw]",
    "    - id: rebels",
    "      name: Rebels",
    "      options:",
    "        - id: talks",
    "          label: Join talks",
    "      preferences: [withdraw, talks]",
    "  # Combinations that cannot happen, e.g. `- infeasible: withdraw & -talks`.",
    "  feasibility: []",
    "  # The options taken today.",
    "  statusQuo: []",
    "",
  ].join("\n");
  // What is scaffolded must itself be valid: a template that fails its own checks is a bug.
  const checked = validate({ text, file: "new scenario" });
  if (!checked.ok) return fail([{ code: "internal", path: [], message: `the new scenario does not validate: ${checked.problems.map((p) => p.message).join("; ")}` }]);
  return ok({ text });
}
