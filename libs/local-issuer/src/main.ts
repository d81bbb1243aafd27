// Runs the local OpenID issuer as a process: `node dist/main.js` (npm start).
import path from 'node:path';
import { loadOrCreateSigningKey } from './keys.js';
import { startLocalIssuer } from './issuer.js';

function port(value: string | undefined): number {
  const parsed = Number(value ?? '8090');
  if (!Number.isInteger(parsed) || parsed < 0 || parsed > 65_535) {
    throw new Error(`ISSUER_PORT must be a port number, not ${value}`);
  }
  return parsed;
}

async function main(): Promise<void> {
  const keyFile = path.resolve(process.env.ISSUER_KEY_FILE ?? '.run/issuer-key.json');
  const redirectUris = (process.env.ISSUER_REDIRECT_URIS ?? '')
    .split(',')
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
  const issuer = await startLocalIssuer({
    host: process.env.ISSUER_HOST ?? '127.0.0.1',
    port: port(process.env.ISSUER_PORT),
    keys: [await loadOrCreateSigningKey(keyFile)],
    redirectUris,
    ...(process.env.ISSUER_PUBLIC_URL ? { publicUrl: process.env.ISSUER_PUBLIC_URL } : {}),
  });
  console.log(
    `local OpenID issuer listening at ${issuer.issuer} (signing key ${keyFile}; demo users, password "demo")`,
  );

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal} received, stopping the issuer`);
    issuer.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error('failed to stop the issuer', error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`local issuer failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
