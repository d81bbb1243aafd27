import { z } from 'zod';
import { type ConfigOf, ConfigError, defineConfig, env } from '@arende/config';
import type { BlobStore } from './blob-store.js';
import { FileSystemBlobStore } from './file-system-blob-store.js';
import { S3BlobStore } from './s3-blob-store.js';

/** The blob store's variables; a service spreads them into its own `defineConfig` table. */
export const blobStoreConfig = defineConfig({
  BLOB_STORE: {
    schema: z.enum(['filesystem', 's3']).default('filesystem'),
    description: 'Where raw messages and attachments are kept: `filesystem` (one host) or `s3` (the cluster)',
  },
  BLOB_DIR: {
    schema: env.string('./var/blobs'),
    description: 'Directory of the filesystem blob store (BLOB_STORE=filesystem)',
  },
  S3_ENDPOINT: {
    schema: z.url().optional(),
    description: 'URL of an S3-compatible store (MinIO, Ceph RGW, …); unset for AWS S3',
  },
  S3_REGION: { schema: env.string('us-east-1'), description: 'S3 region (any value most S3-compatible stores accept)' },
  S3_BUCKET: { schema: z.string().default(''), description: 'Bucket of the blobs (required when BLOB_STORE=s3)' },
  S3_PREFIX: {
    schema: z.string().default(''),
    description: 'Put before every object key (`arende/`), so installations can share a bucket',
  },
  S3_ACCESS_KEY_ID: {
    schema: z.string().default(''),
    description: "S3 access key; unset: the SDK's default chain (AWS_* variables, web identity, instance role)",
  },
  S3_SECRET_ACCESS_KEY: {
    schema: z.string().default(''),
    description: 'S3 secret key (with S3_ACCESS_KEY_ID)',
    sensitive: true,
  },
  S3_FORCE_PATH_STYLE: {
    schema: env.bool(false),
    description: 'Bucket in the URL path instead of the host name (most self-hosted S3-compatible stores need true)',
  },
});

export type BlobStoreConfig = ConfigOf<typeof blobStoreConfig>;

/** The store `BLOB_STORE` names; throws a {@link ConfigError} listing what the choice still lacks. */
export function createBlobStore(config: BlobStoreConfig): BlobStore {
  switch (config.BLOB_STORE) {
    case 'filesystem':
      return new FileSystemBlobStore(config.BLOB_DIR);
    case 's3': {
      const problems: string[] = [];
      if (config.S3_BUCKET === '') problems.push('S3_BUCKET: required when BLOB_STORE=s3');
      if ((config.S3_ACCESS_KEY_ID === '') !== (config.S3_SECRET_ACCESS_KEY === '')) {
        problems.push('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY: set both or neither');
      }
      if (problems.length > 0) throw new ConfigError(problems);
      return new S3BlobStore({
        bucket: config.S3_BUCKET,
        prefix: config.S3_PREFIX,
        endpoint: config.S3_ENDPOINT,
        region: config.S3_REGION,
        forcePathStyle: config.S3_FORCE_PATH_STYLE,
        credentials:
          config.S3_ACCESS_KEY_ID === ''
            ? undefined
            : { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY },
      });
    }
  }
}
