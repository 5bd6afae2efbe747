import type { ChannelRoom, MessageBody, Upload } from '@confab/core';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** One file attached in the composer, from the moment it is picked until its message is sent. */
export interface Attachment {
  readonly file: File;
  status: 'uploading' | 'done' | 'failed';
  /** Bytes sent so far, and of how many. */
  loaded: number;
  total: number;
  upload?: Upload;
  /** Why the upload failed. */
  error?: string;
  abort?: AbortController;
}

/**
 * The composer's attachments: each file starts uploading to the room as soon as it is added (with its
 * progress), can be cancelled while it uploads, retried or removed when it fails, and becomes a message
 * body once it is stored. The host re-renders on every change.
 */
export class Uploads implements ReactiveController {
  items: Attachment[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly room: () => ChannelRoom | undefined,
  ) {
    host.addController(this);
  }

  /** Some file is still uploading. */
  get busy(): boolean {
    return this.items.some((a) => a.status === 'uploading');
  }

  /** The stored uploads, ready to send. */
  get ready(): Upload[] {
    return this.items.flatMap((a) => (a.upload ? [a.upload] : []));
  }

  add(files: Iterable<File>): void {
    for (const file of files) this.#start({ file, status: 'uploading', loaded: 0, total: file.size });
  }

  retry(item: Attachment): void {
    this.#drop(item);
    this.#start({ ...item, status: 'uploading', loaded: 0, error: '' });
  }

  /** Cancels (while uploading) and forgets a file. */
  remove(item: Attachment): void {
    item.abort?.abort();
    this.#drop(item);
  }

  /** Forgets the stored files (they were sent). */
  clearReady(): void {
    this.items = this.items.filter((a) => !a.upload);
    this.host.requestUpdate();
  }

  /** Cancels and forgets everything (the composer moved to another channel). */
  clear(): void {
    for (const item of this.items) item.abort?.abort();
    this.items = [];
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.clear();
  }

  #drop(item: Attachment): void {
    this.items = this.items.filter((a) => a !== item);
    this.host.requestUpdate();
  }

  #start(item: Attachment): void {
    const room = this.room();
    if (!room) return;
    const abort = new AbortController();
    item.abort = abort;
    this.items = [...this.items, item];
    this.host.requestUpdate();
    room
      .upload(item.file, {
        name: item.file.name,
        signal: abort.signal,
        onProgress: (loaded, total) => {
          item.loaded = loaded;
          item.total = total;
          this.host.requestUpdate();
        },
      })
      .then(
        (upload) => {
          item.status = 'done';
          item.upload = upload;
        },
        (error: { detail?: string; message?: string }) => {
          item.status = 'failed';
          item.error = error.detail ?? error.message ?? String(error);
        },
      )
      .finally(() => {
        item.abort = undefined;
        if (!abort.signal.aborted) this.host.requestUpdate();
      });
  }
}

/**
 * The message body for a stored upload: an image, a video or a file. It carries what the upload says
 * (link, size, name) so that the message shows at once; the server fills these in from the upload anyway.
 */
export function bodyOf(upload: Upload): MessageBody {
  const { id: uploadId, url, name, size, contentType, width, height } = upload;
  if (contentType.startsWith('image/') && width && height)
    return { type: 'image', uploadId, url, name, size, width, height };
  if (contentType.startsWith('video/')) return { type: 'video', uploadId, url, name, size, contentType };
  return { type: 'file', uploadId, url, name, size, contentType };
}
