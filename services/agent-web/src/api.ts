import type { Auth } from './auth';

/** An error answer of the API: `{ code, message }` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Calls the gateway's API with the agent's bearer token. */
export class Api {
  constructor(private readonly auth: Auth) {}

  get<T>(path: string, signal?: AbortSignal): Promise<T> {
    return this.call<T>('GET', path, undefined, signal);
  }

  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown): Promise<T> {
    return this.call<T>(method, path, body);
  }

  /** The raw response, for streams (the live events). */
  async stream(path: string, signal: AbortSignal): Promise<Response> {
    const response = await fetch(path, {
      headers: { authorization: `Bearer ${await this.auth.token()}`, accept: 'text/event-stream' },
      signal,
    });
    if (!response.ok) throw await this.errorOf(response);
    return response;
  }

  private async call<T>(method: string, path: string, body: unknown, signal?: AbortSignal): Promise<T> {
    const headers: Record<string, string> = {
      authorization: `Bearer ${await this.auth.token()}`,
      accept: 'application/json',
    };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal,
    });
    if (response.status === 401) {
      await this.auth.login();
    }
    if (!response.ok) throw await this.errorOf(response);
    const text = await response.text();
    return (text === '' ? undefined : JSON.parse(text)) as T;
  }

  private async errorOf(response: Response): Promise<ApiError> {
    try {
      const body = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown };
      return new ApiError(
        response.status,
        typeof body.code === 'string' ? body.code : 'HTTP',
        typeof body.message === 'string' ? body.message : response.statusText,
        body.details,
      );
    } catch {
      return new ApiError(response.status, 'HTTP', response.statusText);
    }
  }
}
