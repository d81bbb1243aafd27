import { ConfigError, loadConfig } from '@arende/config';
import { FileSystemBlobStore, S3BlobStore, blobStoreConfig, createBlobStore } from './index.js';

const load = (env: Record<string, string>) => loadConfig(blobStoreConfig, env);

describe(createBlobStore.name, () => {
  it('gives the filesystem store by default', async () => {
    const store = createBlobStore(load({}));
    expect(store).toBeInstanceOf(FileSystemBlobStore);
    await store.close();
  });

  it('gives the S3 store with its bucket, prefix and client settings', async () => {
    const store = createBlobStore(
      load({
        BLOB_STORE: 's3',
        S3_ENDPOINT: 'http://127.0.0.1:9000',
        S3_REGION: 'eu-north-1',
        S3_BUCKET: 'arende',
        S3_PREFIX: 'kommun',
        S3_ACCESS_KEY_ID: 'id',
        S3_SECRET_ACCESS_KEY: 'secret',
        S3_FORCE_PATH_STYLE: 'true',
      }),
    );
    expect(store).toBeInstanceOf(S3BlobStore);
    const s3 = store as S3BlobStore;
    expect(s3.bucket).toBe('arende');
    expect(s3.objectKey('intake/raw.eml')).toBe('kommun/intake/raw.eml');
    expect(await s3.client.config.region()).toBe('eu-north-1');
    expect(s3.client.config.forcePathStyle).toBe(true);
    expect(await s3.client.config.credentials()).toMatchObject({ accessKeyId: 'id', secretAccessKey: 'secret' });
    await store.close();
  });

  it('lists what an S3 choice lacks', () => {
    const attempt = () => createBlobStore(load({ BLOB_STORE: 's3', S3_ACCESS_KEY_ID: 'id' }));
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(/S3_BUCKET: required/);
    expect(attempt).toThrow(/set both or neither/);
  });

  it('refuses an unknown store and an invalid endpoint', () => {
    expect(() => load({ BLOB_STORE: 'ftp' })).toThrow(/BLOB_STORE/);
    expect(() => load({ BLOB_STORE: 's3', S3_ENDPOINT: 'not a url' })).toThrow(/S3_ENDPOINT/);
  });
});
