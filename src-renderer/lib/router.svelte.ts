// Hash routes, so the same bundle works from file:// (Electron) and http:// (browser mode).
export type Route = { view: 'runs'; runId?: number } | { view: 'designer' } | { view: 'compare' };

function parse(hash: string): Route {
  const [view, id] = hash.replace(/^#\/?/, '').split('/');
  if (view === 'designer') return { view: 'designer' };
  if (view === 'compare') return { view: 'compare' };
  const runId = Number(id);
  return Number.isSafeInteger(runId) && runId > 0 ? { view: 'runs', runId } : { view: 'runs' };
}

export const router = $state({ route: parse(window.location.hash) });

window.addEventListener('hashchange', () => {
  router.route = parse(window.location.hash);
});

export function href(route: Route): string {
  if (route.view === 'runs') return route.runId ? `#/runs/${route.runId}` : '#/runs';
  return `#/${route.view}`;
}

export function go(route: Route): void {
  window.location.hash = href(route);
}
