/** The app shell: a skip link, the header with the scenario picker, the page navigation, and the current page. */
import { lazy, Suspense, useEffect, useRef, useState, type MouseEvent } from "react";
import { api } from "./api";
import { ACCOUNT_PATH, navigate, PAGES, useLocation, type PagePath } from "./router";
import { useWorkbench, WorkbenchProvider } from "./workbench";
import { Overview } from "./pages/Overview";
import { ImportFirst } from "./components/FileImport";
import { Login } from "./components/Login";

// Each page is its own chunk: the overview paints without the editor, the graph or the record's views.
const PAGE_COMPONENTS: Readonly<Record<PagePath, React.ComponentType>> = {
  "/": Overview,
  "/record": lazy(() => import("./pages/Record").then((m) => ({ default: m.Record }))),
  "/model": lazy(() => import("./pages/Model").then((m) => ({ default: m.Model }))),
  "/analysis": lazy(() => import("./pages/Analysis").then((m) => ({ default: m.Analysis }))),
  "/mediation": lazy(() => import("./pages/Mediation").then((m) => ({ default: m.Mediation }))),
  "/settlement": lazy(() => import("./pages/Settlement").then((m) => ({ default: m.Settlement }))),
  "/import-export": lazy(() => import("./pages/ImportExport").then((m) => ({ default: m.ImportExport }))),
};
const Account = lazy(() => import("./components/Account").then((m) => ({ default: m.Account })));

export function App() {
  return (
    <>
      <a className="skip" href="#main">Skip to the page</a>
      <WorkbenchProvider empty={(workspace, refresh) => <ImportFirst workspace={workspace} onImported={refresh} />} login={(done) => <Login onLoggedIn={done} />}>
        <Shell />
      </WorkbenchProvider>
    </>
  );
}

function Shell() {
  const { page, path } = useLocation();
  const { scenario, scenarios, select } = useWorkbench();
  const main = useRef<HTMLElement>(null);
  const account = path === ACCOUNT_PATH;
  const Page = account ? Account : PAGE_COMPONENTS[page];
  const name = account ? "Your account" : (PAGES.find((p) => p.path === page)?.name ?? "Overview");
  // Team mode has an account page (local mode has no users).
  const [team, setTeam] = useState(false);
  useEffect(() => {
    api.health().then(
      (h) => setTeam(h.mode === "team"),
      () => setTeam(false),
    );
  }, []);

  // After navigating, the page's content has the focus and the title says where we are.
  const first = useRef(true);
  useEffect(() => {
    document.title = `${name} — ${scenario.name} — Concord`;
    if (first.current) first.current = false;
    else main.current?.focus();
  }, [name, scenario.name]);

  const follow = (e: MouseEvent<HTMLAnchorElement>, path: string): void => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(path + location.search);
  };

  return (
    <div className="shell">
      <header className="top">
        <span className="brand">Concord</span>
        <label className="picker">
          <span>Scenario</span>
          <select value={scenario.id} onChange={(e) => select(e.target.value)}>
            {scenarios.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {team ? (
          <a className="account" href={ACCOUNT_PATH} aria-current={account ? "page" : undefined} onClick={(e) => follow(e, ACCOUNT_PATH)}>
            Your account
          </a>
        ) : null}
      </header>
      <nav aria-label="Pages" className="pages">
        <ul>
          {PAGES.map((p) => (
            <li key={p.path}>
              <a href={p.path} aria-current={!account && p.path === page ? "page" : undefined} onClick={(e) => follow(e, p.path)}>
                {p.name}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" ref={main} tabIndex={-1}>
        <Suspense fallback={<p role="status">Loading the page…</p>}>
          <Page key={scenario.id} />
        </Suspense>
      </main>
    </div>
  );
}
