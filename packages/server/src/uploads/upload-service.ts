import type { Readable } from 'node:stream';
import type { EventFrame, Message, MessageBody, Upload } from '@confab/protocol';
import type { FastifyBaseLogger } from 'fastify';
import { imageSize } from 'image-size';
import type { BlobStore } from '../blobs/blob-store.js';
import { ChatError } from '../errors.js';
import { newId } from '../ids.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { UploadRecord, UploadRepository } from '../repository/sql-uploads.js';
import type { Actor } from '../services/actor.js';
import { safeFileName } from './file-name.js';
import { sniffType } from './sniff.js';
import { UploadGate } from './upload-gate.js';
import type { UploadLinks } from './upload-links.js';
import { RASTER_IMAGE_TYPES } from './upload-types.js';

/** The largest width or height a message's image may have (the contract's `ImageBody`). */
const MAX_SIDE = 20_000;
/** Uploads one sweep step deletes at most. */
const SWEEP_BATCH = 200;

/** What the upload service is told at start. */
export interface UploadOptions {
  /** Allowed types, as read from the bytes. */
  types: readonly string[];
  /** How long an upload no message references is kept (ms). */
  ttlMs: number;
  /** Uploads per user, with the other writes. */
  writeLimiter: SharedRateLimit;
  log: FastifyBaseLogger;
}

/** The upload a message body references, if any. */
export function uploadIdOf(body: MessageBody | null): string | undefined {
  return body && 'uploadId' in body ? body.uploadId : undefined;
}

/**
 * Uploads: storing files (type read from the bytes, images measured), who may fetch them, signed links in
 * every message that leaves the server, and the sweep of uploads no message references.
 */
export class UploadService {
  readonly #allowed: ReadonlySet<string>;
  /** Uploads are read into memory whole (≤ the upload limit each): at most 2 per user and 8 per process at once. */
  readonly #gate = new UploadGate(2, 8);
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  #sweeping: Promise<number> | undefined;

  constructor(
    private readonly repo: UploadRepository,
    private readonly blobs: BlobStore,
    private readonly links: UploadLinks,
    private readonly options: UploadOptions,
  ) {
    this.#allowed = new Set(options.types);
  }

  /**
   * Takes one write from the user's allowance and a place among the uploads read at once, before the body
   * is read; returns the function that gives the place back (call it once the upload is stored or refused).
   */
  async admit(actor: Actor): Promise<() => void> {
    await this.options.writeLimiter.spend(actor.user.id, 'Too many uploads; slow down.');
    return this.#gate.enter(actor.user.id);
  }

