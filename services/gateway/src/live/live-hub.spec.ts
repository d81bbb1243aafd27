import { DEFAULT_LIVE_LIMITS, type LiveClient, LiveHub } from './live-hub.js';

class RecordingClient implements LiveClient {
  chunks: string[] = [];
  ended = false;
  bufferedBytes = 0;

  write(chunk: string): boolean {
    this.chunks.push(chunk);
    return true;
  }

  end(): void {
    this.ended = true;
  }
}

const HOUR = 3_600_000;
const event = (recipients: string[]) => ({ event: 'call-answered', id: 'e-1', data: { callId: 'c' }, recipients });

describe(LiveHub.name, () => {
  it('writes an event once per stream of each recipient, as an SSE block', () => {
    const hub = new LiveHub();
    const anna = new RecordingClient();
    const bertil = new RecordingClient();
    hub.open('anna', anna, Date.now() + HOUR);
    hub.open('bertil', bertil, Date.now() + HOUR);
    expect(hub.deliver(event(['anna', 'anna', 'nobody']))).toBe(1);
    expect(anna.chunks).toEqual(['event: call-answered\nid: e-1\ndata: {"callId":"c"}\n\n']);
    expect(bertil.chunks).toEqual([]);
    hub.close();
  });

  it('writes an event once to each stream of its inboxes and its recipients, never twice to one stream', () => {
    const hub = new LiveHub();
    const elin = new RecordingClient();
    const anna = new RecordingClient();
    const bertil = new RecordingClient();
    hub.open('elin', elin, Date.now() + HOUR, ['stadsbyggnad']);
    hub.open('anna', anna, Date.now() + HOUR, ['kundtjanst', 'stadsbyggnad']);
    hub.open('bertil', bertil, Date.now() + HOUR, ['kundtjanst']);
    const update = { event: 'case-moved', id: 'e-2', data: { number: '2026-000123' } };
    expect(hub.deliver({ ...update, recipients: ['anna'], inboxIds: ['stadsbyggnad', 'aldreomsorg'] })).toBe(2);
    expect(elin.chunks).toEqual(['event: case-moved\nid: e-2\ndata: {"number":"2026-000123"}\n\n']);
    expect(anna.chunks).toEqual(elin.chunks);
    expect(bertil.chunks).toEqual([]);
    hub.close();
  });

  it('forgets the inboxes of a stream once it closes', () => {
    const hub = new LiveHub();
    const elin = new RecordingClient();
    hub.open('elin', elin, Date.now() + HOUR, ['stadsbyggnad']).close();
    expect(hub.deliver({ event: 'case-moved', id: 'e-3', data: {}, recipients: [], inboxIds: ['stadsbyggnad'] })).toBe(
      0,
    );
    expect(elin.chunks).toEqual([]);
  });

  it('cuts off a client that does not read instead of buffering for it', () => {
    const hub = new LiveHub({ ...DEFAULT_LIVE_LIMITS, maxBufferedBytes: 10 });
    const slow = new RecordingClient();
    hub.open('anna', slow, Date.now() + HOUR);
    slow.bufferedBytes = 11;
    expect(hub.deliver(event(['anna']))).toBe(0);
    expect(slow.ended).toBe(true);
    expect(hub.connections('anna')).toBe(0);
  });

  it('ends a stream when its token expires', async () => {
    const hub = new LiveHub();
    const client = new RecordingClient();
    hub.open('anna', client, Date.now() + 20);
    await new Promise((resolve) => setTimeout(resolve, 60));
    expect(client.ended).toBe(true);
    expect(hub.connections()).toBe(0);
  });

  it('ends every stream on close and refuses new ones after it', () => {
    const hub = new LiveHub();
    const client = new RecordingClient();
    const connection = hub.open('anna', client, Date.now() + HOUR);
    hub.close();
    expect(client.ended).toBe(true);
    connection.close();
    expect(hub.connections()).toBe(0);
    let refused: unknown;
    try {
      hub.open('anna', new RecordingClient(), Date.now() + HOUR);
    } catch (error) {
      refused = error;
    }
    expect(refused).toMatchObject({ code: 'SERVICE.UNAVAILABLE' });
  });
});
