import { randomUUID } from 'node:crypto';
import { CreateBucketCommand, HeadBucketCommand, HeadObjectCommand, S3ServiceException } from '@aws-sdk/client-s3';
import { loadConfig } from '@arende/config';
import { S3BlobStore, blobStoreConfig, createBlobStore } from '../src/index.js';
import { blobStoreContract } from './blob-store.contract.js';

// Runs against the S3-compatible store the S3_* variables name (MinIO, Ceph RGW, AWS, a local emulator); there is
// none on a developer machine by default, so without S3_ENDPOINT and S3_BUCKET the run is skipped, visibly.
const configured = Boolean(process.env.S3_ENDPOINT && process.env.S3_BUCKET);

function openStore(overrides: Record<string, string> = {}): S3BlobStore {
  const config = loadConfig(blobStoreConfig, { ...process.env, BLOB_STORE: 's3', ...overrides });
  return createBlobStore(config) as S3BlobStore;
}

/** Creates the bucket when it is missing (an emulator starts empty); a real store's bucket is left as it is. */
async function ensureBucket(store: S3BlobStore): Promise<void> {
  try {
    await store.client.send(new HeadBucketCommand({ Bucket: store.bucket }));
  } catch (error) {
    if (!(error instanceof S3ServiceException) || error.$metadata.httpStatusCode !== 404) throw error;
    await store.client.send(new CreateBucketCommand({ Bucket: store.bucket }));
  }
}

if (!configured) {
  // Straight to stderr: Jest hides console output of a file whose tests are all skipped.
  process.stderr.write(
    'S3BlobStore contract SKIPPED: S3_ENDPOINT and S3_BUCKET are not set. ' +
      'Set them (and S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY, S3_FORCE_PATH_STYLE) to run it; see libs/blobs/README.md.\n',
  );
  describe(S3BlobStore.name, () => {
    it.skip('meets the BlobStore contract (skipped: S3_ENDPOINT and S3_BUCKET not set)', () => undefined);
  });
} else {
  describe(S3BlobStore.name, () => {
    describe('contract', () => {
      blobStoreContract(async () => {
        const store = openStore();
        await ensureBucket(store);
        return store;
      });
    });

    describe('on the object', () => {
      let store: S3BlobStore;
      let prefixed: S3BlobStore;
      let prefix: string;

      beforeAll(async () => {
        store = openStore({ S3_PREFIX: '' });
        await ensureBucket(store);
        prefix = `prefix-${randomUUID()}`;
        prefixed = openStore({ S3_PREFIX: `${prefix}/` });
      });
      afterAll(async () => {
        await store.close();
        await prefixed.close();
      });

      it('keeps the content type and length given to put', async () => {
        const key = `typed/${randomUUID()}/photo.jpg`;
        await store.put(key, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 1]), 'image/jpeg');
        const head = await store.client.send(new HeadObjectCommand({ Bucket: store.bucket, Key: key }));
        expect(head.ContentType).toBe('image/jpeg');
        expect(head.ContentLength).toBe(6);
      });

      it('puts every key under S3_PREFIX', async () => {
        const key = `${randomUUID()}/raw.eml`;
        await prefixed.put(key, Buffer.from('under the prefix'), 'message/rfc822');
        expect(prefixed.objectKey(key)).toBe(`${prefix}/${key}`);
        expect((await store.get(`${prefix}/${key}`)).toString()).toBe('under the prefix');
        expect(await store.exists(key)).toBe(false);
      });

      it('reports a missing bucket as itself, not as a missing blob', async () => {
        const elsewhere = openStore({ S3_BUCKET: `missing-${randomUUID()}` });
        try {
          await expect(elsewhere.get('any/key')).rejects.toMatchObject({ name: 'NoSuchBucket' });
        } finally {
          await elsewhere.close();
        }
      });
    });
  });
}
