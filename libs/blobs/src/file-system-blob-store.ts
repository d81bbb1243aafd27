import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { type BlobStore, BlobNotFoundError, InvalidBlobKeyError, assertBlobKey } from './blob-store.js';

/**
 * A directory on local disk: what runs here and on a single host. The content type is not kept.
 *
 * Writes go to a temporary file beside the target and are renamed over it, so a blob is whole or absent: a crash
 * mid-write leaves no torn blob under a key, and a reader of a blob being overwritten keeps the old content.
 */
export class FileSystemBlobStore implements BlobStore {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, content: Buffer, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true });
    // Unique per write: two puts of one key must not share a temporary file.
    const temporary = `${path}.${randomUUID()}.tmp`;
    try {
      await writeFile(temporary, content);
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async stream(key: string): Promise<Readable> {
    try {
      const handle = await open(this.pathOf(key), 'r');
      // open() succeeds on a directory on Linux; a key naming a directory is not a blob.
      if (!(await handle.stat()).isFile()) {
        await handle.close();
        throw new BlobNotFoundError(key);
      }
      return handle.createReadStream();
    } catch (error) {
      throw notFoundOr(error, key);
    }
  }

  async exists(key: string): Promise<boolean> {
    try {
      return (await stat(this.pathOf(key))).isFile();
    } catch (error) {
      if (notFoundOr(error, key) instanceof BlobNotFoundError) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    try {
      await rm(this.pathOf(key), { force: true });
    } catch (error) {
      // A key naming a directory (a prefix of other keys) is no blob: nothing to delete.
      if ((error as NodeJS.ErrnoException).code !== 'ERR_FS_EISDIR') throw error;
    }
  }

  close(): Promise<void> {
    return Promise.resolve();
  }

  private pathOf(key: string): string {
    assertBlobKey(key);
    const path = join(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new InvalidBlobKeyError(key);
    return path;
  }
}

const MISSING = new Set(['ENOENT', 'ENOTDIR', 'EISDIR']);

function notFoundOr(error: unknown, key: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  return code !== undefined && MISSING.has(code) ? new BlobNotFoundError(key) : error;
}
