import { loginDemoUser } from '@arende/local-issuer';
import type { Platform } from '../src/platform.js';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A small HTTP client for the gateway, as the agent web client would call it. */
export class Api {
  private readonly tokens = new Map<string, string>();

  constructor(private readonly platform: Platform) {}

  async token(username: string, audience: 'gateway' | 'portal' = 'gateway'): Promise<string> {
    const key = `${username}:${audience}`;
    let token = this.tokens.get(key);
    if (!token) {
      token = await loginDemoUser(this.platform.issuerUrl, username, { audience });
      this.tokens.set(key, token);
    }
    return token;
  }

  async call<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: { as?: string | null; body?: unknown; rawBody?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    const as = options.as === undefined ? 'anna' : options.as;
    if (as !== null) headers.authorization = `Bearer ${await this.token(as)}`;
    let body: string | undefined;
    if (options.rawBody !== undefined) {
      body = options.rawBody;
      headers['content-type'] ??= 'application/json';
    } else if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${this.platform.gatewayUrl}${path}`, { method, headers, body });
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
    };
  }
}
