import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import { type BlobStore, BlobNotFoundError, InvalidBlobKeyError, assertBlobKey } from './blob-store.js';

export interface S3BlobStoreOptions {
  bucket: string;
  /** Put before every key (`arende/`), so several installations can share a bucket; a `/` is added if missing. */
  prefix?: string;
  /** An S3-compatible store's URL (MinIO, Ceph RGW, a city's object store); unset for AWS itself. */
  endpoint?: string;
  region: string;
  /** `bucket` in the path rather than the host name: what most self-hosted stores need. */
  forcePathStyle?: boolean;
  /** Unset: the SDK's default chain (AWS_* variables, web identity, instance profile). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** An S3 bucket (or any S3-compatible store): what runs in the cluster. The content type is kept on the object. */
export class S3BlobStore implements BlobStore {
  /** The client, for what the port does not cover (presigned URLs, HeadObject in tests). */
  readonly client: S3Client;
  readonly bucket: string;
  private readonly prefix: string;

  constructor(options: S3BlobStoreOptions) {
    this.bucket = options.bucket;
    this.prefix = normalisePrefix(options.prefix ?? '');
    this.client = new S3Client({
      region: options.region,
      endpoint: options.endpoint,
      forcePathStyle: options.forcePathStyle ?? false,
      credentials: options.credentials,
      // The SDK adds CRC checksum headers to every upload by default; several S3-compatible stores refuse them.
      ...(options.endpoint
        ? { requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' }
        : {}),
    });
  }

  /** The object key a blob key is stored under. */
  objectKey(key: string): string {
    assertBlobKey(key);
    return this.prefix + key;
  }

  async put(key: string, content: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({
        Bucket: this.bucket,
        Key: this.objectKey(key),
        Body: content,
        ContentType: contentType,
        ContentLength: content.length,
      }),
    );
  }

  async get(key: string): Promise<Buffer> {
    const body = await this.body(key);
    const bytes = await body.transformToByteArray();
    return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  async stream(key: string): Promise<Readable> {
    const body = await this.body(key);
    // In Node the SDK's body is the HTTP response itself, a Readable.
    if (!(body instanceof Readable)) throw new Error('S3 GetObject body is not a Node stream');
    return body;
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    // S3 answers 204 whether or not the object was there.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
  }

  close(): Promise<void> {
    this.client.destroy();
    return Promise.resolve();
  }

  private async body(key: string) {
    try {
      const output = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: this.objectKey(key) }));
      if (!output.Body) throw new BlobNotFoundError(key);
      return output.Body;
    } catch (error) {
      throw isNotFound(error) ? new BlobNotFoundError(key) : error;
    }
  }
}

function normalisePrefix(prefix: string): string {
  if (prefix === '') return '';
  const trimmed = prefix.replace(/\/+$/, '');
  try {
    assertBlobKey(trimmed);
  } catch {
    throw new InvalidBlobKeyError(prefix);
  }
  return `${trimmed}/`;
}

// GetObject answers NoSuchKey, HeadObject (no body) a bare 404 the SDK names NotFound; other stores vary the name.
// A missing bucket is a configuration error, not a missing blob.
function isNotFound(error: unknown): boolean {
  return (
    error instanceof S3ServiceException &&
    error.name !== 'NoSuchBucket' &&
    (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.$metadata.httpStatusCode === 404)
  );
}
