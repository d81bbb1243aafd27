import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * Ports for servers a test starts itself, when the port must be known before the server binds it
 * (a child process, dovecot). Port 0 would hand two Jest workers the same ephemeral port in the gap
 * between asking and binding, and another worker's server then answers in our server's place. So
 * ports come from a range below Linux's ephemeral range (32768–60999), where nothing that binds
 * port 0 or dials out can land; each worker starts in a block of its own, and a port handed out is
 * reserved by a file naming this process, so Jest runs of other packages (whose workers have the
 * same JEST_WORKER_ID) skip it too. A reservation of a process that has ended is taken over.
 */
const FIRST_PORT = 20_000;
const BLOCK_SIZE = 1_000;
const BLOCKS = 12;
const RESERVATIONS = path.join(os.tmpdir(), 'arende-test-ports');
const handedOut = new Set<number>();
const worker = Number(process.env.JEST_WORKER_ID ?? 0) % BLOCKS;
let next = worker * BLOCK_SIZE + Math.floor(Math.random() * BLOCK_SIZE);

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Claims the port for this process unless a running process holds it. */
function reserve(port: number): boolean {
  const file = path.join(RESERVATIONS, String(port));
  try {
    writeFileSync(file, String(process.pid), { flag: 'wx' });
    return true;
  } catch {
    const holder = Number(readFileSync(file, 'utf8'));
    if (holder === process.pid || (holder > 0 && isRunning(holder))) return false;
    writeFileSync(file, String(process.pid));
    return Number(readFileSync(file, 'utf8')) === process.pid;
  }
}

/** A port on 127.0.0.1 (and the wildcard address) no other test of this machine is using or will be handed. */
export async function freePort(): Promise<number> {
  mkdirSync(RESERVATIONS, { recursive: true });
  const span = BLOCK_SIZE * BLOCKS;
  for (let tries = 0; tries < span; tries += 1) {
    const port = FIRST_PORT + (next % span);
    next += 1;
    if (handedOut.has(port)) continue;
    if (!(await isFree(port, '127.0.0.1')) || !(await isFree(port, '0.0.0.0'))) continue;
    if (!reserve(port)) continue;
    handedOut.add(port);
    return port;
  }
  throw new Error(`No free port in ${FIRST_PORT}–${FIRST_PORT + span - 1}`);
}
