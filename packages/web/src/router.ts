/** The workbench's pages and a tiny router over the History API (the server answers every page path with index.html). */
import { useEffect, useState } from "react";

export const PAGES = [
  { path: "/", name: "Overview" },
  { path: "/record", name: "Record" },
  { path: "/model", name: "Model" },
  { path: "/analysis", name: "Analysis" },
  { path: "/mediation", name: "Mediation" },
  { path: "/settlement", name: "Settlement" },
  { path: "/import-export", name: "Import/export" },
] as const;

export type PagePath = (typeof PAGES)[number]["path"];

/** Team mode's account page (changing one's password): linked from the header, not a page of the scenario. */
export const ACCOUNT_PATH = "/account";

const isPage = (path: string): path is PagePath => PAGES.some((p) => p.path === path);

/** The page for a location's path; unknown paths show the overview. */
export const pageOf = (pathname: string): PagePath => {
  const path = pathname.replace(/\/+$/, "") || "/";
  return isPage(path) ? path : "/";
};

export function navigate(path: string): void {
  if (path === location.pathname + location.search) return;
  history.pushState(null, "", path);
  dispatchEvent(new PopStateEvent("popstate"));
}

/** The current location (page, exact path and query), updated on navigation. */
export function useLocation(): { page: PagePath; path: string; search: URLSearchParams } {
  const [href, setHref] = useState(() => location.href);
  useEffect(() => {
    const update = (): void => setHref(location.href);
    addEventListener("popstate", update);
    return () => removeEventListener("popstate", update);
  }, []);
  const url = new URL(href);
  return { page: pageOf(url.pathname), path: url.pathname.replace(/\/+$/, "") || "/", search: url.searchParams };
}
