import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One text message as 46elks received it. */
export interface ElksRequest {
  authorization: string | undefined;
  contentType: string | undefined;
  from: string | null;
  to: string | null;
  message: string | null;
}

/**
 * A local stand-in for 46elks' documented API: `POST /a1/sms`, form-encoded, HTTP basic auth, answering the JSON
 * 46elks does (`id`, `status: created`, `parts`…), 401 on wrong credentials. `failNext` answers with a status.
 */
export async function startFakeElks(user: string, password: string) {
  const received: ElksRequest[] = [];
  const failures: number[] = [];
  const expected = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.method !== 'POST' || request.url !== '/a1/sms') {
        response.writeHead(404).end('Not found');
        return;
      }
      if (request.headers.authorization !== expected) {
        response.writeHead(401).end('API access requires Basic HTTP authentication.');
        return;
      }
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      received.push({
        authorization: request.headers.authorization,
        contentType: request.headers['content-type'],
        from: form.get('from'),
        to: form.get('to'),
        message: form.get('message'),
      });
      const failure = failures.shift();
      if (failure !== undefined) {
        response.writeHead(failure).end('Failure');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify({
          status: 'created',
          direction: 'outgoing',
          from: form.get('from'),
          to: form.get('to'),
          message: form.get('message'),
          id: `s${received.length}`,
          created: new Date().toISOString(),
          parts: 1,
          cost: 3500,
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    failNext: (status: number) => failures.push(status),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export type FakeElks = Awaited<ReturnType<typeof startFakeElks>>;
