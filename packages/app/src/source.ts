/**
 * What every use case starts from: a scenario as text (a file's contents, an upload,
 * a request body), or one already opened, so that several use cases can share one load.
 */
import { fail, loadScenario, ok, type InputFormat, type Loaded, type Result, type StateSpace } from "@concord/core";

export interface ScenarioSource {
  readonly text: string;
  /** The name problems are reported under; its extension decides the format when `format` is absent. */
  readonly file?: string;
  readonly format?: InputFormat;
}

export type ScenarioInput = ScenarioSource | Loaded;

/** Parses and checks a scenario (or passes an opened one through): every problem, with file, line:column and path. */
export function openScenario(input: ScenarioInput): Result<Loaded> {
  if (!("text" in input)) return ok(input);
  return loadScenario(input.text, {
    ...(input.file !== undefined ? { file: input.file } : {}),
    ...(input.format !== undefined ? { format: input.format } : {}),
  });
}

/** The display name of every actor, by id: what a surface shows for the actor ids in results. */
export function actorNames(loaded: Loaded): Readonly<Record<string, string>> {
  return Object.fromEntries(loaded.scenario.actors.map((a) => [a.id, a.name]));
}

/** The scenario's feasible states, or a "missing" problem saying it has no model; `purpose` ends the sentence (", so it has no states"). */
export function modelOf(loaded: Loaded, purpose: string): Result<StateSpace> {
  if (loaded.space) return ok(loaded.space);
  return fail([{ code: "missing", path: [], ...(loaded.file !== undefined ? { file: loaded.file } : {}), message: `the scenario has no model (no "model" section)${purpose}` }]);
}

/** A scenario opened with its feasible states, for use cases that need the model. */
export function openModel(input: ScenarioInput, purpose: string): Result<{ readonly loaded: Loaded; readonly space: StateSpace }> {
  const opened = openScenario(input);
  if (!opened.ok) return opened;
  const space = modelOf(opened.value, purpose);
  return space.ok ? ok({ loaded: opened.value, space: space.value }) : space;
}
