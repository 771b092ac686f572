import { useEffect } from "react";
import { useNavigate } from "react-router";

/** Marks a plain anchor as a link inside the app (see useAppLinks). */
export const APP_LINK = { "data-app-link": "" } as const;

/**
 * Plain anchors marked with APP_LINK navigate inside the app as <Link> does (a plain left click,
 * no modifier key, same window, same origin), through one listener on the document instead of
 * <Link>'s work per link when the page is rendered: a list of 50 cases renders 50 of them.
 * Any other click (new tab, another window, a download) is the browser's own.
 */
export function useAppLinks(): void {
  const navigate = useNavigate();
  useEffect(() => {
    const onClick = (e: MouseEvent) => {
      if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.altKey || e.ctrlKey || e.shiftKey) return;
      const a = e.target instanceof Element ? e.target.closest("a[data-app-link]") : null;
      if (!(a instanceof HTMLAnchorElement) || (a.target !== "" && a.target !== "_self") || a.hasAttribute("download")) return;
      if (a.origin !== window.location.origin) return;
      e.preventDefault();
      const to = a.pathname + a.search + a.hash;
      // As <Link>: a link to the page already shown replaces its history entry instead of adding one.
      const here = window.location.pathname + window.location.search + window.location.hash;
      navigate(to, { replace: to === here });
    };
    document.addEventListener("click", onClick);
    document.documentElement.dataset.appLinks = "on";
    return () => {
      document.removeEventListener("click", onClick);
      delete document.documentElement.dataset.appLinks;
    };
  }, [navigate]);
}
