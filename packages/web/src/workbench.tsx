/**
 * The scenario the workbench shows: the workspace, the scenario and its latest
 * revision (text included), shared by every page. Pages read it with useWorkbench();
 * after a save, an import or a restore they call refresh() or select().
 */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from "react";
import { api, ApiError, type Revision, type Scenario, type Workspace } from "./api";

export interface Workbench {
  readonly workspace: Workspace;
  readonly scenarios: readonly Scenario[];
  readonly scenario: Scenario;
  /** The scenario's latest revision, with its text. */
  readonly revision: Revision;
  /** Shows another scenario of the workspace. */
  select(scenarioId: string): void;
  /** Reloads the list and the current scenario (after a save, import or restore). */
  refresh(): Promise<void>;
}

type Loading = { state: "loading" } | { state: "login" } | { state: "failed"; message: string } | { state: "empty"; workspace: Workspace } | { state: "ready"; value: Omit<Workbench, "select" | "refresh"> };

const Context = createContext<Workbench | null>(null);

export function useWorkbench(): Workbench {
  const w = useContext(Context);
  if (!w) throw new Error("useWorkbench outside WorkbenchProvider");
  return w;
}

const remembered = (): string | null => new URLSearchParams(location.search).get("scenario");

async function load(wanted: string | null): Promise<Loading> {
  const workspaces = await api.workspaces();
  const workspace = workspaces[0] ?? (await api.createWorkspace("My workspace"));
  const scenarios = await api.scenarios(workspace.id);
  const chosen = scenarios.find((s) => s.id === wanted) ?? scenarios[0];
  if (!chosen) return { state: "empty", workspace };
  const { scenario, revision } = await api.scenario(workspace.id, chosen.id);
  return { state: "ready", value: { workspace, scenarios, scenario, revision } };
}

export function WorkbenchProvider({ children, empty, login }: { children: ReactNode; empty: (workspace: Workspace, refresh: () => Promise<void>) => ReactNode; login: (done: () => Promise<void>) => ReactNode }) {
  const [loading, setLoading] = useState<Loading>({ state: "loading" });
  const [wanted, setWanted] = useState<string | null>(remembered);

  const refresh = useCallback(async () => {
    try {
      setLoading(await load(wanted));
    } catch (e) {
      // Team mode without a session: the API answers 401, so ask who is there.
      if (e instanceof ApiError && e.problem.status === 401) setLoading({ state: "login" });
      else setLoading({ state: "failed", message: e instanceof ApiError ? e.message : `The server did not answer: ${String(e)}` });
    }
  }, [wanted]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const select = useCallback((id: string) => {
    const url = new URL(location.href);
    url.searchParams.set("scenario", id);
    history.replaceState(null, "", url);
    setWanted(id);
  }, []);

  if (loading.state === "loading") return <p role="status">Loading the scenario…</p>;
  if (loading.state === "login") return <>{login(refresh)}</>;
  if (loading.state === "failed") return <p role="alert">{loading.message}</p>;
  if (loading.state === "empty") return <>{empty(loading.workspace, refresh)}</>;
  return <Context.Provider value={{ ...loading.value, select, refresh }}>{children}</Context.Provider>;
}
