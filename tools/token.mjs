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
const { DEMO_USERS, loginDemoUser } = lib;

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

const issuer = process.env.ISSUER_URL ?? 'http://127.0.0.1:8090';
try {
  const token = await loginDemoUser(issuer, username, {
    audience: parsed.values.audience,
    clientId: parsed.values.client,
  });
  process.stdout.write(`${token}\n`);
} catch (error) {
  const hint = /Cannot reach the issuer/.test(error.message) ? ' (is it running? npm run up)' : '';
  fail(`${error.message}${hint}`);
}
