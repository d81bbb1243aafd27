import type { LiveEvent } from '../event-stream';

/** One in-app notification (`notifications.evt.in-app.v1`) as the live stream hands it over. */
export interface Notice {
  notificationId: string;
  kind: string;
  caseNumber: string | null;
  title: string;
  text: string;
  link: string | null;
  createdAt: string;
}

/** The notice in a live event, if it is one and has what the client shows. */
export function noticeOf(event: LiveEvent): Notice | undefined {
  if (event.event !== 'notification' || typeof event.data !== 'object' || event.data === null) return undefined;
  const data = event.data as Partial<Record<keyof Notice, unknown>>;
  if (typeof data.notificationId !== 'string' || typeof data.title !== 'string') return undefined;
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  return {
    notificationId: data.notificationId,
    kind: text(data.kind) ?? 'notice',
    caseNumber: text(data.caseNumber),
    title: data.title,
    text: text(data.text) ?? '',
    link: text(data.link),
    createdAt: text(data.createdAt) ?? new Date().toISOString(),
  };
}

export const MAX_NOTICES = 50;

/**
 * The list with a new notice first. A notice sent again (a follow-up handled twice) has the same id and is
 * shown once; the list keeps the newest {@link MAX_NOTICES}.
 */
export function withNotice(list: readonly Notice[], notice: Notice): Notice[] {
  if (list.some((n) => n.notificationId === notice.notificationId)) return [...list];
  return [notice, ...list].slice(0, MAX_NOTICES);
}
