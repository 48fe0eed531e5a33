// Hash routes (#/persons/12): the page is always index.html, so the server needs no fallback and
// bookmarks work. A route names the roles that may open it; navigation lists only those.
const routes = [];
const listeners = new Set();

/**
 * Adds routes: {path: '/persons/:id', load: () => import('./screens/...'), tag: 'pp-person',
 * roles: ['COMPANY_USER', ...] or null for anyone, public: true for pages without login,
 * nav: 'nav.persons' to list it in the navigation, navOrder}.
 */
export function addRoutes(list) {
  routes.push(...list);
}

export function allRoutes() {
  return routes;
}

function compile(path) {
  const names = [];
  const source = path.replace(/:(\w+)/g, (m, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names };
}

/** The current location: {path, params, query, route}. */
export function current() {
  const hash = location.hash.replace(/^#/, '') || '/';
  const [path, search] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(search || ''));
  for (const route of routes) {
    route.compiled ||= compile(route.path);
    const match = route.compiled.regex.exec(path);
    if (match) {
      const params = {};
      route.compiled.names.forEach((n, i) => (params[n] = decodeURIComponent(match[i + 1])));
      return { path, params, query, route };
    }
  }
  return { path, params: {}, query, route: null };
}

export function navigate(path) {
  if (location.hash === `#${path}`) listeners.forEach((l) => l(current()));
  else location.hash = path;
}

export function onRouteChange(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function allowed(route, account) {
  if (route.public) return true;
  if (!account) return false;
  return !route.roles || account.roles.some((r) => route.roles.includes(r));
}

window.addEventListener('hashchange', () => listeners.forEach((l) => l(current())));
