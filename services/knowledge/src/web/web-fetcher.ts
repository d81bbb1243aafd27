/** Why a page or sitemap could not be read; the import records the reason and goes on. */
export class WebFetchError extends Error {}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

/** Redirects followed at most, each to the same site. */
const MAX_REDIRECTS = 5;

/**
 * GET a page of the city's website as text: http(s) only, at most `maxBytes` read, within `timeoutMs`.
 * Redirects are followed by hand, and only within the site of `url`: no request ever leaves it. Anything
 * but a 2xx is a {@link WebFetchError}.
 */
export async function fetchText(url: string, options: FetchOptions): Promise<{ text: string; contentType: string }> {
  const origin = new URL(url).origin;
  const signal = AbortSignal.timeout(options.timeoutMs);
  let at = url;
  let response: Response;
  for (let hop = 0; ; hop++) {
    try {
      response = await fetch(at, {
        redirect: 'manual',
        signal,
        headers: {
          accept: 'text/html, application/xml, text/xml;q=0.9, */*;q=0.1',
          'user-agent': 'Arende-knowledge-import',
        },
      });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message;
      throw new WebFetchError(`Not reachable: ${reason}`);
    }
    const location = response.headers.get('location');
    if (response.status < 300 || response.status >= 400 || location === null) break;
    await response.body?.cancel();
    const target = new URL(location, at);
    if (target.origin !== origin) throw new WebFetchError(`Redirected to another site: ${target.href}`);
    if (hop + 1 >= MAX_REDIRECTS) throw new WebFetchError(`More than ${MAX_REDIRECTS} redirects`);
    at = target.href;
  }
  if (!response.ok) {
    await response.body?.cancel();
    throw new WebFetchError(`HTTP ${response.status}`);
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > options.maxBytes) {
    await response.body?.cancel();
    throw new WebFetchError(`Larger than ${options.maxBytes} bytes`);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const next = await reader?.read();
      if (!next || next.done) break;
      size += next.value.byteLength;
      if (size > options.maxBytes) throw new WebFetchError(`Larger than ${options.maxBytes} bytes`);
      chunks.push(next.value);
    }
  } catch (error) {
    await reader?.cancel().catch(() => undefined);
    if (error instanceof WebFetchError) throw error;
    throw new WebFetchError(`Read failed: ${(error as Error).message}`);
  }
  return {
    text: Buffer.concat(chunks).toString('utf8'),
    contentType: response.headers.get('content-type') ?? '',
  };
}
