import net from 'node:net';

export interface SmtpReply {
  code: number;
  text: string;
}

/**
 * A lean SMTP client for tests and benchmarks: one connection, one command at a time, replies parsed by
 * code. Messages are sent as given (CRLF line ends, dot-stuffed here).
 */
export class SmtpClient {
  private buffer = '';
  private waiting: ((reply: SmtpReply) => void) | null = null;
  private readonly replies: SmtpReply[] = [];
  private failure: Error | null = null;

  private constructor(private readonly socket: net.Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => this.read(chunk));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  static async connect(port: number, host = '127.0.0.1', helo = 'client.test'): Promise<SmtpClient> {
    const socket = net.connect(port, host);
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    const client = new SmtpClient(socket);
    client.expect(await client.reply(), 220);
    client.expect(await client.command(`EHLO ${helo}`), 250);
    return client;
  }

  /** Sends one message; resolves with the server's reply to the end of DATA (or the first refusal). */
  async send(from: string, to: readonly string[], message: string): Promise<SmtpReply> {
    const mailFrom = await this.command(`MAIL FROM:<${from}>`);
    if (mailFrom.code !== 250) return mailFrom;
    for (const rcpt of to) {
      const reply = await this.command(`RCPT TO:<${rcpt}>`);
      if (reply.code !== 250) {
        await this.command('RSET');
        return reply;
      }
    }
    const data = await this.command('DATA');
    if (data.code !== 354) return data;
    const body = message.replace(/\r?\n/g, '\r\n').replace(/^\./gm, '..');
    this.socket.write(body.endsWith('\r\n') ? `${body}.\r\n` : `${body}\r\n.\r\n`);
    return this.reply();
  }

  async close(): Promise<void> {
    if (this.failure === null) {
      try {
        await this.command('QUIT');
      } catch {
        // already gone
      }
    }
    this.socket.destroy();
  }

  private command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.reply();
  }

  private reply(): Promise<SmtpReply> {
    const ready = this.replies.shift();
    if (ready) return Promise.resolve(ready);
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.waiting = resolve;
      this.rejectWaiting = reject;
    });
  }

  private rejectWaiting: ((error: Error) => void) | null = null;

  private read(chunk: string): void {
    this.buffer += chunk;
    let lines: string[] = [];
    for (;;) {
      const end = this.buffer.indexOf('\r\n');
      if (end < 0) return;
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      lines.push(line);
      // "250-…" continues a multi-line reply; "250 …" ends it.
      if (line.length >= 4 && line[3] === '-') continue;
      const reply = { code: Number(line.slice(0, 3)), text: lines.map((l) => l.slice(4)).join('\n') };
      lines = [];
      const waiting = this.waiting;
      this.waiting = null;
      this.rejectWaiting = null;
      if (waiting) waiting(reply);
      else this.replies.push(reply);
    }
  }

  private fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    const reject = this.rejectWaiting;
    this.waiting = null;
    this.rejectWaiting = null;
    reject?.(error);
  }

  private expect(reply: SmtpReply, code: number): void {
    if (reply.code !== code) {
      this.socket.destroy();
      throw new Error(`SMTP: expected ${code}, got ${reply.code} ${reply.text}`);
    }
  }
}

/** A small RFC 5322 message in UTF-8 (8bit), enough for tests and benchmarks. */
export function textMessage(options: {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  inReplyTo?: string;
  date?: Date;
}): string {
  const headers = [
    `From: ${options.from}`,
    `To: ${options.to}`,
    `Subject: =?UTF-8?B?${Buffer.from(options.subject).toString('base64')}?=`,
    `Date: ${(options.date ?? new Date()).toUTCString()}`,
    `Message-ID: ${options.messageId}`,
    ...(options.inReplyTo ? [`In-Reply-To: ${options.inReplyTo}`] : []),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${options.text}\r\n`;
}
