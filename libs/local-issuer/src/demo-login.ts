import { DEFAULT_REDIRECT_URIS, clientForAudience, resourceFor } from './clients.js';
import { DEMO_USERS } from './demo-users.js';
import { loginWithPassword } from './login.js';

/**
 * An access token for a demo user from a running local issuer, through the real
 * authorization-code + PKCE flow: what `npm run -s token`, `npm run up`, the benchmarks and
 * the end-to-end tests use.
 */
export async function loginDemoUser(
  issuer: string,
  username: string,
  options: { audience?: string; clientId?: string } = {},
): Promise<string> {
  const user = DEMO_USERS.find((u) => u.username === username);
  if (!user) {
    throw new Error(`unknown user "${username}"; demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);
  }
  const audience = options.audience ?? 'gateway';
  const tokens = await loginWithPassword({
    issuer: issuer.replace(/\/$/, ''),
    clientId: options.clientId ?? clientForAudience(audience),
    redirectUri: DEFAULT_REDIRECT_URIS[0],
    username,
    password: user.password,
    resource: resourceFor(audience),
  });
  return tokens.accessToken;
}
