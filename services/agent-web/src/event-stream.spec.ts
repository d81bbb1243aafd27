import { isCaseEvent, parseEventStream } from './event-stream';

describe('parseEventStream', () => {
  it('reads named events with ids and JSON data, skips comments, and keeps an unfinished event for later', () => {
    const { events, rest } = parseEventStream(
      ': connected\n\n' +
        'event: call-answered\nid: 42\ndata: {"aNumber":"+46701234567"}\n\n' +
        ': keep-alive\n\n' +
        'event: case-changed\ndata: {"number":"2026-0',
    );
    expect(events).toEqual([{ event: 'call-answered', id: '42', data: { aNumber: '+46701234567' } }]);
    expect(parseEventStream(`${rest}00001"}\n\n`).events).toEqual([
      { event: 'case-changed', id: undefined, data: { number: '2026-000001' } },
    ]);
  });

  it('joins multi-line data and hands on text that is not JSON as it is, with CRLF line ends too', () => {
    const { events, rest } = parseEventStream('data: first\r\ndata: second\r\n\r\n');
    expect(events).toEqual([{ event: 'message', id: undefined, data: 'first\nsecond' }]);
    expect(rest).toBe('');
  });
});

describe('isCaseEvent', () => {
  it('knows case events by name and, given a number, by the case they are about', () => {
    const changed = { event: 'case-status-changed', data: { number: '2026-000001', status: 'closed' } };
    expect(isCaseEvent(changed)).toBe(true);
    expect(isCaseEvent(changed, '2026-000001')).toBe(true);
    expect(isCaseEvent(changed, '2026-000002')).toBe(false);
    expect(isCaseEvent({ event: 'call-answered', data: { aNumber: null } })).toBe(false);
    expect(isCaseEvent({ event: 'notification', data: {} })).toBe(false);
  });
});
