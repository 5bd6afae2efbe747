import type { Role, UpdateChannelRequest } from '@confab/core';

/** What the moderation controls (member panel, reports view, channel settings) can ask for. */
export type ModerationRequest =
  | { action: 'set-role'; userId: string; role: Role }
  | { action: 'mute'; userId: string; until: string | null }
  | { action: 'remove' | 'unban' | 'block' | 'unblock'; userId: string }
  | { action: 'ban'; userId: string; reason?: string; until?: string }
  | { action: 'delete-message'; messageId: string }
  | { action: 'resolve'; reportId: string; resolution: 'dismissed' | 'actioned' }
  | { action: 'update'; patch: UpdateChannelRequest };

/** A moderation control asks for an action in a channel; cancel it to carry the action out yourself. */
export class ChatModerateEvent extends Event {
  static readonly type = 'chat-moderate';
  constructor(
    readonly channelId: string,
    readonly request: ModerationRequest,
  ) {
    super(ChatModerateEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-moderate': ChatModerateEvent;
  }
}