  /** Stores a file the actor uploaded, under the type its bytes show. */
  async create(actor: Actor, fileName: string | undefined, bytes: Buffer): Promise<Upload> {
    if (bytes.length === 0) throw new ChatError('invalid_request', 'The file is empty.');
    const contentType = sniffType(bytes);
    if (!contentType) throw new ChatError('unsupported_media_type', 'The type of this file is not one we accept.');
    if (!this.#allowed.has(contentType))
      throw new ChatError('unsupported_media_type', `Files of type ${contentType} are not accepted here.`);
    const size = RASTER_IMAGE_TYPES.has(contentType) ? measure(bytes) : undefined;
    const id = newId();
    const record = {
      id,
      owner_id: actor.user.id,
      name: safeFileName(fileName, `upload.${contentType.split(/[/+]/)[1]}`),
      content_type: contentType,
      size: bytes.length,
      width: size?.width ?? null,
      height: size?.height ?? null,
      created_at: new Date().toISOString(),
    };
    await this.blobs.put(id, bytes, contentType);
    try {
      await this.repo.insertUpload(record);
    } catch (error) {
      await this.blobs.delete(id).catch(() => {});
      throw error;
    }
    return this.#toUpload({ ...record, claimed_at: null });
  }

  /**
   * An upload with a fresh link: for its uploader, and for whoever may read a message that references it
   * (members of its channel; anyone signed in, for a public channel; administrators — as for the message itself).
   */
  async get(actor: Actor, id: string): Promise<Upload> {
    const record = await this.repo.getUpload(id);
    if (
      !record ||
      (record.owner_id !== actor.user.id && !(await this.repo.postedToReader(id, actor.user.id, actor.admin)))
    )
      throw new ChatError('not_found', 'No such upload.');
    return this.#toUpload(record);
  }

  /** The bytes behind a signed link; `forbidden` for a link that is not ours or has expired. */
  async open(id: string, expires: number, signature: string): Promise<{ upload: UploadRecord; bytes: Readable }> {
    const verdict = this.links.check(id, expires, signature);
    if (verdict === 'invalid') throw new ChatError('forbidden', 'This link is not valid.');
    if (verdict === 'expired')
      throw new ChatError('forbidden', 'This link has expired; read the message again for a fresh one.');
    const upload = await this.repo.getUpload(id);
    const bytes = upload && (await this.blobs.get(id));
    if (!upload || !bytes) throw new ChatError('not_found', 'No such upload.');
    return { upload, bytes };
  }

  /**
   * The body to store for a message the actor sends or edits: one that references an upload must name one
   * of the actor's own, of a fitting type, and gets its name, size, type (and an image its width and
   * height) from it. Other bodies are stored as given.
   */
  async prepare(actor: Actor, body: MessageBody): Promise<MessageBody> {
    const uploadId = uploadIdOf(body);
    if (uploadId === undefined) return body;
    const upload = await this.repo.claimUpload(uploadId, actor.user.id, new Date().toISOString());
    if (!upload) throw new ChatError('invalid_request', 'body.uploadId names no upload of yours.');
    const { name, size, content_type: contentType, width, height } = upload;
    switch (body.type) {
      case 'image':
        if (!RASTER_IMAGE_TYPES.has(contentType) || width === null || height === null)
          throw new ChatError('invalid_request', `body.uploadId is ${contentType}, not an image; send it as a file.`);
        return { type: 'image', uploadId, name, size, width, height, ...(body.alt ? { alt: body.alt } : {}) };
      case 'video':
        if (!contentType.startsWith('video/'))
          throw new ChatError('invalid_request', `body.uploadId is ${contentType}, not a video; send it as a file.`);
        return { type: 'video', uploadId, name, size, contentType };
      default:
        return { type: 'file', uploadId, name, size, contentType };
    }
  }

  /** Records which upload a stored (or edited, or deleted) message references, so its channel may fetch it. */
  async posted(message: Message): Promise<void> {
    await this.repo.setPost(message.id, message.channelId, uploadIdOf(message.body));
  }

  /** The message as it leaves the server: a body that references an upload gets a freshly signed `url`. */
  linked = (message: Message): Message => {
    const uploadId = uploadIdOf(message.body);
    if (uploadId === undefined || !message.body) return message;
    return { ...message, body: { ...message.body, url: this.links.mint(uploadId) } as MessageBody };
  };

  /** An event as it leaves the server: its message, if any, {@link linked}. */
  linkedEvent = (frame: EventFrame): EventFrame => {
    if (!('message' in frame.data)) return frame;
    const message = this.linked(frame.data.message);
    return message === frame.data.message ? frame : { ...frame, data: { ...frame.data, message } };
  };

  /** Starts sweeping unreferenced uploads every quarter of their lifetime (at most hourly). */
  startSweeping(): void {
    const every = Math.min(Math.max(this.options.ttlMs / 4, 50), 3_600_000);
    this.#sweepTimer = setInterval(() => void this.sweep(), every);
    this.#sweepTimer.unref();
  }

  /**
   * Deletes the uploads no message references, older than their lifetime at `nowMs` (and not claimed by a
   * message since), row first, then bytes; answers how many. Processes sweeping at once share the work.
   */
  sweep(nowMs = Date.now()): Promise<number> {
    this.#sweeping ??= this.#sweep(nowMs).finally(() => {
      this.#sweeping = undefined;
    });
    return this.#sweeping;
  }

  async #sweep(nowMs: number): Promise<number> {
    const before = new Date(nowMs - this.options.ttlMs).toISOString();
    let deleted = 0;
    try {
      for (;;) {
        const ids = await this.repo.deleteUnreferenced(before, SWEEP_BATCH);
        for (const id of ids) await this.blobs.delete(id);
        deleted += ids.length;
        if (ids.length < SWEEP_BATCH) return deleted;
      }
    } catch (error) {
      this.options.log.warn({ err: error }, 'the upload sweep failed; the next one tries again');
      return deleted;
    }
  }

  /** Stops sweeping and waits for a sweep under way. */
  async close(): Promise<void> {
    clearInterval(this.#sweepTimer);
    await this.#sweeping;
  }

  #toUpload(record: UploadRecord): Upload {
    return {
      id: record.id,
      url: this.links.mint(record.id),
      name: record.name,
      contentType: record.content_type,
      size: Number(record.size),
      ...(record.width !== null && record.height !== null ? { width: record.width, height: record.height } : {}),
      createdAt: record.created_at,
    };
  }
}

/** An image's width and height, read from the file; refuses one that cannot be read or is too large. */
/**
 * `image-size` reads through a DataView over the whole ArrayBuffer behind its input, past the input's end: a
 * truncated image in a pooled Buffer would be measured from whatever follows it. It gets bytes that end where
 * the file does.
 */
const ownBytes = (bytes: Buffer): Uint8Array =>
  bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length ? bytes : new Uint8Array(bytes);

function measure(bytes: Buffer): { width: number; height: number } {
  let size: { width: number; height: number };
  try {
    size = imageSize(ownBytes(bytes));
  } catch {
    throw new ChatError('unsupported_media_type', 'This image cannot be read.');
  }
  if (!(size.width >= 1 && size.height >= 1)) throw new ChatError('unsupported_media_type', 'This image has no size.');
  if (size.width > MAX_SIDE || size.height > MAX_SIDE)
    throw new ChatError('invalid_request', `Images are limited to ${MAX_SIDE} pixels a side.`);
  return size;
}
