// Hash routes, so the same bundle works from file:// (Electron) and http:// (browser mode).
// The compare view takes its runs (`#/compare?runs=3,1,7`, in the comparison's order) or a saved
// comparison (`#/compare?saved=2`) from the hash, so a reload or a restart reopens the same one.
export type Route =
  | { view: 'runs'; runId?: number }
  | { view: 'designer'; forRunId?: number }
  | { view: 'compare'; runIds?: number[]; savedId?: number };

const positiveInt = (text: string | null | undefined): number | null => {
  const n = Number(text);
  return text && Number.isSafeInteger(n) && n > 0 ? n : null;
};

function parse(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const [view, id] = path.split('/');
  if (view === 'designer') {
    // #/designer?run=7: design a schedule for run 7 (its range and logged lr under the candidates).
    const forRunId = positiveInt(new URLSearchParams(query).get('run'));
    return forRunId ? { view: 'designer', forRunId } : { view: 'designer' };
  }
  if (view === 'compare') {
    const params = new URLSearchParams(query);
    const savedId = positiveInt(params.get('saved'));
    if (savedId) return { view: 'compare', savedId };
    const runIds = (params.get('runs') ?? '').split(',').map(positiveInt).filter((n): n is number => n !== null);
    return runIds.length ? { view: 'compare', runIds: [...new Set(runIds)] } : { view: 'compare' };
  }
  const runId = positiveInt(id);
  return runId ? { view: 'runs', runId } : { view: 'runs' };
}

export const router = $state({ route: parse(window.location.hash) });

type RouteListener = (route: Route) => void;
/** Plain callbacks, not reactive state: a listener loads what the new route names. */
let routeListeners: RouteListener[] = [];

/** Calls `listener` with each new route (a view loads what the route names); returns the unsubscribe. */
export function onRouteChange(listener: RouteListener): () => void {
  routeListeners = [...routeListeners, listener];
  return () => (routeListeners = routeListeners.filter((l) => l !== listener));
}

window.addEventListener('hashchange', () => {
  router.route = parse(window.location.hash);
  for (const listener of routeListeners) listener(router.route);
});

export function href(route: Route): string {
  if (route.view === 'runs') return route.runId ? `#/runs/${route.runId}` : '#/runs';
  if (route.view === 'compare') {
    if (route.savedId) return `#/compare?saved=${route.savedId}`;
    if (route.runIds?.length) return `#/compare?runs=${route.runIds.join(',')}`;
  }
  if (route.view === 'designer' && route.forRunId) return `#/designer?run=${route.forRunId}`;
  return `#/${route.view}`;
}

export function go(route: Route): void {
  window.location.hash = href(route);
}
