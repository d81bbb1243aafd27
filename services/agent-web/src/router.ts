import { useEffect, useState } from 'react';

/** The administration's views (admins only). */
export const ADMIN_SECTIONS = ['templates', 'case-types', 'inboxes', 'calendars'] as const;
export type AdminSection = (typeof ADMIN_SECTIONS)[number];

/** The client's pages. */
export type Route =
  | { page: 'inbox'; inboxId?: string }
  | { page: 'case'; number: string }
  | { page: 'admin'; section?: AdminSection }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'inbox' };
  const inbox = /^\/inboxes\/([^/]+)$/.exec(pathname);
  if (inbox) return { page: 'inbox', inboxId: decodeURIComponent(inbox[1]) };
  const kase = /^\/cases\/([^/]+)$/.exec(pathname);
  if (kase) return { page: 'case', number: decodeURIComponent(kase[1]) };
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
