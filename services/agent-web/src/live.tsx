import { type ReactNode, createContext, useContext, useEffect, useRef, useState } from 'react';
import type { Api } from './api';
import { type LiveEvent, parseEventStream } from './event-stream';

export type { LiveEvent };

type Listener = (event: LiveEvent) => void;

/**
 * Keeps one live stream open for the tab and hands each event to the listeners. The stream ends when the
 * token expires: it reconnects with the fresh one, waiting longer after each failure.
 */
class LiveStream {
  private readonly listeners = new Set<Listener>();
  private readonly abort = new AbortController();

  constructor(private readonly api: Api) {
    void this.run();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.abort.abort();
  }

  private async run(): Promise<void> {
    let failures = 0;
    while (!this.abort.signal.aborted) {
      try {
        const response = await this.api.stream('/api/v1/live', this.abort.signal);
        failures = 0;
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          const { events, rest } = parseEventStream(buffer + value);
          buffer = rest;
          for (const event of events) for (const listener of this.listeners) listener(event);
        }
      } catch {
        failures += 1;
      }
      if (this.abort.signal.aborted) return;
      await new Promise((resolve) => setTimeout(resolve, Math.min(30_000, 500 * 2 ** Math.min(failures, 6))));
    }
  }
}

const LiveContext = createContext<LiveStream | undefined>(undefined);

export function LiveProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [stream, setStream] = useState<LiveStream | undefined>();
  useEffect(() => {
    const opened = new LiveStream(api);
    setStream(opened);
    return () => opened.close();
  }, [api]);
  return <LiveContext.Provider value={stream}>{children}</LiveContext.Provider>;
}

/** Calls `listener` with every live event while the component is mounted. */
export function useLiveEvents(listener: Listener): void {
  const stream = useContext(LiveContext);
  const current = useRef(listener);
  current.current = listener;
  useEffect(() => stream?.subscribe((event) => current.current(event)), [stream]);
}
