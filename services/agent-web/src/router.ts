import { useEffect, useState } from 'react';

/** The client's pages. */
export type Route =
  | { page: 'inbox'; inboxId?: string }
  | { page: 'case'; number: string }
  | { page: 'favourites' }
  | { page: 'not-found' };

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'inbox' };
  const inbox = /^\/inboxes\/([^/]+)$/.exec(pathname);
  if (inbox) return { page: 'inbox', inboxId: decodeURIComponent(inbox[1]) };
  const kase = /^\/cases\/([^/]+)$/.exec(pathname);
  if (kase) return { page: 'case', number: decodeURIComponent(kase[1]) };
  if (pathname === '/favourites') return { page: 'favourites' };
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
