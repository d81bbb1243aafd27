import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type BlobStore, BlobNotFoundError, InvalidBlobKeyError } from '../src/index.js';

/** Every byte value, then random bytes: what a text-only round trip would break. */
function binary(size: number): Buffer {
  const everyByte = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
  return Buffer.concat([everyByte, randomBytes(Math.max(0, size - 256))]);
}

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

export const INVALID_KEYS = [
  '',
  '/etc/passwd',
  '../etc/passwd',
  'intake/../../etc/passwd',
  'intake/..',
  'intake/./raw.eml',
  'intake//raw.eml',
  'intake/',
  '.hidden',
  'intake/raw eml',
  'intake/rå.eml',
  'intake\\raw.eml',
  'intake/raw.eml?versionId=1',
  `intake/${'x'.repeat(900)}`,
];

/**
 * What every BlobStore must do, run against each adapter by its spec. `open` gives a store ready for use; each
 * test writes under its own random prefix, so a shared bucket or directory is fine.
 */
export function blobStoreContract(open: () => Promise<BlobStore>): void {
  let store: BlobStore;
  let base: string;

  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });
  beforeEach(() => {
    base = `contract/${randomUUID()}`;
  });

  it('returns binary content exactly as it was put', async () => {
    const content = binary(64 * 1024);
    await store.put(`${base}/raw.eml`, content, 'message/rfc822');
    expect(await store.exists(`${base}/raw.eml`)).toBe(true);
    const read = await store.get(`${base}/raw.eml`);
    expect(read.length).toBe(content.length);
    expect(read.equals(content)).toBe(true);
  });

  it('keeps an empty blob', async () => {
    await store.put(`${base}/empty.txt`, Buffer.alloc(0), 'text/plain');
    expect(await store.exists(`${base}/empty.txt`)).toBe(true);
    expect((await store.get(`${base}/empty.txt`)).length).toBe(0);
  });

  it('replaces a blob put again under the same key', async () => {
    await store.put(`${base}/a.bin`, Buffer.from('first version, longer than the second'), 'text/plain');
    await store.put(`${base}/a.bin`, Buffer.from('second'), 'text/plain');
    expect((await store.get(`${base}/a.bin`)).toString()).toBe('second');
  });

  it('rejects get and stream of a missing key with BlobNotFoundError, and says it does not exist', async () => {
    const key = `${base}/missing.pdf`;
    await expect(store.get(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.get(key)).rejects.toMatchObject({ key });
    await expect(store.stream(key)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await store.exists(key)).toBe(false);
  });

  it('does not take a prefix of stored keys for a blob', async () => {
    await store.put(`${base}/folder/file.txt`, Buffer.from('x'), 'text/plain');
    expect(await store.exists(`${base}/folder`)).toBe(false);
    await expect(store.get(`${base}/folder`)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.stream(`${base}/folder`)).rejects.toBeInstanceOf(BlobNotFoundError);
    await store.delete(`${base}/folder`);
    expect((await store.get(`${base}/folder/file.txt`)).toString()).toBe('x');
  });

  it('deletes a blob, and deleting a missing one is no error', async () => {
    await store.put(`${base}/gone.txt`, Buffer.from('x'), 'text/plain');
    await store.delete(`${base}/gone.txt`);
    expect(await store.exists(`${base}/gone.txt`)).toBe(false);
    await expect(store.get(`${base}/gone.txt`)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete(`${base}/gone.txt`)).resolves.toBeUndefined();
  });

  it.each(INVALID_KEYS)('refuses the key %j in every operation with InvalidBlobKeyError', async (key) => {
    await expect(store.put(key, Buffer.from('x'), 'text/plain')).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.get(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.stream(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.exists(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(store.delete(key)).rejects.toBeInstanceOf(InvalidBlobKeyError);
  });

  it('writes nothing for a refused key', async () => {
    await expect(store.put(`${base}//x.txt`, Buffer.from('x'), 'text/plain')).rejects.toThrow(InvalidBlobKeyError);
    expect(await store.exists(`${base}/x.txt`)).toBe(false);
  });

  it('streams a large blob in pieces, byte for byte', async () => {
    const content = binary(24 * 1024 * 1024);
    await store.put(`${base}/large.bin`, content, 'application/octet-stream');
    const stream = await store.stream(`${base}/large.bin`);
    const hash = createHash('sha256');
    let size = 0;
    let pieces = 0;
    for await (const piece of stream) {
      const bytes = piece as Buffer;
      hash.update(bytes);
      size += bytes.length;
      pieces += 1;
    }
    expect(size).toBe(content.length);
    expect(hash.digest('hex')).toBe(sha256(content));
    expect(pieces).toBeGreaterThan(1);
  });

  it('keeps every blob of concurrent puts to different keys', async () => {
    const blobs = Array.from({ length: 40 }, (_, i) => ({ key: `${base}/${i}/file.bin`, content: binary(300 + i) }));
    await Promise.all(blobs.map((b) => store.put(b.key, b.content, 'application/octet-stream')));
    const read = await Promise.all(blobs.map((b) => store.get(b.key)));
    read.forEach((content, i) => expect(content.equals(blobs[i].content)).toBe(true));
  });

  it('ends concurrent puts to one key with one whole version', async () => {
    const versions = Array.from({ length: 8 }, (_, i) => Buffer.alloc(128 * 1024, i + 1));
    await Promise.all(versions.map((content) => store.put(`${base}/same.bin`, content, 'application/octet-stream')));
    const read = await store.get(`${base}/same.bin`);
    expect(versions.some((content) => content.equals(read))).toBe(true);
  });
}
