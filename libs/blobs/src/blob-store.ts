import type { Readable } from 'node:stream';

/**
 * Where raw messages and attachments are kept, by key (`intake/2026/11/23/<id>/raw.eml`). A key is referenced
 * (in a row or an event) only after `put` has resolved, so readers never look for a blob still being written.
 */
export interface BlobStore {
  /** Stores `content` under `key`, replacing what was there. `contentType` is kept where the store can (S3). */
  put(key: string, content: Buffer, contentType: string): Promise<void>;
  /** The whole blob; rejects with {@link BlobNotFoundError} when there is none. For large blobs use `stream`. */
  get(key: string): Promise<Buffer>;
  /** The blob as a stream; rejects with {@link BlobNotFoundError} before any byte when there is none. */
  stream(key: string): Promise<Readable>;
  exists(key: string): Promise<boolean>;
  /** Removes the blob; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Releases connections; call once at shutdown. */
  close(): Promise<void>;
}

/** No blob is stored under the key. */
export class BlobNotFoundError extends Error {
  constructor(readonly key: string) {
    super(`No blob under key: ${key}`);
    this.name = 'BlobNotFoundError';
  }
}

/** The key is refused before the store is touched (see {@link assertBlobKey}). */
export class InvalidBlobKeyError extends Error {
  constructor(readonly key: string) {
    super(`Invalid blob key: ${JSON.stringify(key)}`);
    this.name = 'InvalidBlobKeyError';
  }
}

// S3 allows 1,024 bytes of key; keys here are ASCII, and a prefix comes on top.
const MAX_KEY_LENGTH = 900;
const SAFE_KEY = /^[A-Za-z0-9][A-Za-z0-9._/-]*$/;

/**
 * A key is `/`-separated segments of letters, digits, `.`, `_` and `-`, starting with a letter or digit; no empty,
 * `.` or `..` segment. The same rule in every store, so a key that works here works in the cluster.
 */
export function assertBlobKey(key: string): void {
  const valid =
    key.length <= MAX_KEY_LENGTH &&
    SAFE_KEY.test(key) &&
    key.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
  if (!valid) throw new InvalidBlobKeyError(key);
}
