import type { Readable } from 'node:stream';

/**
 * Where the bytes of uploads live, by key: files on this machine, or S3-compatible object storage that
 * every process of a deployment shares. Keys are upload ids.
 */
export interface BlobStore {
  /** Stores `data` under `key`, replacing what was there. */
  put(key: string, data: Uint8Array, contentType: string): Promise<void>;
  /** The bytes under `key`, or undefined when there are none. */
  get(key: string): Promise<Readable | undefined>;
  /** Removes `key`; removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** Names the storage for logs (no credentials). */
  readonly location: string;
}

/** Refuses a key that is not a plain name (an upload id), so no key can reach outside the store. */
export function checkedKey(key: string): string {
  if (!/^[A-Za-z0-9_-]{1,128}$/.test(key)) throw new Error(`not a blob key: ${JSON.stringify(key)}`);
  return key;
}
