import type { paths } from '@confab/protocol';
import createClient, { type Client } from 'openapi-fetch';
import { ConfabError } from './errors.js';
import type { Session } from './session.js';

/** The typed REST client for the contract's `paths`. */
export type ChatApi = Client<paths>;

/** A REST client without credentials, for signing in and out. */
export function createPublicApi(baseUrl: string, fetchImpl: typeof fetch = globalThis.fetch): ChatApi {
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, ''), fetch: (request) => fetchImpl(request) });
}

/**
 * A REST client that sends the session's bearer token and, after a 401, renews the token once and
 * repeats the request.
 */
export function createApi(baseUrl: string, session: Session, fetchImpl: typeof fetch = globalThis.fetch): ChatApi {
  const send = async (request: Request): Promise<Response> => {
    const again = request.clone();
    const token = await session.token();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    const response = await fetchImpl(request);
    if (response.status !== 401 || !token) return response;
    const renewed = await session.renew();
    if (!renewed || renewed === token) return response;
    again.headers.set('authorization', `Bearer ${renewed}`);
    return fetchImpl(again);
  };
  return createClient<paths>({ baseUrl: baseUrl.replace(/\/$/, ''), fetch: send });
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
