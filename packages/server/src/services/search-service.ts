import type { Message, SearchHit, SearchPage } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { SearchRepository } from '../repository/sql-search.js';
import { parseQuery } from '../search/query.js';
import { snippetOf } from '../search/snippet.js';
import { searchableText } from '../search/words.js';
import type { Actor } from './actor.js';
import type { ChannelService } from './channel-service.js';

const ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A search cursor: the last hit's id, opaque to clients. */
export const searchCursor = (messageId: string): string => Buffer.from(messageId).toString('base64url');

function decodeSearchCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString();
  if (!ID.test(id) || searchCursor(id) !== cursor) {
    throw new ChatError('invalid_request', `"${cursor.slice(0, 40)}" is not a cursor from this search.`);
  }
  return id;
}

/** What a search asks for, as it arrives. */
export interface SearchParams {
  q: string;
  channelId?: string | undefined;
  before?: string | undefined;
  limit: number;
}

/** Message search: the query language, who may read what, snippets and highlights. */
export class SearchService {
  constructor(
    private readonly repo: SearchRepository,
    private readonly channels: Pick<ChannelService, 'readable'>,
    /** Searches per user. */
    private readonly limiter: SharedRateLimit,
    /** Signs upload links on the way out. */
    private readonly linked: (message: Message) => Message,
  ) {}

  /** The newest messages matching `q` in the channels the actor may read (or in one), newest first. */
  async search(actor: Actor, params: SearchParams): Promise<SearchPage> {
    await this.limiter.spend(actor.user.id, 'Too many searches; slow down.');
    const query = parseQuery(params.q);
    const beforeId = params.before === undefined ? undefined : decodeSearchCursor(params.before);
    if (params.channelId !== undefined) {
      await this.channels.readable(actor, params.channelId).catch((error: unknown) => {
        if (error instanceof ChatError) throw new ChatError('not_found', 'No such channel.');
        throw error;
      });
    }
    const found = await this.repo.searchMessages({
      userId: actor.user.id,
      query,
      channelId: params.channelId,
      beforeId,
      limit: params.limit + 1,
    });
    const page = found.slice(0, params.limit);
    const channels = await this.repo.hitChannels([...new Set(page.map((m) => m.channelId))], actor.user.id);
    const items = page.flatMap((message): SearchHit[] => {
      const channel = channels.get(message.channelId);
      if (!channel) return []; // the channel was deleted meanwhile
      return [{ message: this.linked(message), channel, ...snippetOf(searchableText(message.body), query) }];
    });
    const last = page.at(-1);
    return { items, nextCursor: found.length > params.limit && last ? searchCursor(last.id) : null };
  }
}
