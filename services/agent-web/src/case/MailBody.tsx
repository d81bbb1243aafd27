import { useState } from 'react';
import { useI18n } from '../i18n';

/**
 * The document a mail is shown in: the sanitised HTML (case-core strips scripts, handlers, frames and forms)
 * behind a CSP of its own that loads nothing but inline images and styles, unless the agent allows remote
 * images. It is framed with an empty sandbox, so nothing in it can ever run or reach the client.
 */
export function mailDocument(html: string, remoteImages: boolean): string {
  const images = remoteImages ? 'data: cid: https:' : 'data: cid:';
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src ${images}; style-src 'unsafe-inline'">`,
    '<base target="_blank">',
    '<style>body{font-family:system-ui,sans-serif;font-size:15px;margin:0.5rem;color:#1a1a1a;background:#fff}</style>',
    '</head><body>',
    html,
    '</body></html>',
  ].join('');
}

/** Whether the HTML would fetch anything from another site when shown with images allowed. */
export function hasRemoteImages(html: string): boolean {
  return /<img\b[^>]*\bsrc\s*=\s*["']?https?:/i.test(html) || /url\(\s*["']?https?:/i.test(html);
}

export function MailBody({ html, title }: { html: string; title: string }) {
  const { t } = useI18n();
  const [remoteImages, setRemoteImages] = useState(false);
  const remote = hasRemoteImages(html);
  return (
    <div className="mail-body">
      {remote && !remoteImages && (
        <p className="notice">
          {t('entry.imagesBlocked')}{' '}
          <button type="button" onClick={() => setRemoteImages(true)}>
            {t('entry.showImages')}
          </button>
        </p>
      )}
      <iframe
        title={title}
        sandbox="allow-popups allow-popups-to-escape-sandbox"
        referrerPolicy="no-referrer"
        srcDoc={mailDocument(html, remoteImages)}
      />
    </div>
  );
}
