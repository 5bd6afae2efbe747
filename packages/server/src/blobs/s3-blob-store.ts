import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { type BlobStore, checkedKey } from './blob-store.js';

/** Where an S3-compatible bucket is and how to sign requests to it (`CONFAB_S3_*`). */
export interface S3Config {
  /** The service's base URL, e.g. `https://s3.eu-west-1.amazonaws.com` or `http://127.0.0.1:9000`. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

/**
 * Blobs as objects in an S3-compatible bucket, addressed path-style (`<endpoint>/<bucket>/<key>`) and signed
 * with SigV4, so every process of a deployment reads what any of them wrote.
 */
export class S3BlobStore implements BlobStore {
  readonly location: string;
  readonly #client: AwsClient;
  readonly #base: string;

  constructor(config: S3Config) {
    this.#client = new AwsClient({
      accessKeyId: config.accessKeyId,
      secretAccessKey: config.secretAccessKey,
      region: config.region,
      service: 's3',
    });
    this.#base = `${config.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(config.bucket)}`;
    this.location = this.#base;
  }

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    const response = await this.#client.fetch(this.#url(key), {
      method: 'PUT',
      body: data as Uint8Array<ArrayBuffer>,
      headers: { 'content-type': contentType, 'content-length': String(data.byteLength) },
    });
    await this.#expect(response, 'PUT', key);
  }

  async get(key: string): Promise<Readable | undefined> {
    const response = await this.#client.fetch(this.#url(key));
    if (response.status === 404) {
      await response.body?.cancel();
      return undefined;
    }
    if (!response.ok || !response.body) await this.#expect(response, 'GET', key);
    return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  }

  async delete(key: string): Promise<void> {
    const response = await this.#client.fetch(this.#url(key), { method: 'DELETE' });
    if (response.status === 404) await response.body?.cancel();
    else await this.#expect(response, 'DELETE', key);
  }

  #url(key: string): string {
    return `${this.#base}/${checkedKey(key)}`;
  }

  async #expect(response: Response, method: string, key: string): Promise<void> {
    const text = await response.text();
    if (!response.ok) throw new Error(`S3 ${method} ${key} answered ${response.status}: ${text.slice(0, 200)}`);
  }
}
