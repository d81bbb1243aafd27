/** One Server-Sent Event of GET /api/v1/live. */
export interface LiveEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** Splits a text/event-stream into events (comment lines and unknown fields are skipped). */
export function parseEventStream(buffer: string): { events: LiveEvent[]; rest: string } {
  const events: LiveEvent[] = [];
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  for (const block of blocks) {
    let event = 'message';
    let id: string | undefined;
    const data: string[] = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith(':') || line === '') continue;
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') event = value;
      else if (field === 'id') id = value;
      else if (field === 'data') data.push(value);
    }
    if (data.length === 0) continue;
    const text = data.join('\n');
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      // not JSON: handed on as text
    }
    events.push({ event, id, data: parsed });
  }
  return { events, rest };
}

/**
 * Whether a live event says a case changed (`case-registered`, `case-assigned`, `case-status-changed` …), and,
 * given a number, that case: the client then reads it again through its own requests.
 */
export function isCaseEvent(event: LiveEvent, number?: string): boolean {
  if (!event.event.startsWith('case-')) return false;
  if (number === undefined) return true;
  const about =
    typeof event.data === 'object' && event.data !== null ? (event.data as { number?: unknown }).number : undefined;
  return about === undefined || about === number;
}
