import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileSystemBlobStore } from '../src/index.js';
import { blobStoreContract } from './blob-store.contract.js';

let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'arende-blobs-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe(FileSystemBlobStore.name, () => {
  describe('contract', () => {
    blobStoreContract(() => Promise.resolve(new FileSystemBlobStore(root)));
  });

  it('writes under its directory and leaves no temporary file behind', async () => {
    const store = new FileSystemBlobStore(join(root, 'own'));
    await Promise.all(
      Array.from({ length: 5 }, (_, i) => store.put('intake/2026/11/23/x/raw.eml', Buffer.from(`v${i}`), 'text/plain')),
    );
    expect(await readdir(join(root, 'own/intake/2026/11/23/x'))).toEqual(['raw.eml']);
  });

  it('never reaches outside its directory, even through a sibling with the same name start', async () => {
    const store = new FileSystemBlobStore(join(root, 'own'));
    await new FileSystemBlobStore(join(root, 'own-sibling')).put('secret.txt', Buffer.from('s'), 'text/plain');
    await expect(store.get('../own-sibling/secret.txt')).rejects.toThrow('Invalid blob key');
    expect(await store.exists('secret.txt')).toBe(false);
  });
});
