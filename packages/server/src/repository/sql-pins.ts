import type { Message } from '@confab/protocol';
import type { Committed } from './repository.js';
import { appendAudit } from './sql-audit.js';
import { appendEvents, type Db, loadMessages, now } from './sql-shared.js';

/** Where a page of pins ends: pins older than this one come next. */
export interface PinPosition {
  pinnedAt: string;
  messageId: string;
}

/** Pinned messages. */
export interface PinRepository {
  /**
   * Pins a message (`message:pinned`, audited); pinning it again changes nothing and appends no event.
   * `tombstone` when the message is deleted; undefined when there is no such message.
   */
  pinMessage(messageId: string, actorId: string): Promise<Committed<Message> | 'tombstone' | undefined>;
  /** Unpins a message (`message:unpinned`, audited); harmless when it is not pinned. */
  unpinMessage(messageId: string, actorId: string): Promise<Committed<Message> | undefined>;
  /** A channel's pinned messages, most recently pinned first, after `after`. */
  listPins(channelId: string, after: PinPosition | undefined, limit: number): Promise<Message[]>;
}

/** Pins on SQLite or PostgreSQL: `messages.pinned_at`/`pinned_by`, listed through a partial index. */
export function sqlPins(db: Db): PinRepository {
  /** Sets or clears the pin inside one transaction, with its event and audit entry when it changed. */
  const setPin = (messageId: string, actorId: string, pin: boolean) =>
    db.transaction().execute(async (trx): Promise<Committed<Message> | 'tombstone' | undefined> => {
      const row = await trx
        .selectFrom('messages')
        .select(['channel_id', 'deleted_at', 'pinned_at'])
        .where('id', '=', messageId)
        .executeTakeFirst();
      if (!row) return undefined;
      if (pin && row.deleted_at !== null) return 'tombstone';
      if ((row.pinned_at !== null) === pin) {
        const [unchanged] = await loadMessages(trx, [messageId]);
        return { value: unchanged!, events: [] };
      }
      // Conditional, so a concurrent pin, unpin or deletion that committed first leaves nothing to do.
      let update = trx
        .updateTable('messages')
        .set(pin ? { pinned_at: now(), pinned_by: actorId } : { pinned_at: null, pinned_by: null })
        .where('id', '=', messageId)
        .where('pinned_at', pin ? 'is' : 'is not', null);
      if (pin) update = update.where('deleted_at', 'is', null);
      const changed = await update.executeTakeFirst();
      const [message] = await loadMessages(trx, [messageId]);
      if (Number(changed.numUpdatedRows) === 0) return { value: message!, events: [] };
      await appendAudit(trx, {
        channelId: row.channel_id,
        action: pin ? 'message.pinned' : 'message.unpinned',
        actorId,
        targetId: message!.author.id,
        messageId,
      });
      const events = await appendEvents(trx, row.channel_id, [
        { kind: pin ? 'message:pinned' : 'message:unpinned', data: { message: message! } },
      ]);
      return { value: message!, events };
    });

  return {
    pinMessage: (messageId, actorId) => setPin(messageId, actorId, true),
    async unpinMessage(messageId, actorId) {
      const result = await setPin(messageId, actorId, false);
      return result === 'tombstone' ? undefined : result;
    },
    async listPins(channelId, after, limit) {
      let q = db
        .selectFrom('messages')
        .select('id')
        .where('channel_id', '=', channelId)
        .where('pinned_at', 'is not', null);
      if (after) {
        q = q.where((eb) =>
          eb.or([
            eb('pinned_at', '<', after.pinnedAt),
            eb.and([eb('pinned_at', '=', after.pinnedAt), eb('id', '<', after.messageId)]),
          ]),
        );
      }
      const rows = await q.orderBy('pinned_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
      return loadMessages(
        db,
        rows.map((r) => r.id),
      );
    },
  };
}
