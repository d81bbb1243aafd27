export { type BlobStore, BlobNotFoundError, InvalidBlobKeyError, assertBlobKey } from './blob-store.js';
export { FileSystemBlobStore } from './file-system-blob-store.js';
export { S3BlobStore, type S3BlobStoreOptions } from './s3-blob-store.js';
export { type BlobStoreConfig, blobStoreConfig, createBlobStore } from './blob-store.config.js';
