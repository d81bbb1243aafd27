import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import type { Interaction } from 'oidc-provider';
import type { DemoUser } from './demo-users.js';

/** Path prefix of our own login and consent routes (oidc-provider redirects here). */
export const INTERACTION_PATH = '/interaction/';

const MAX_FORM_BYTES = 8 * 1024;

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function loginPage(uid: string, clientId: string, username: string, error?: string): string {
  const message = error === undefined ? '' : `<p role="alert">${escapeHtml(error)}</p>`;
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Logga in – Ärende (lokal utgivare)</title></head>
<body>
<h1>Logga in</h1>
<p>Lokal OpenID-utgivare för utveckling, klient ${escapeHtml(clientId)}. Demoanvändare har lösenordet <code>demo</code>.</p>
${message}
<form method="post" action="${INTERACTION_PATH}${escapeHtml(uid)}/login">
<label>Användarnamn <input name="username" autocomplete="username" value="${escapeHtml(username)}" autofocus></label>
<label>Lösenord <input name="password" type="password" autocomplete="current-password"></label>
<button type="submit">Logga in</button>
</form>
</body></html>`;
}

/** The issuer's error page (OAuth errors that cannot be redirected back to the client). */
export function errorPage(error: string, description?: string): string {
  return `<!doctype html>
<html lang="sv"><head><meta charset="utf-8"><title>Fel – Ärende (lokal utgivare)</title></head>
<body><h1>Något gick fel</h1><p><code>${escapeHtml(error)}</code>${description === undefined ? '' : ` – ${escapeHtml(description)}`}</p></body></html>`;
}

function sendHtml(res: ServerResponse, status: number, html: string, formTargets: readonly string[] = []): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'content-security-policy': `default-src 'none'; form-action ${["'self'", ...formTargets].join(' ')}`,
  });
  res.end(html);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_FORM_BYTES) throw new Error('form too large');
    chunks.push(chunk);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function asString(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

// First-party clients only: consent is implied, so grant what the client asked for.
async function grantFor(provider: Provider, interaction: Interaction, accountId: string): Promise<string> {
  const clientId = asString(interaction.params.client_id) ?? '';
  const existing = interaction.grantId === undefined ? undefined : await provider.Grant.find(interaction.grantId);
  const grant = existing ?? new provider.Grant({ accountId, clientId });
  const scope = asString(interaction.params.scope) ?? 'openid';
  grant.addOIDCScope(scope);
  const resource = interaction.params.resource;
  for (const indicator of Array.isArray(resource) ? resource : [resource]) {
    if (typeof indicator === 'string') grant.addResourceScope(indicator, scope);
  }
  return grant.save();
}

/**
 * Handles `GET /interaction/:uid` (login form, or automatic consent) and
 * `POST /interaction/:uid/login` (checks the password). Small, but a real login.
 */
/**
 * `formTargets`: the origins of the clients' redirect URIs. Browsers hold the login form's redirects to the
 * page's `form-action` too, and a successful login ends in a redirect to the client.
 */
export function createInteractionHandler(
  provider: Provider,
  users: ReadonlyMap<string, DemoUser>,
  formTargets: readonly string[] = [],
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const interaction = await provider.interactionDetails(req, res);
    const clientId = asString(interaction.params.client_id) ?? '';
    const isLoginPost = req.method === 'POST' && (req.url ?? '').endsWith('/login');

    if (req.method === 'GET' && interaction.prompt.name === 'login') {
      sendHtml(
        res,
        200,
        loginPage(interaction.uid, clientId, asString(interaction.params.login_hint) ?? ''),
        formTargets,
      );
      return;
    }
    if (req.method === 'GET' && interaction.prompt.name === 'consent' && interaction.session !== undefined) {
      const grantId = await grantFor(provider, interaction, interaction.session.accountId);
      await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
      return;
    }
    if (isLoginPost && interaction.prompt.name === 'login') {
      const form = await readForm(req);
      const username = form.get('username') ?? '';
      const user = users.get(username);
      if (user === undefined || user.password !== form.get('password')) {
        sendHtml(
          res,
          401,
          loginPage(interaction.uid, clientId, username, 'Fel användarnamn eller lösenord.'),
          formTargets,
        );
        return;
      }
      // Login and consent in one step: first-party clients never show a consent screen.
      const grantId = await grantFor(provider, interaction, user.subject);
      await provider.interactionFinished(
        req,
        res,
        {
          login: { accountId: user.subject, ...(user.acr === undefined ? {} : { acr: user.acr }), amr: ['pwd'] },
          consent: { grantId },
        },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    sendHtml(res, 400, errorPage('invalid_request', 'Unsupported interaction'));
  };
}
