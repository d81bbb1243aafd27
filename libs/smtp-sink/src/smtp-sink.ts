import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { simpleParser, type AddressObject, type HeaderValue } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message the sink received, parsed. */
export interface SinkMessage {
  /** Order of arrival, from 1. */
  seq: number;
  receivedAt: string;
  envelope: { mailFrom: string | null; rcptTo: string[] };
  from: string | null;
  to: string[];
  cc: string[];
  replyTo: string | null;
  subject: string;
  text: string;
  html: string | null;
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Every header, lower-case name → its text (first value when repeated). */
  headers: Record<string, string>;
  attachments: {
    filename: string | null;
    contentType: string;
    size: number;
    contentId: string | null;
    inline: boolean;
  }[];
}

export interface SmtpSinkOptions {
  /** 0 picks a free port. */
  smtpPort?: number;
  /** 0 picks a free port. */
  httpPort?: number;
  host?: string;
}

export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  /** Base URL of the HTTP side, e.g. http://127.0.0.1:8111 */
  url: string;
  /** Every message (or those with this address among the recipients), oldest first. */
  messages(to?: string): SinkMessage[];
  clear(): void;
  /** The next `count` messages are refused with this SMTP reply code (e.g. 451 temporary, 550 permanent). */
  failNext(count: number, code: number): void;
  close(): Promise<void>;
}

const MAX_MESSAGE_BYTES = 25 * 1024 * 1024;

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  if (!value) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.flatMap((item) => item.value.map((a) => (a.address ?? '').toLowerCase())).filter((a) => a !== '');
}

function headerText(value: HeaderValue): string {
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v: unknown) => headerText(v as HeaderValue)).join(', ');
  const record = value as { text?: unknown; value?: unknown };
  if (typeof record.text === 'string') return record.text;
  if (typeof record.value === 'string') return record.value;
  return JSON.stringify(value);
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

function page(messages: SinkMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<article><h2>${escapeHtml(m.subject || '(inget ämne)')}</h2>` +
        `<p><b>Från:</b> ${escapeHtml(m.from ?? '')} · <b>Till:</b> ${escapeHtml(m.to.join(', '))} · ` +
        `<b>Mottaget:</b> ${escapeHtml(m.receivedAt)}</p>` +
        `<p><small>Message-ID: ${escapeHtml(m.messageId ?? '')}${m.inReplyTo ? ` · In-Reply-To: ${escapeHtml(m.inReplyTo)}` : ''}</small></p>` +
        `<pre>${escapeHtml(m.text)}</pre>` +
        (m.attachments.length > 0
          ? `<p><b>Bilagor:</b> ${m.attachments.map((a) => escapeHtml(a.filename ?? a.contentType)).join(', ')}</p>`
          : '') +
        '</article>',
    )
    .join('\n');
  return (
    '<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Utgående e-post</title>' +
    '<style>body{font-family:sans-serif;margin:2rem}article{border-bottom:1px solid #ccc;padding:.5rem 0}pre{white-space:pre-wrap}</style>' +
    `</head><body><h1>Utgående e-post (${messages.length})</h1>` +
    (rows || '<p>Inga meddelanden.</p>') +
    '</body></html>'
  );
}

function listen(server: http.Server | SMTPServer['server'], port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/**
 * A local SMTP server that keeps every message it receives and shows them over HTTP: `GET /messages?to=`
 * (JSON, oldest first), `GET /` (an HTML page), `DELETE /messages`. It stands in for the city's mail relay in
 * `npm run up` and in tests; nothing is relayed on.
 */
export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const received: SinkMessage[] = [];
  let seq = 0;
  const faults: number[] = [];

  const smtp = new SMTPServer({
    name: 'arende-smtp-sink',
    banner: 'Ärende SMTP sink',
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    size: MAX_MESSAGE_BYTES,
    logger: false,
    // Accept any credentials: production relays may require AUTH and the sender is configured the same way.
    onAuth(auth, _session, callback) {
      callback(null, { user: auth.username ?? 'anonymous' });
    },
    onData(stream, session, callback) {
      readAll(stream).then(
        async (raw) => {
          const fault = faults.shift();
          if (fault !== undefined) {
            callback(Object.assign(new Error(fault >= 500 ? 'Rejected' : 'Try again later'), { responseCode: fault }));
            return;
          }
          const parsed = await simpleParser(raw);
          const headers: Record<string, string> = {};
          for (const [name, value] of parsed.headers) headers[name] ??= headerText(value);
          const references = parsed.references;
          seq += 1;
          received.push({
            seq,
            receivedAt: new Date().toISOString(),
            envelope: {
              mailFrom: session.envelope.mailFrom === false ? null : session.envelope.mailFrom.address || null,
              rcptTo: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            },
            from: addresses(parsed.from)[0] ?? null,
            to: addresses(parsed.to),
            cc: addresses(parsed.cc),
            replyTo: addresses(parsed.replyTo)[0] ?? null,
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : null,
            messageId: parsed.messageId ?? null,
            inReplyTo: parsed.inReplyTo ?? null,
            references: references === undefined ? [] : Array.isArray(references) ? references : [references],
            headers,
            attachments: parsed.attachments.map((a) => ({
              filename: a.filename ?? null,
              contentType: a.contentType,
              size: a.size,
              contentId: a.cid ?? null,
              inline: a.contentDisposition === 'inline' || a.related === true,
            })),
          });
          callback(null, `Kept as ${seq}`);
        },
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    },
  });
  // A client resetting its connection must not kill the process.
  smtp.on('error', () => undefined);

  const select = (to?: string) => {
    if (!to) return [...received];
    const wanted = to.toLowerCase();
    return received.filter((m) => m.envelope.rcptTo.includes(wanted) || m.to.includes(wanted) || m.cc.includes(wanted));
  };

  const web = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://sink');
    const send = (status: number, type: string, body: string) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    if (url.pathname === '/messages' && request.method === 'GET') {
      send(200, 'application/json', JSON.stringify({ items: select(url.searchParams.get('to') ?? undefined) }));
    } else if (url.pathname === '/messages' && request.method === 'DELETE') {
      received.length = 0;
      response.writeHead(204).end();
    } else if (url.pathname === '/' && request.method === 'GET') {
      send(200, 'text/html; charset=utf-8', page(select(url.searchParams.get('to') ?? undefined)));
    } else if (url.pathname === '/health') {
      send(200, 'application/json', '{"status":"ok"}');
    } else {
      send(404, 'application/json', JSON.stringify({ code: 'SINK.NOT_FOUND', message: 'No such route' }));
    }
  });

  const smtpPort = await listen(smtp.server, options.smtpPort ?? 0, host);
  let httpPort: number;
  try {
    httpPort = await listen(web, options.httpPort ?? 0, host);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  return {
    smtpPort,
    httpPort,
    url: `http://${host}:${httpPort}`,
    messages: select,
    clear: () => {
      received.length = 0;
    },
    failNext: (count, code) => {
      for (let i = 0; i < count; i += 1) faults.push(code);
    },
    close: async () => {
      web.closeAllConnections();
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => web.close(() => resolve())),
      ]);
    },
  };
}
