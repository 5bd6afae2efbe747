import type { UserList } from '@confab/protocol';
import { ChatError } from '../errors.js';
import type { SharedRateLimit } from '../rate-limit.js';
import type { ChatRepository } from '../repository/repository.js';
import { type Actor, requireScope } from './actor.js';

/**
 * Blocks: a user blocked by someone cannot open a direct channel with them nor post in one, and their
 * mentions of them are dropped. Blocking is private: the blocked user is never told.
 */
export class BlockService {
  constructor(
    private readonly repo: Pick<ChatRepository, 'findUserById' | 'blockUser' | 'unblockUser' | 'listBlocks'>,
    /** Blocks and unblocks count as writes, per user. */
    private readonly writeLimiter: SharedRateLimit,
  ) {}

  async #target(actor: Actor, userId: string): Promise<void> {
    requireScope(actor, 'chat:write');
    await this.writeLimiter.spend(actor.user.id, 'Too many blocks; slow down.');
    if (userId === actor.user.id) throw new ChatError('invalid_request', 'You cannot block yourself.');
    if (!(await this.repo.findUserById(userId))) throw new ChatError('not_found', 'No such user.');
  }

  /** Blocks a user; blocking them again changes nothing. */
  async block(actor: Actor, userId: string): Promise<void> {
    await this.#target(actor, userId);
    await this.repo.blockUser(actor.user.id, userId);
  }

  /** Unblocks a user; harmless when they were not blocked. */
  async unblock(actor: Actor, userId: string): Promise<void> {
    await this.#target(actor, userId);
    await this.repo.unblockUser(actor.user.id, userId);
  }

  /** The users the actor blocked, most recently blocked first. */
  async list(actor: Actor): Promise<UserList> {
    return { items: await this.repo.listBlocks(actor.user.id) };
  }
}
