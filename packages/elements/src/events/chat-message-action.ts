import type { LocalMessage, MessageBody } from '@confab/core';

/** What a message's controls can ask for. */
export type MessageAction =
  | { action: 'reply' | 'delete' | 'retry' | 'discard' | 'remove-preview' | 'pin' | 'unpin' }
  | { action: 'react' | 'unreact'; emoji: string }
  | { action: 'edit'; body: MessageBody }
  | { action: 'report'; reason: string }
  | { action: 'ban-author'; reason?: string; until?: string }
  | { action: 'mute-author'; until?: string };

/** A message's controls ask for an action; cancel it to handle the action yourself. */
export class ChatMessageActionEvent extends Event {
  static readonly type = 'chat-message-action';
  constructor(
    readonly message: LocalMessage,
    readonly request: MessageAction,
  ) {
    super(ChatMessageActionEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-message-action': ChatMessageActionEvent;
  }
}
