import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/** The codings a file is kept in. */
type Coding = 'br' | 'gzip' | 'identity';

/** One version of a file, in every coding, each with its own strong ETag. */
interface Variants {
  bodies: Record<Coding, Buffer>;
  etags: Record<Coding, string>;
}

async function compress(raw: Buffer): Promise<Variants> {
  const [br, gz] = await Promise.all([
    brotli(raw, {
      params: {
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
      },
    }),
    gzipped(raw, { level: 9 }),
  ]);
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 27);
  return {
    bodies: { br, gzip: gz, identity: raw },
    etags: { br: `"${hash}-br"`, gzip: `"${hash}-gz"`, identity: `"${hash}"` },
  };
}

/**
 * The coding to answer `accept-encoding` with: brotli, then gzip, when the client takes them (q > 0,
 * or `*`), otherwise the file as it is.
 */
export function negotiateCoding(acceptEncoding: string | undefined): Coding {
  const accepted = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
    accepted.set(name, q === undefined ? 1 : Number(q));
  }
  const wildcard = accepted.get('*');
  const takes = (coding: Coding) => (accepted.get(coding) ?? wildcard ?? 0) > 0;
  return takes('br') ? 'br' : takes('gzip') ? 'gzip' : 'identity';
}

/** Whether `if-none-match` names `etag` (weak comparison, as RFC 9110 asks for this header). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** How a {@link CompressedFile} answers: its type and cache policy. */
export interface CompressedFileOptions {
  contentType: string;
  cacheControl: string;
}

/**
 * A file on disk served in brotli, gzip or as it is, by `accept-encoding`, with a strong ETag per coding
 * (304 on `if-none-match`) and `vary: accept-encoding`. It is compressed once, on the first request, and
 * again only when the file changes on disk (a rebuild): a request costs a `stat`, not a compression.
 */
export class CompressedFile {
  /** The version being (or already) compressed, and the stamp it was read at. */
  #stamp: string | undefined;
  #variants: Promise<Variants | undefined> = Promise.resolve(undefined);

  constructor(
    private readonly path: string,
    private readonly options: CompressedFileOptions,
  ) {}

  /** The file in every coding; undefined when it does not exist (or cannot be read). */
  async #current(): Promise<Variants | undefined> {
    const info = await stat(this.path).catch(() => undefined);
    if (!info?.isFile()) return undefined;
    const stamp = `${info.size}:${info.mtimeMs}`;
    if (stamp !== this.#stamp) {
      this.#stamp = stamp; // concurrent first requests share one compression
      this.#variants = readFile(this.path).then(
        (raw) => compress(raw),
        () => {
          this.#stamp = undefined; // read again next time
          return undefined;
        },
      );
    }
    return this.#variants;
  }

  /** Answers `request` with the file and resolves true, or resolves false (nothing sent) when the file does not exist. */
  async reply(request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
    const variants = await this.#current();
    if (!variants) return false;
    const coding = negotiateCoding(request.headers['accept-encoding']);
    const etag = variants.etags[coding];
    reply
      .header('content-type', this.options.contentType)
      .header('cache-control', this.options.cacheControl)
      .header('vary', 'accept-encoding')
      .header('etag', etag);
    if (matches(request.headers['if-none-match'], etag)) reply.code(304).send();
    else {
      if (coding !== 'identity') reply.header('content-encoding', coding);
      reply.send(variants.bodies[coding]);
    }
    return true;
  }
}
