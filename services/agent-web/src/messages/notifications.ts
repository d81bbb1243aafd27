// The words of the notification centre in the header.
export const notificationsSv = {
  'notices.open': 'Notiser',
  'notices.unread': 'Notiser, {count} olästa',
  'notices.title': 'Notiser',
  'notices.empty': 'Inga notiser sedan du loggade in.',
  'notices.close': 'Stäng',
  'notices.arrived': 'Ny notis: {title}',
  'notices.kind.reminder': 'Påminnelse',
  'notices.kind.escalation': 'Eskalering',
  'notices.kind.watch': 'Bevakning',
  'notices.kind.notice': 'Meddelande',
  'notices.kind.report': 'Uppföljning',
  'notices.kind.assignment': 'Tilldelning',
} as const;

export const notificationsEn: Record<keyof typeof notificationsSv, string> = {
  'notices.open': 'Notifications',
  'notices.unread': 'Notifications, {count} unread',
  'notices.title': 'Notifications',
  'notices.empty': 'No notifications since you signed in.',
  'notices.close': 'Close',
  'notices.arrived': 'New notification: {title}',
  'notices.kind.reminder': 'Reminder',
  'notices.kind.escalation': 'Escalation',
  'notices.kind.watch': 'Watch',
  'notices.kind.notice': 'Notice',
  'notices.kind.report': 'Follow-up report',
  'notices.kind.assignment': 'Assignment',
};
