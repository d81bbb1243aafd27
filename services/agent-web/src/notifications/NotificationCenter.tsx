import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { Link } from '../Link';
import { formatDateTime } from '../format';
import { useI18n } from '../i18n';
import { hasMessage } from '../messages';
import { useLiveEvents } from '../live';
import { type Notice, noticeOf, withNotice } from './notices';

/**
 * The header's notifications: reminders, escalations, watches, reports and assignments the live stream brings
 * while the agent is signed in. A new one is announced to screen readers; opening the list marks all read.
 */
export function NotificationCenter() {
  const { t, language } = useI18n();
  const [notices, setNotices] = useState<Notice[]>([]);
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [announced, setAnnounced] = useState('');
  const panelId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const seen = useRef(new Set<string>());

  useLiveEvents(
    useCallback((event) => {
      const notice = noticeOf(event);
      if (notice === undefined) return;
      if (seen.current.has(notice.notificationId)) return;
      seen.current.add(notice.notificationId);
      setNotices((list) => withNotice(list, notice));
      setUnread((n) => n + 1);
      setAnnounced(notice.title);
    }, []),
  );

  useEffect(() => {
    if (open) {
      setUnread(0);
      panel.current?.focus();
    }
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const kindLabel = (kind: string) => {
    const key = `notices.kind.${kind}`;
    return hasMessage(key) ? t(key) : kind;
  };

  return (
    <div className="notification-center">
      <button
        ref={button}
        type="button"
        className="header-button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => (open ? close() : setOpen(true))}
      >
        {unread === 0 ? t('notices.open') : t('notices.unread', { count: unread })}
        {unread > 0 && (
          <span className="notice-badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
      <div className="visually-hidden" role="status">
        {announced === '' ? '' : t('notices.arrived', { title: announced })}
      </div>
      {open && (
        <div
          id={panelId}
          ref={panel}
          className="notice-panel"
          role="region"
          aria-label={t('notices.title')}
          tabIndex={-1}
          onKeyDown={(event) => {
            if (event.key === 'Escape') close();
          }}
        >
          <h2>{t('notices.title')}</h2>
          {notices.length === 0 ? (
            <p>{t('notices.empty')}</p>
          ) : (
            // Following a notice's link closes the list.
            <ul onClick={(event) => (event.target as HTMLElement).closest('a') !== null && setOpen(false)}>
              {notices.map((notice) => (
                <li key={notice.notificationId} className={`notice notice-${notice.kind}`}>
                  <p className="notice-meta">
                    {kindLabel(notice.kind)} · {formatDateTime(language, notice.createdAt)}
                  </p>
                  <p className="notice-title">
                    {notice.link === null ? notice.title : <Link href={notice.link}>{notice.title}</Link>}
                  </p>
                  {notice.text !== '' && <p className="notice-text">{notice.text}</p>}
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={close}>
            {t('notices.close')}
          </button>
        </div>
      )}
    </div>
  );
}
