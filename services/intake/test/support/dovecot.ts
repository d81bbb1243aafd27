import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, chown, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@arende/testing';

/** Runs a command to its exit. Its output is ignored: the daemon Dovecot forks would keep a pipe open forever. */
function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`))));
  });
}

// Mail is stored as `nobody`: Dovecot's login processes refuse to serve a root-owned mailbox.
const MAIL_UID = 65534;
const MAIL_GID = 65534;

export interface Dovecot {
  host: string;
  port: number;
  /** The shared mailbox's login. */
  user: string;
  /** A second mailbox with the same password, for tests that need their own. */
  otherUser: string;
  password: string;
  /** Stops the server; the mailboxes stay, so `start()` brings back the same state. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** Drops a message straight into the Maildir, as a local delivery agent does (works while stopped). */
  deliver(raw: string): Promise<void>;
  /** What Dovecot logged so far. */
  log(): Promise<string>;
  /** Stops the server and deletes its folder. */
  close(): Promise<void>;
}

async function waitForGreeting(host: string, port: number, up: boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const answers = await new Promise<boolean>((resolve) => {
      const socket = connect(port, host);
      socket.once('data', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (answers === up) return;
    if (Date.now() > deadline) throw new Error(`Dovecot on port ${port} did not ${up ? 'start' : 'stop'}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface DovecotOptions {
  /** Capabilities to leave out of what the server announces after login (e.g. `IDLE`, `MOVE`). */
  without?: string[];
}

// What Dovecot 2.3 announces after login; `without` removes from it.
const CAPABILITIES =
  'IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE IDLE SORT SORT=DISPLAY THREAD=REFERENCES THREAD=REFS ' +
  'THREAD=ORDEREDSUBJECT MULTIAPPEND URL-PARTIAL CATENATE UNSELECT CHILDREN NAMESPACE UIDPLUS LIST-EXTENDED ' +
  'I18NLEVEL=1 CONDSTORE QRESYNC ESEARCH ESORT SEARCHRES WITHIN CONTEXT=SEARCH LIST-STATUS BINARY MOVE ' +
  'SNIPPET=FUZZY PREVIEW=FUZZY PREVIEW STATUS=SIZE SAVEDATE LITERAL+ NOTIFY';

/**
 * A throw-away Dovecot (Debian's `dovecot-imapd`) on a free loopback port, plain IMAP without TLS, two
 * passwd-file users whose Maildirs live in a temporary folder. Needs root (as the test machines run).
 */
export async function startDovecot(options: DovecotOptions = {}): Promise<Dovecot> {
  const dir = await mkdtemp(join(tmpdir(), 'dovecot-test-'));
  // The mail processes run as `nobody` and must reach the home folder inside it.
  await chmod(dir, 0o755);
  const port = await freePort();
  const user = 'kundtjanst';
  const otherUser = 'arkiv';
  const password = 'hemligt';
  const homeOf = (name: string): string => join(dir, 'home', name);
  const passwd: string[] = [];
  for (const name of [user, otherUser]) {
    await mkdir(homeOf(name), { recursive: true });
    await chown(homeOf(name), MAIL_UID, MAIL_GID);
    passwd.push(`${name}:{PLAIN}${password}:${MAIL_UID}:${MAIL_GID}::${homeOf(name)}`);
  }
  await writeFile(join(dir, 'passwd'), passwd.join('\n') + '\n');
  const config = join(dir, 'dovecot.conf');
  await writeFile(
    config,
    [
      `base_dir = ${join(dir, 'run')}`,
      `state_dir = ${join(dir, 'state')}`,
      `log_path = ${join(dir, 'dovecot.log')}`,
      'protocols = imap',
      ...(options.without === undefined
        ? []
        : [
            `imap_capability = ${CAPABILITIES.split(' ')
              .filter((c) => !options.without?.includes(c))
              .join(' ')}`,
          ]),
      'listen = 127.0.0.1',
      'ssl = no',
      'disable_plaintext_auth = no',
      'auth_mechanisms = plain login',
      'first_valid_uid = 1',
      'mail_location = maildir:~/Maildir',
      `passdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
      `userdb {\n  driver = passwd-file\n  args = ${join(dir, 'passwd')}\n}`,
      `service imap-login {\n  inet_listener imap {\n    address = 127.0.0.1\n    port = ${port}\n  }\n  inet_listener imaps {\n    port = 0\n  }\n}`,
      '',
    ].join('\n'),
  );

  const start = async (): Promise<void> => {
    try {
      await run('dovecot', ['-c', config]);
    } catch (error) {
      const log = await readFile(join(dir, 'dovecot.log'), 'utf8').catch(() => '');
      throw new Error(
        `Dovecot did not start (is dovecot-imapd installed? tools/ensure-infra.sh installs it): ${String(error)}\n${log}`,
        { cause: error },
      );
    }
    await waitForGreeting('127.0.0.1', port, true);
  };
  const stop = async (): Promise<void> => {
    const master = Number((await readFile(join(dir, 'run', 'master.pid'), 'utf8').catch(() => '')).trim());
    await run('doveadm', ['-c', config, 'stop']).catch(() => undefined);
    // Sessions (and the log and stats processes) outlive the master; end them too, as a real outage would.
    // They are all in the process group the master leads.
    if (master > 0) {
      try {
        process.kill(-master, 'SIGKILL');
      } catch {
        // Nothing left.
      }
    }
    await waitForGreeting('127.0.0.1', port, false);
  };

  await start();
  return {
    host: '127.0.0.1',
    port,
    user,
    otherUser,
    password,
    start,
    stop,
    deliver: async (raw) => {
      const folder = join(homeOf(user), 'Maildir', 'new');
      await mkdir(folder, { recursive: true });
      const file = join(folder, `${Date.now()}.${randomUUID()}.test`);
      await writeFile(file, raw);
      await chown(file, MAIL_UID, MAIL_GID);
    },
    log: () => readFile(join(dir, 'dovecot.log'), 'utf8'),
    close: async () => {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
