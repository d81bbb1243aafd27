import net from 'node:net';

/**
 * Ports for servers a test starts itself, when the port must be known before the server binds it
 * (a child process, dovecot). Port 0 would hand two Jest workers the same ephemeral port in the gap
 * between asking and binding, and another worker's server then answers in our server's place. So
 * each worker draws from its own block below Linux's ephemeral range (32768–60999), where nothing
 * that binds port 0 or dials out can land, and checks the port is free before handing it out.
 */
const FIRST_PORT = 20_000;
const BLOCK_SIZE = 1_000;
const BLOCKS = 12;
const handedOut = new Set<number>();
const worker = Number(process.env.JEST_WORKER_ID ?? 0) % BLOCKS;
const blockStart = FIRST_PORT + worker * BLOCK_SIZE;
let next = Math.floor(Math.random() * BLOCK_SIZE);

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(port, host, () => server.close(() => resolve(true)));
  });
}

/** A port on 127.0.0.1 (and the wildcard address) no other test of this run is using or will be handed. */
export async function freePort(): Promise<number> {
  for (let tries = 0; tries < BLOCK_SIZE; tries += 1) {
    const port = blockStart + (next % BLOCK_SIZE);
    next += 1;
    if (handedOut.has(port)) continue;
    if ((await isFree(port, '127.0.0.1')) && (await isFree(port, '0.0.0.0'))) {
      handedOut.add(port);
      return port;
    }
  }
  throw new Error(`No free port in ${blockStart}–${blockStart + BLOCK_SIZE - 1}`);
}
