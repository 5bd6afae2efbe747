import type { MessageBody } from '@confab/core';

/** The composer asks to send a message; cancel it to send it yourself. */
export class ChatMessageSendEvent extends Event {
  static readonly type = 'chat-message-send';
  constructor(
    readonly body: MessageBody,
    readonly parentId: string | null,
  ) {
    super(ChatMessageSendEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-message-send': ChatMessageSendEvent;
  }
}
