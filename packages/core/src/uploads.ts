import type { MessageBody, Upload } from '@confab/protocol';
import { ConfabError } from './errors.js';
import { createApi, unwrap } from './http.js';
import type { Session } from './session.js';
import type { Reviver } from './urls.js';

/** How a file goes up: its name, its progress, and a way to cancel it. */
export interface UploadOptions {
  /** The file name to keep (default: the `File`'s own name, or `file`). */
  name?: string;
  /** Called as the file goes out, in bytes of the file; where there is no XMLHttpRequest (Node) once, at the end. */
  onProgress?: (loaded: number, total: number) => void;
  /** Cancels the upload: it then rejects with the signal's reason (a `DOMException` named `AbortError`). */
  signal?: AbortSignal;
}

/** Stores a file on the server (`POST /api/v1/uploads`). */
export type Uploader = (file: Blob, options?: UploadOptions) => Promise<Upload>;

/** A `fetch` by XMLHttpRequest, for its upload progress events (the part of the request sent so far). */
const xhrFetch =
  (progress: (part: number) => void) =>
  async (request: Request): Promise<Response> => {
    const body = await request.blob();
    request.signal.throwIfAborted();
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      request.signal.addEventListener('abort', () => xhr.abort());
      xhr.open(request.method, request.url);
      for (const [key, value] of request.headers) xhr.setRequestHeader(key, value);
      xhr.upload.onprogress = (event) => event.lengthComputable && progress(event.loaded / event.total);
      xhr.responseType = 'blob'; // typed as the reply is, so the reply's JSON is read as such
      xhr.onload = () => resolve(new Response(xhr.response, { status: xhr.status }));
      xhr.onerror = xhr.onabort = () => reject(new TypeError('upload failed'));
      xhr.send(body);
    });
  };

/**
 * Uploads as multipart through the REST client (the bearer token renewed after a 401, links made absolute):
 * by XMLHttpRequest where there is one, for its progress events, otherwise by `fetch`. A refusal (413, 415)
 * is a {@link ConfabError}; a cancelled upload rejects with the signal's reason.
 */
export function createUploader(
  baseUrl: string,
  session: Session,
  reviver: Reviver,
  fetchImpl?: typeof fetch,
): Uploader {
  return async (file, { name, onProgress, signal } = {}) => {
    const body = new FormData();
    body.append('file', file, name ?? (file as File).name ?? 'file');
    const sent = (part: number) => onProgress?.(Math.round(part * file.size), file.size);
    const api = createApi(baseUrl, session, reviver, globalThis.XMLHttpRequest ? xhrFetch(sent) : fetchImpl);
    try {
      const upload = await unwrap(api.POST('/api/v1/uploads', { body: body as never, signal }));
      sent(1);
      return upload;
    } catch (error) {
      signal?.throwIfAborted();
      throw error;
    }
  };
}

/** The body that sends an upload: an `image` (with its size in pixels), a `video`, or a `file`. */
export function uploadBody({ id: uploadId, url, name, size, contentType, width, height }: Upload): MessageBody {
  const kind = contentType.split('/')[0];
  const type = kind === 'image' || kind === 'video' ? kind : 'file';
  return {
    type,
    uploadId,
    url,
    name,
    size,
    ...(type === 'image' ? { width, height } : { contentType }),
  } as MessageBody;
}
