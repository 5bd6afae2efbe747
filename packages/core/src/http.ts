import type { paths } from '@confab/protocol';
import createClient, { type Client } from 'openapi-fetch';
import { ConfabError } from './errors.js';
import type { Session } from './session.js';
import type { Reviver } from './urls.js';

/** The typed REST client for the contract's `paths`. */
export type ChatApi = Client<paths>;

/** A REST client without credentials, for signing in and out. */
export function createPublicApi(baseUrl: string, fetchImpl: typeof fetch = globalThis.fetch): ChatApi {
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, ''), fetch: (request) => fetchImpl(request) });
}

/**
 * A REST client that sends the session's bearer token and, after a 401, renews the token once and
 * repeats the request; its JSON replies are read with `reviver` (content links made absolute).
 */
export function createApi(
  baseUrl: string,
  session: Session,
  reviver: Reviver,
  fetchImpl: (request: Request) => Promise<Response> = globalThis.fetch,
): ChatApi {
  /** Sends with the token, and reads a JSON reply through `reviver` (openapi-fetch then parses it again). */
  const send = async (request: Request): Promise<Response> => {
    const again = request.clone();
    const token = await session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    let response = await fetchImpl(request);
    const renewed = response.status === 401 && token && (await session.renew());
    if (renewed && renewed !== token) {
      again.headers.set('authorization', `Bearer ${renewed}`);
      response = await fetchImpl(again);
    }
    return response.ok && response.headers.get('content-type')?.includes('json')
      ? new Response(JSON.stringify(JSON.parse(await response.text(), reviver)), response)
      : response;
  };
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, ''), fetch: send });
}

/** Every item of a list read page by page, following `nextCursor`. */
export async function allPages<T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor: string | null }>,
): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null | undefined;
  do {
    const next = await page(cursor ?? undefined);
    items.push(...next.items);
    cursor = next.nextCursor;
  } while (cursor);
  return items;
}

/** The data of a reply, or a {@link ConfabError} for an error reply or a failed request. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: Awaited<typeof call>;
  try {
    result = await call;
  } catch (error) {
    throw new ConfabError('network_error', error instanceof Error ? error.message : String(error));
  }
  if (result.error !== undefined || !result.response.ok)
    throw ConfabError.fromReply(result.response.status, result.error);
  return result.data as T;
}
