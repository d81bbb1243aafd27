#!/usr/bin/env node
// Prints an access token for a demo user from the running local issuer:
//   npm run -s token -- <username> [--audience gateway|portal] [--client <client id>]
// ISSUER_URL defaults to http://127.0.0.1:8090. Needs libs/local-issuer built (npx nx run @arende/local-issuer:build).
import { parseArgs } from 'node:util';

function fail(message) {
  console.error(`token: ${message}`);
  process.exit(1);
}

let lib;
try {
  lib = await import('@arende/local-issuer');
} catch {
  fail('@arende/local-issuer is not built; run: npx nx run @arende/local-issuer:build');
}
const { DEMO_USERS, DEFAULT_REDIRECT_URIS, clientForAudience, loginWithPassword, resourceFor } = lib;

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { audience: { type: 'string', short: 'a', default: 'gateway' }, client: { type: 'string', short: 'c' } },
  });
} catch (error) {
  fail(error.message);
}
const [username, ...extra] = parsed.positionals;
if (!username || extra.length > 0) {
  fail(
    `usage: npm run -s token -- <username> [--audience gateway|portal]; users: ${DEMO_USERS.map((u) => u.username).join(', ')}`,
  );
}
const user = DEMO_USERS.find((u) => u.username === username);
if (!user) fail(`unknown user "${username}"; demo users: ${DEMO_USERS.map((u) => u.username).join(', ')}`);

const issuer = (process.env.ISSUER_URL ?? 'http://127.0.0.1:8090').replace(/\/$/, '');
const { audience } = parsed.values;
try {
  const tokens = await loginWithPassword({
    issuer,
    clientId: parsed.values.client ?? clientForAudience(audience),
    redirectUri: DEFAULT_REDIRECT_URIS[0],
    username,
    password: user.password,
    resource: resourceFor(audience),
  });
  process.stdout.write(`${tokens.accessToken}\n`);
} catch (error) {
  const hint = /Cannot reach the issuer/.test(error.message)
    ? ' (is it running? npm start -w @arende/local-issuer)'
    : '';
  fail(`${error.message}${hint}`);
}
