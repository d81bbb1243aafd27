/** Why a page or sitemap could not be read; the import records the reason and goes on. */
export class WebFetchError extends Error {}

export interface FetchOptions {
  timeoutMs: number;
  maxBytes: number;
}

/**
 * GET a page of the city's website as text: http(s) only, redirects followed, at most `maxBytes` read, within
 * `timeoutMs`. Anything but a 2xx is a {@link WebFetchError}; so is a redirect to another site.
 */
export async function fetchText(url: string, options: FetchOptions): Promise<{ text: string; contentType: string }> {
  const origin = new URL(url).origin;
  let response: Response;
  try {
    response = await fetch(url, {
      redirect: 'follow',
      signal: AbortSignal.timeout(options.timeoutMs),
      headers: {
        accept: 'text/html, application/xml, text/xml;q=0.9, */*;q=0.1',
        'user-agent': 'Arende-knowledge-import',
      },
    });
  } catch (error) {
    throw new WebFetchError(
      `Not reachable: ${(error as Error).name === 'TimeoutError' ? 'timed out' : (error as Error).message}`,
    );
  }
  if (new URL(response.url || url).origin !== origin) {
    await response.body?.cancel();
    throw new WebFetchError(`Redirected to another site: ${response.url}`);
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
