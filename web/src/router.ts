// Minimal history-API router. The server answers every non-/api/ path with index.html (SPA fallback).
import type { Me } from './model';

export interface PageContext {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Container below the page heading; the page renders into it. */
  content: HTMLElement;
  me: Me;
  setTitle(title: string): void;
  /** True while this render is still the current one (guards against late async results). */
  isCurrent(): boolean;
}

export interface Route {
  path: string;            // e.g. "/sekcje/:id"
  title: string;
  permission?: string;     // required permission code from GET /me
  public?: boolean;        // rendered without a session (login page)
  /** A start page that only forwards: returns the path to open instead (replacing the history entry). */
  redirect?(): string;
  render(ctx: PageContext): Promise<void> | void;
}

export function matchRoute(routes: Route[], pathname: string): { route: Route; params: Record<string, string> } | null {
  const parts = pathname.replace(/\/+$/, '').split('/').filter(Boolean);
  for (const route of routes) {
    const pattern = route.path.split('/').filter(Boolean);
    if (pattern.length !== parts.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      if (p.startsWith(':')) { params[p.slice(1)] = decodeURIComponent(parts[i]); return true; }
      return p === parts[i];
    });
    if (ok) return { route, params };
  }
  return null;
}

let onChange: () => void = () => {};
let lastRendered = '';

function run(): void {
  lastRendered = location.pathname + location.search;
  onChange();
}

export function navigate(to: string, opts: { replace?: boolean } = {}): void {
  if (opts.replace) history.replaceState(null, '', to); else history.pushState(null, '', to);
  run();
}

/** Same-origin links outside /api/ are handled in-app; downloads, new tabs and modified clicks are left alone. */
function interceptLinks(event: MouseEvent): void {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const a = (event.target as Element).closest?.('a');
  if (!a || a.target || a.hasAttribute('download')) return;
  const href = a.getAttribute('href') ?? '';
  if (!href.startsWith('/') || href.startsWith('//') || href.startsWith('/api/')) return;
  event.preventDefault();
  if (href !== location.pathname + location.search) navigate(href);
}

export function startRouter(render: () => void): void {
  onChange = render;
  document.addEventListener('click', interceptLinks);
  // Fragment-only changes (skip link, error-summary links) must not re-render the page.
  window.addEventListener('popstate', () => {
    if (location.pathname + location.search !== lastRendered) run();
  });
  run();
}
