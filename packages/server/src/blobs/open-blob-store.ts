import { join } from 'node:path';
import type { BlobStore } from './blob-store.js';
import { LocalBlobStore } from './local-blob-store.js';
import { S3BlobStore, type S3Config } from './s3-blob-store.js';

/** The deployment's blob store: the S3-compatible bucket when configured, otherwise `<dataDir>/uploads`. */
export function openBlobStore(options: { s3: S3Config | undefined; dataDir: string }): BlobStore {
  return options.s3 ? new S3BlobStore(options.s3) : new LocalBlobStore(join(options.dataDir, 'uploads'));
}
