import type { SearchPage } from '@confab/protocol';
import { type ChatApi, unwrap } from './http.js';

/** Where and how far to search: one channel, older than a page's `nextCursor`, how many hits. */
export interface SearchOptions {
  /** Only this channel. */
  channelId?: string;
  /** The `nextCursor` of the page before (older hits). */
  before?: string;
  /** Hits per page (the server's default when absent, at most 100). */
  limit?: number;
}

/** One page of message search hits, newest first (`GET /search/messages`). */
export function searchMessages(
  api: ChatApi,
  q: string,
  { channelId, before, limit }: SearchOptions = {},
): Promise<SearchPage> {
  const query = { q, ...(channelId ? { channelId } : {}), ...(before ? { before } : {}), ...(limit ? { limit } : {}) };
  return unwrap(api.GET('/api/v1/search/messages', { params: { query } }));
}
