import { useEffect, useState } from 'react';

/** The administration's views (admins only). */
export const ADMIN_SECTIONS = ['templates', 'case-types', 'inboxes', 'calendars'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The client's pages. */
export type Route =
  | { page: 'inbox'; inboxId?: string }
  | { page: 'case'; number: string }
  | { page: 'favourites' }
  | { page: 'admin'; section?: AdminSection }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'inbox' };
  const inbox = /^\/inboxes\/([^/]+)$/.exec(pathname);
  if (inbox) return { page: 'inbox', inboxId: decodeURIComponent(inbox[1]) };
  const kase = /^\/cases\/([^/]+)$/.exec(pathname);
  if (kase) return { page: 'case', number: decodeURIComponent(kase[1]) };
  if (pathname === '/favourites') return { page: 'favourites' };
  if (pathname === '/admin') return { page: 'admin' };
  const admin = /^\/admin\/([a-z-]+)$/.exec(pathname);
  const section = ADMIN_SECTIONS.find((s) => s === admin?.[1]);
  if (section !== undefined) return { page: 'admin', section };
  return { page: 'not-found' };
}

export function hrefOf(route: Route): string {
  switch (route.page) {
    case 'inbox':
      return route.inboxId === undefined ? '/' : `/inboxes/${encodeURIComponent(route.inboxId)}`;
    case 'case':
      return `/cases/${encodeURIComponent(route.number)}`;
    case 'favourites':
      return '/favourites';
    case 'admin':
      return route.section === undefined ? '/admin' : `/admin/${route.section}`;
    case 'not-found':
      return '/';
  }
}

const NAVIGATED = 'arende:navigated';

export function navigate(href: string): void {
  if (href === window.location.pathname + window.location.search) return;
  window.history.pushState(null, '', href);
  window.dispatchEvent(new Event(NAVIGATED));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.pathname));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.pathname));
    window.addEventListener('popstate', update);
    window.addEventListener(NAVIGATED, update);
    return () => {
      window.removeEventListener('popstate', update);
      window.removeEventListener(NAVIGATED, update);
    };
  }, []);
  return route;
}

const QUERY_REPLACED = 'arende:query-replaced';

/** Changes the URL's query in place (no new history entry, no page change): a view's state made shareable. */
export function replaceQuery(query: string): void {
  window.history.replaceState(null, '', window.location.pathname + query);
  window.dispatchEvent(new Event(QUERY_REPLACED));
}

/** The URL's query (`?…` or ''), following navigation and `replaceQuery`. */
export function useLocationSearch(): string {
  const [search, setSearch] = useState(() => window.location.search);
  useEffect(() => {
    const update = () => setSearch(window.location.search);
    for (const name of ['popstate', NAVIGATED, QUERY_REPLACED]) window.addEventListener(name, update);
    return () => {
      for (const name of ['popstate', NAVIGATED, QUERY_REPLACED]) window.removeEventListener(name, update);
    };
  }, []);
  return search;
}
