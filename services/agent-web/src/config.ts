/** What the gateway tells the client about signing in (GET /web/config.json). */
export interface ClientConfig {
  issuerUrl: string;
  clientId: string;
  scope: string;
}

function isClientConfig(value: unknown): value is ClientConfig {
  if (typeof value !== 'object' || value === null) return false;
  const { issuerUrl, clientId, scope } = value as Record<string, unknown>;
  return (
    typeof issuerUrl === 'string' &&
    URL.canParse(issuerUrl) &&
    typeof clientId === 'string' &&
    typeof scope === 'string'
  );
}

export async function loadConfig(): Promise<ClientConfig> {
  const response = await fetch('/web/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/web/config.json: HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (!isClientConfig(body)) throw new Error('/web/config.json lacks issuerUrl, clientId or scope');
  return body;
}
