import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ChatError } from '../../errors.js';
import { contentDisposition } from '../../uploads/file-name.js';
import { servedInline } from '../../uploads/upload-types.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** The policy of an upload's bytes: nothing in them runs, loads or submits anything, even opened directly. */
const CONTENT_POLICY = "sandbox; default-src 'none'";

/** Multipart errors that say what was wrong with the request. */
const multipartProblems: Record<string, string> = {
  FST_FILES_LIMIT: 'Send exactly one file per upload.',
  FST_PARTS_LIMIT: 'Send one part named "file" and little else.',
  FST_FIELDS_LIMIT: 'Send one part named "file" and little else.',
};

/** Reads the one part named `file` of a multipart body, up to `limit` bytes. */
async function readOneFile(request: FastifyRequest, limit: number): Promise<{ name: string; bytes: Buffer }> {
  if (!request.isMultipart())
    throw new ChatError('unsupported_media_type', 'Send the file as multipart/form-data, in a part named "file".');
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type !== 'file') continue;
      if (part.fieldname !== 'file') throw new ChatError('invalid_request', 'The file goes in a part named "file".');
      file = { name: part.filename, bytes: await part.toBuffer() };
    }
  } catch (error) {
    if (error instanceof ChatError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      request.raw.resume(); // read the rest, so the client gets the answer rather than a reset
      throw new ChatError('payload_too_large', `Uploads are limited to ${limit} bytes.`);
    }
    throw new ChatError('invalid_request', multipartProblems[code] ?? 'The multipart/form-data body is malformed.');
  }
  if (!file) throw new ChatError('invalid_request', 'Send one file, in a part named "file".');
  return file;
}

/** Tag `uploads`: files to attach to messages, and their bytes behind signed links. */
export async function uploadsRoutes(
  { app, authenticate, uploads }: RouteContext,
  options: { uploadLimit: number },
): Promise<void> {
  // Multipart bodies are parsed here alone; every other route still answers 415 to them.
  await app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: options.uploadLimit, files: 1, fields: 8, fieldSize: 1024, parts: 10 },
    });
    contractRoute(scope, authenticate, 'createUpload', async ({ actor, raw }, reply) => {
      const leave = await uploads.admit(actor);
      try {
        const { name, bytes } = await readOneFile(raw, options.uploadLimit);
        return reply.code(201).send(await uploads.create(actor, name, bytes));
      } finally {
        leave();
      }
    });
    contractRoute(scope, authenticate, 'getUpload', async ({ actor, params }) => uploads.get(actor, params.uploadId));
    contractRoute(scope, authenticate, 'getUploadContent', async ({ params, query }, reply) => {
      const { upload, bytes } = await uploads.open(params.uploadId, query.expires, query.signature);
      const type = upload.content_type;
      return reply
        .headers({
          'content-type': type === 'text/plain' ? 'text/plain; charset=utf-8' : type,
          'content-length': String(upload.size),
          'content-disposition': contentDisposition(servedInline(type) ? 'inline' : 'attachment', upload.name),
          'content-security-policy': CONTENT_POLICY,
          'cache-control': `private, max-age=${Math.max(0, query.expires - Math.floor(Date.now() / 1000))}`,
        })
        .send(bytes);
    });
  });
}
