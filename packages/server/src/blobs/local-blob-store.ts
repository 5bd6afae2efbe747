import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { open, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { type BlobStore, checkedKey } from './blob-store.js';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Blobs as files in one folder (`<dataDir>/uploads`): each written to a temporary name, then renamed. */
export class LocalBlobStore implements BlobStore {
  constructor(readonly location: string) {
    mkdirSync(location, { recursive: true });
  }

  async put(key: string, data: Uint8Array): Promise<void> {
    const file = join(this.location, checkedKey(key));
    const temporary = `${file}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temporary, data, { mode: 0o600 });
      await rename(temporary, file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable | undefined> {
    const handle = await open(join(this.location, checkedKey(key))).catch((error: unknown) => {
      if (isMissing(error)) return undefined;
      throw error;
    });
    return handle?.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(join(this.location, checkedKey(key)), { force: true });
  }
}
