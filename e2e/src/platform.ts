import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { type SeedRoutingResult, seedRoutingDemo } from '@arende/demo-data';
import { loginDemoUser } from '@arende/local-issuer';
import { startSmtpSink, type SmtpSink } from '@arende/smtp-sink';
import { type FakeElks, freePort, startFakeElks } from '@arende/testing';
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
  intakeOpsUrl: string;
  /** The intake SMTP listener on 127.0.0.1, accepting mail for `intakeAddress`. */
  smtpPort: number;
  intakeAddress: string;
  /** Intake's filesystem blob store (raw messages and attachments). */
  intakeBlobDir: string;
  /** Intake's HTTP listener for SMS, Facebook, web forms and telephony, with the test secrets of each channel. */
  webhookUrl: string;
  webhookSecrets: typeof WEBHOOK_SECRETS;
  knowledgeOpsUrl: string;
  routingOpsUrl: string;
  notificationsOpsUrl: string;
  /** Where notifications sends mail: an SMTP sink in this process (`sink.messages(to)`, or GET `${sinkUrl}/messages?to=`). */
  sink: SmtpSink;
  sinkUrl: string;
  /** Where notifications sends text messages: a stand-in for 46elks in this process (`smsSink.received`). */
  smsSink: FakeElks;
  /** notifications' ALARM_EMAIL. */
  alarmEmail: string;
  slaWatcherOpsUrl: string;
  processes: Record<
    'issuer' | 'case-core' | 'gateway' | 'intake' | 'knowledge' | 'routing' | 'notifications' | 'sla-watcher',
    ChildProcess
  >;
  /** Output of every process so far, for failing tests to show. */
  output(): string;
  /** Kills a process without warning (SIGKILL) and waits until it is gone. */
  kill(name: keyof Platform['processes']): Promise<void>;
  /** Starts a process again with its first settings and waits until it is ready. */
  restart(name: keyof Platform['processes']): Promise<void>;
  /**
   * Seeds routing through the gateway, as the admin david, with the demo catalogue `npm run up` uses (reference
   * data, the inboxes of libs/demo-data with the contractor inbox `snorojning-ab`, the demo templates).
   * Creates only what is missing: safe to call from several tests on one platform.
   */
  seedRouting(): Promise<SeedRoutingResult>;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** `postgres://…/postgres`: where databases are created (default DATABASE_URL or the local server). */
  adminUrl?: string;
  natsUrl?: string;
  logLevel?: string;
  /** Marks the database and prefix (`e2e`, `bench`); a database name always contains `test`. */
  label?: string;
  /** Extra environment of sla-watcher (short limits for a test that waits for a reminder). */
  slaWatcherEnv?: Record<string, string>;
}

/** The channel secrets the platform's intake runs with (test values, never used anywhere else). */
export const WEBHOOK_SECRETS = {
  smsUser: 'e2e-46elks',
  smsPassword: 'e2e-46elks-password',
  facebookAppSecret: 'e2e-facebook-app-secret',
  facebookVerifyToken: 'e2e-verify',
  telephonyToken: 'e2e-telephony-token-0123',
} as const;

