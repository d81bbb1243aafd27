import type { FastifyInstance } from 'fastify';

/**
 * Makes every body in this (encapsulated) scope a Buffer of the raw bytes, up to `bodyLimit`: a signature is
 * checked over exactly what was sent, and the raw payload is what gets stored.
 */
export function keepRawBodies(app: FastifyInstance, bodyLimit: number): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit }, (_request, body, done) => done(null, body));
}

/** The raw body of a request in a {@link keepRawBodies} scope (empty when there was none). */
export function rawBodyOf(body: unknown): Buffer {
  return Buffer.isBuffer(body) ? body : Buffer.alloc(0);
}
