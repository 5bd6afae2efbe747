import type { AuditAction } from '@confab/protocol';
import { newId } from '../ids.js';
import { type Db, now } from './sql-shared.js';

/** One moderation action to record in a channel's audit log. */
export interface NewAuditEntry {
  channelId: string;
  action: AuditAction;
  actorId: string;
  /** The user acted on, if any. */
  targetId?: string | null;
  messageId?: string | null;
  reason?: string | null;
  /** What changed (`{role}`, `{until}`, the changed settings, `{resolution}`). */
  details?: Record<string, unknown>;
}

/** Records a moderation action inside the caller's transaction (the one that makes the change). */
export async function appendAudit(trx: Db, entry: NewAuditEntry): Promise<void> {
  await trx
    .insertInto('audit_log')
    .values({
      id: newId(),
      channel_id: entry.channelId,
      action: entry.action,
      actor_id: entry.actorId,
      target_id: entry.targetId ?? null,
      message_id: entry.messageId ?? null,
      reason: entry.reason ?? null,
      details: JSON.stringify(entry.details ?? {}),
      at: now(),
    })
    .execute();
}
