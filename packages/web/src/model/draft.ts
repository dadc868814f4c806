/**
 * The model being edited and not yet saved, shared by the editor, the analysis and the
 * mediation pages: what you change in the editor is what they analyse, until you save
 * (the draft becomes the new revision) or discard it.
 */
import { useCallback, useSyncExternalStore } from "react";
import { useWorkbench } from "../workbench";

const drafts = new Map<string, string>();
const listeners = new Set<() => void>();
const keyOf = (scenarioId: string, revision: number): string => `${scenarioId}@${revision}`;

function subscribe(f: () => void): () => void {
  listeners.add(f);
  return () => listeners.delete(f);
}

function setDraftText(key: string, text: string | null): void {
  if (text === null) drafts.delete(key);
  else drafts.set(key, text);
  for (const f of listeners) f();
}

export interface ScenarioText {
  /** The text the pages analyse: the draft if there is one, else the latest revision's. */
  readonly text: string;
  /** Whether that is an unsaved draft. */
  readonly draft: boolean;
  /** Replaces the draft (null: back to the saved revision). */
  setDraft(text: string | null): void;
}

export function useScenarioText(): ScenarioText {
  const { scenario, revision } = useWorkbench();
  const key = keyOf(scenario.id, revision.number);
  const draft = useSyncExternalStore(subscribe, () => drafts.get(key));
  const setDraft = useCallback((text: string | null) => setDraftText(key, text === revision.text ? null : text), [key, revision.text]);
  return { text: draft ?? revision.text, draft: draft !== undefined, setDraft };
}
