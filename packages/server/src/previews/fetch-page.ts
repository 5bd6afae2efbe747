import { lookup as dnsLookup } from 'node:dns/promises';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { isIP } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { AddressPolicy } from './safe-address.js';
import { normalizeHost } from './safe-address.js';

/** One address a host name resolves to. */
export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/** Resolves a host name to every address it has (tests inject their own). */
export type Resolve = (host: string) => Promise<ResolvedAddress[]>;

/** What a page fetch may do. */
export interface FetchPageOptions {
  policy: AddressPolicy;
  /** The whole fetch, redirects included (ms). */
  deadlineMs?: number;
  /** Bytes of HTML read at most; the rest is never read. */
  maxBytes?: number;
  maxRedirects?: number;
  resolve?: Resolve;
  /** Ends the fetch early (the server is closing). */
  signal?: AbortSignal;
}

/** A page read for its metadata: where it ended up (after redirects) and its first `maxBytes` as text. */
export interface FetchedPage {
  url: string;
  html: string;
}

/** Why a page was not read; `reason` says what was refused or failed. */
export class PageRefused extends Error {
  constructor(readonly reason: string) {
    super(`link preview refused: ${reason}`);
    this.name = 'PageRefused';
  }
}

const USER_AGENT = 'ConfabLinkPreview/1.0';
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const systemResolve: Resolve = async (host) =>
  (await dnsLookup(host, { all: true, verbatim: true })).map(({ address, family }) => ({
    address,
    family: family === 6 ? 6 : 4,
  }));

/** The URL checks made before any connection: scheme, no credentials. */
function checkUrl(raw: string): URL {
  if (!URL.canParse(raw)) throw new PageRefused('not a URL');
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new PageRefused(`scheme ${url.protocol}`);
  if (url.username || url.password) throw new PageRefused('credentials in the URL');
  return url;
}

const portOf = (url: URL): number => (url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80);

/**
 * A `lookup` for the connection to `url` that resolves the host and keeps only the addresses the policy
 * permits, so the check applies to the very address the socket connects to.
 */
function guardedLookup(url: URL, policy: AddressPolicy, resolve: Resolve): LookupFunction {
  const port = portOf(url);
  return (host, options, callback) => {
    resolve(host).then(
      (found) => {
        const wanted = found.filter(
          (a) => (!options.family || a.family === options.family) && policy.permits(url.hostname, a.address, port),
        );
        const first = wanted[0];
        if (!first) {
          const error = new PageRefused(`${host} resolves to no permitted address`);
          return options.all ? callback(error, []) : callback(error, '', 0);
        }
        if (options.all) callback(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => (options.all ? callback(error, []) : callback(error, '', 0)),
    );
  };
}

/** Sends one GET for `url` and resolves with the response head (the body not read yet). */
function get(url: URL, options: Required<Omit<FetchPageOptions, 'signal'>>, signal: AbortSignal) {
  return new Promise<IncomingMessage>((resolve, reject) => {
    const port = portOf(url);
    const literal = normalizeHost(url.hostname);
    if (isIP(literal) && !options.policy.permits(url.hostname, literal, port)) {
      reject(new PageRefused(`address ${literal} on port ${port}`));
      return;
    }
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const request: ClientRequest = send(url, {
      method: 'GET',
      agent: false,
      signal,
      lookup: guardedLookup(url, options.policy, options.resolve),
      headers: {
        'user-agent': USER_AGENT,
        accept: 'text/html,application/xhtml+xml;q=0.9',
        'accept-encoding': 'identity',
      },
    });
    request.once('socket', (socket) =>
      socket.once('connect', () => {
        // Belt and braces: the address actually connected to, whatever resolved it.
        const remote = socket.remoteAddress ?? '';
        if (!options.policy.permits(url.hostname, remote, port))
          request.destroy(new PageRefused(`connected to ${remote} on port ${port}`));
      }),
    );
    request.once('response', resolve);
    request.once('error', reject);
    request.end();
  });
}

/** The response body decoded from its transfer encoding, if any. */
function decoded(response: IncomingMessage): NodeJS.ReadableStream {
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  if (encoding === 'identity') return response;
  const decoder =
    encoding === 'gzip' || encoding === 'x-gzip'
      ? createGunzip()
      : encoding === 'deflate'
        ? createInflate()
        : encoding === 'br'
          ? createBrotliDecompress()
          : undefined;
  if (!decoder) throw new PageRefused(`content encoding ${encoding}`);
  response.once('error', (error) => decoder.destroy(error));
  return response.pipe(decoder);
}

/** Reads up to `maxBytes` of the (decoded) body, then stops reading and closes the response. */
async function readCapped(response: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = decoded(response);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const room = maxBytes - total;
      chunks.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
      total += Math.min(chunk.length, room);
      if (total >= maxBytes) break;
    }
  } finally {
    response.destroy();
    if (stream !== response) (stream as NodeJS.ReadableStream & { destroy(): void }).destroy();
  }
  return Buffer.concat(chunks);
}

function decodeText(bytes: Buffer, contentType: string): string {
  const charset = /charset\s*=\s*"?([\w.:-]+)/i.exec(contentType)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Fetches an `http(s)` page for its preview, as safely as a server-side fetch can be: each hop's URL
 * (scheme http/https, no credentials) and the address actually connected to are checked against the
 * policy, redirects are followed by hand (at most `maxRedirects`, each checked again), no cookies,
 * credentials or proxy are ever used, only `text/html` is read, and at most `maxBytes` of it, all within
 * `deadlineMs`. Throws {@link PageRefused} (or a network error) when the page is not read.
 */
export async function fetchPage(target: string, options: FetchPageOptions): Promise<FetchedPage> {
  const settings = {
    policy: options.policy,
    deadlineMs: options.deadlineMs ?? 3000,
    maxBytes: options.maxBytes ?? 1024 * 1024,
    maxRedirects: options.maxRedirects ?? 3,
    resolve: options.resolve ?? systemResolve,
  };
  const deadline = AbortSignal.timeout(settings.deadlineMs);
  const signal = options.signal ? AbortSignal.any([deadline, options.signal]) : deadline;
  let url = checkUrl(target);
  for (let hop = 0; ; hop++) {
    const response = await get(url, settings, signal);
    const location = response.headers.location;
    if (REDIRECTS.has(response.statusCode ?? 0) && location) {
      response.destroy();
      if (hop >= settings.maxRedirects) throw new PageRefused(`more than ${settings.maxRedirects} redirects`);
      url = checkUrl(new URL(location, url).href);
      continue;
    }
    const status = response.statusCode ?? 0;
    const contentType = response.headers['content-type'] ?? '';
    if (status < 200 || status > 299) {
      response.destroy();
      throw new PageRefused(`status ${status}`);
    }
    if (!/^\s*text\/html\s*(;|$)/i.test(contentType)) {
      response.destroy();
      throw new PageRefused(`content type ${contentType || 'none'}`);
    }
    return { url: url.href, html: decodeText(await readCapped(response, settings.maxBytes), contentType) };
  }
}