/** The account notifications sends text messages with (to the platform's 46elks stand-in). */
const SMS_PROVIDER = { user: 'e2e-46elks-out', password: 'e2e-46elks-out-password' } as const;

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
 * Starts the built issuer, case-core, knowledge, routing, sla-watcher, gateway, intake and notifications (mailing
 * into an SMTP sink in this process) as separate processes on a new database and NATS prefix.
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
  // Services migrate side by side below; the one extension two of them create is there before either runs.
  await adminQuery(databaseUrl, 'CREATE EXTENSION IF NOT EXISTS pg_trgm');

  const [
    issuerPort,
    gatewayPort,
    opsPort,
    intakeOpsPort,
    smtpPort,
    webhookPort,
    knowledgeOpsPort,
    routingOpsPort,
    notificationsOpsPort,
  ] = [
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const slaWatcherOpsPort = await freePort();
  const workDir = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'arende-'));
  const keyFile = path.join(workDir, 'issuer-key.json');
  const intakeBlobDir = path.join(workDir, 'blobs');
  const intakeAddress = 'kundtjanst@kommun.example';
  const lines: string[] = [];
  const output = () => lines.slice(-200).join('\n');
  const baseEnv = {
    ...process.env,
    LOG_LEVEL: options.logLevel ?? 'warn',
    LOG_PRETTY: '0',
    NATS_URL: natsUrl,
    NATS_PREFIX: prefix,
  };
  const launches = new Map<string, { script: string; env: Record<string, string>; ready: string }>();
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
  const intakeOpsUrl = `http://127.0.0.1:${intakeOpsPort}`;
  const knowledgeOpsUrl = `http://127.0.0.1:${knowledgeOpsPort}`;
  const routingOpsUrl = `http://127.0.0.1:${routingOpsPort}`;
  const notificationsOpsUrl = `http://127.0.0.1:${notificationsOpsPort}`;
  const alarmEmail = 'jour@kommun.example';
  const sink = await startSmtpSink({ smtpPort: await freePort(), httpPort: await freePort() });
  const smsSink = await startFakeElks(SMS_PROVIDER.user, SMS_PROVIDER.password);
  const slaWatcherOpsUrl = `http://127.0.0.1:${slaWatcherOpsPort}`;
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
    await sink.close();
    await smsSink.close();
    await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await deleteStreams(natsUrl, prefix);
    fs.rmSync(workDir, { recursive: true, force: true });
  };
  try {
    processes.issuer = start('issuer', 'libs/local-issuer/dist/main.js', {
      ISSUER_PORT: String(issuerPort),
      ISSUER_KEY_FILE: keyFile,
      // The web client the gateway serves signs in with its own origin's callback.
      ISSUER_REDIRECT_URIS: `http://127.0.0.1:${gatewayPort}/auth/callback`,
    });
    await waitForOk(`${issuerUrl}/.well-known/openid-configuration`, processes.issuer, output);
    // The services start side by side (each migrates its own schema and declares its own streams).
    processes['case-core'] = start('case-core', 'services/case-core/dist/main.js', {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(opsPort),
    });
    launches.set('case-core', {
      script: 'services/case-core/dist/main.js',
      env: { DATABASE_URL: databaseUrl, OPS_PORT: String(opsPort) },
      ready: `${caseCoreOpsUrl}/health/ready`,
    });
    processes.knowledge = start('knowledge', 'services/knowledge/dist/main.js', {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(knowledgeOpsPort),
    });
    processes.routing = start('routing', 'services/routing/dist/main.js', {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(routingOpsPort),
    });
    const slaWatcherEnv = {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(slaWatcherOpsPort),
      ...options.slaWatcherEnv,
    };
    processes['sla-watcher'] = start('sla-watcher', 'services/sla-watcher/dist/main.js', slaWatcherEnv);
    launches.set('sla-watcher', {
      script: 'services/sla-watcher/dist/main.js',
      env: slaWatcherEnv,
      ready: `${slaWatcherOpsUrl}/health/ready`,
    });
    processes.gateway = start('gateway', 'services/gateway/dist/main.js', {
      ISSUER_URL: issuerUrl,
      HOST: '127.0.0.1',
      PORT: String(gatewayPort),
    });
    const intakeEnv = {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(intakeOpsPort),
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtpPort),
      INTAKE_ADDRESSES: intakeAddress,
      BLOB_DIR: intakeBlobDir,
      WEBHOOK_HOST: '127.0.0.1',
      WEBHOOK_PORT: String(webhookPort),
      SMS_46ELKS_USER: WEBHOOK_SECRETS.smsUser,
      SMS_46ELKS_PASSWORD: WEBHOOK_SECRETS.smsPassword,
      FACEBOOK_APP_SECRET: WEBHOOK_SECRETS.facebookAppSecret,
      FACEBOOK_VERIFY_TOKEN: WEBHOOK_SECRETS.facebookVerifyToken,
      TELEPHONY_TOKEN: WEBHOOK_SECRETS.telephonyToken,
    };
    processes.intake = start('intake', 'services/intake/dist/main.js', intakeEnv);
    launches.set('intake', {
      script: 'services/intake/dist/main.js',
      env: intakeEnv,
      ready: `${intakeOpsUrl}/health/ready`,
    });
    const notificationsEnv = {
      DATABASE_URL: databaseUrl,
      OPS_PORT: String(notificationsOpsPort),
      SMTP_URL: `smtp://127.0.0.1:${sink.smtpPort}`,
      MAIL_REPLY_TO: intakeAddress,
      ALARM_EMAIL: alarmEmail,
      // The attachments intake stored, which distribution and referral mails carry.
      BLOB_DIR: intakeBlobDir,
      SMS_46ELKS_URL: smsSink.url,
      SMS_46ELKS_USER: SMS_PROVIDER.user,
      SMS_46ELKS_PASSWORD: SMS_PROVIDER.password,
      SEND_RETRY_BASE_MS: '200',
      SEND_POLL_MS: '100',
    };
    processes.notifications = start('notifications', 'services/notifications/dist/main.js', notificationsEnv);
    launches.set('notifications', {
      script: 'services/notifications/dist/main.js',
      env: notificationsEnv,
      ready: `${notificationsOpsUrl}/health/ready`,
    });
    await Promise.all([
      waitForOk(`${caseCoreOpsUrl}/health/ready`, processes['case-core'], output),
      waitForOk(`${knowledgeOpsUrl}/health/ready`, processes.knowledge, output),
      waitForOk(`${routingOpsUrl}/health/ready`, processes.routing, output),
      waitForOk(`${slaWatcherOpsUrl}/health/ready`, processes['sla-watcher'], output),
      waitForOk(`${gatewayUrl}/health/ready`, processes.gateway, output),
      waitForOk(`${intakeOpsUrl}/health/ready`, processes.intake, output),
      waitForOk(`${notificationsOpsUrl}/health/ready`, processes.notifications, output),
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  const kill = async (name: keyof Platform['processes']) => {
    const child = processes[name];
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  };
  const restart = async (name: keyof Platform['processes']) => {
    const launch = launches.get(name);
    if (!launch) throw new Error(`${name} cannot be restarted`);
    await kill(name);
    processes[name] = start(name, launch.script, launch.env);
    await waitForOk(launch.ready, processes[name], output);
  };
  return {
    database,
    databaseUrl,
    prefix,
    issuerUrl,
    issuerKeyFile: keyFile,
    gatewayUrl,
    caseCoreOpsUrl,
    intakeOpsUrl,
    knowledgeOpsUrl,
    routingOpsUrl,
    notificationsOpsUrl,
    sink,
    sinkUrl: sink.url,
    smsSink,
    alarmEmail,
    slaWatcherOpsUrl,
    smtpPort,
    intakeAddress,
    intakeBlobDir,
    webhookUrl: `http://127.0.0.1:${webhookPort}`,
    webhookSecrets: WEBHOOK_SECRETS,
    processes,
    output,
    kill,
    restart,
    seedRouting: async () => seedRoutingDemo({ gatewayUrl, adminToken: await loginDemoUser(issuerUrl, 'david') }),
    stop,
  };
}
