import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import { deleteStreams } from './streams.js';

const root = path.resolve(import.meta.dirname, '..', '..');

export interface Platform {
  database: string;
  databaseUrl: string;
  prefix: string;
  issuerUrl: string;
  /** The issuer's private signing key (JWK file), for tests that forge tokens such as expired ones. */
  issuerKeyFile: string;
  gatewayUrl: string;
  caseCoreOpsUrl: string;
  processes: Record<'issuer' | 'case-core' | 'gateway', ChildProcess>;
  /** Output of every process so far, for failing tests to show. */
  output(): string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** `postgres://…/postgres`: where databases are created (default DATABASE_URL or the local server). */
  adminUrl?: string;
  natsUrl?: string;
  logLevel?: string;
  /** Marks the database and prefix (`e2e`, `bench`); a database name always contains `test`. */
  label?: string;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client(adminUrl);
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForOk(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered:\n${output()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Starts the built issuer, case-core and gateway as separate processes on a new database and NATS prefix.
 * Build first (`npx nx run-many -t build`). `stop()` ends the processes, drops the database and
 * deletes the prefix's streams: nothing is left behind.
 */
export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const label = options.label ?? 'e2e';
  const adminUrl = options.adminUrl ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const natsUrl = options.natsUrl ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const tag = `${label}${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const database = `arende_test_${tag}`;
  const prefix = `${tag}_`;
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  await adminQuery(adminUrl, `CREATE DATABASE "${database}"`);

  const [issuerPort, gatewayPort, opsPort] = [await freePort(), await freePort(), await freePort()];
  const keyFile = path.join(fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'arende-')), 'issuer-key.json');
  const lines: string[] = [];
  const output = () => lines.slice(-200).join('\n');
  const baseEnv = {
    ...process.env,
    LOG_LEVEL: options.logLevel ?? 'warn',
    LOG_PRETTY: '0',
    NATS_URL: natsUrl,
    NATS_PREFIX: prefix,
  };
  const start = (name: string, script: string, env: Record<string, string>) => {
    const child = spawn(process.execPath, ['--enable-source-maps', path.join(root, script)], {
      cwd: root,
      env: { ...baseEnv, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => lines.push(`[${name}] ${chunk.toString().trimEnd()}`));
    child.stderr?.on('data', (chunk: Buffer) => lines.push(`[${name}] ${chunk.toString().trimEnd()}`));
    return child;
  };

  const issuerUrl = `http://127.0.0.1:${issuerPort}`;
  const gatewayUrl = `http://127.0.0.1:${gatewayPort}`;
  const caseCoreOpsUrl = `http://127.0.0.1:${opsPort}`;
  const processes = {} as Platform['processes'];
  const stop = async () => {
    await Promise.all(
      Object.values(processes).map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      ),
    );
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await deleteStreams(natsUrl, prefix);
    fs.rmSync(path.dirname(keyFile), { recursive: true, force: true });
  };
  try {
    processes.issuer = start('issuer', 'libs/local-issuer/dist/main.js', {
      ISSUER_PORT: String(issuerPort),
      ISSUER_KEY_FILE: keyFile,
    });
    await waitForOk(`${issuerUrl}/.well-known/openid-configuration`, processes.issuer, output);
    processes['case-core'] = start('case-core', 'services/case-core/dist/main.js', {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(opsPort),
    });
    await waitForOk(`${caseCoreOpsUrl}/health/ready`, processes['case-core'], output);
    processes.gateway = start('gateway', 'services/gateway/dist/main.js', {
      ISSUER_URL: issuerUrl,
      HOST: '127.0.0.1',
      PORT: String(gatewayPort),
    });
    await waitForOk(`${gatewayUrl}/health/ready`, processes.gateway, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    database,
    databaseUrl,
    prefix,
    issuerUrl,
    issuerKeyFile: keyFile,
    gatewayUrl,
    caseCoreOpsUrl,
    processes,
    output,
    stop,
  };
}
