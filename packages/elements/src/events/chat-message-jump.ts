/**
 * A message is asked to be shown in its channel (a search hit or a pin was chosen): the window or room
 * scrolls to it, anchored there, highlighted and focused. Cancel it to show it your own way.
 */
export class ChatMessageJumpEvent extends Event {
  static readonly type = 'chat-message-jump';
  constructor(
    readonly channelId: string,
    readonly messageId: string,
  ) {
    super(ChatMessageJumpEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-message-jump': ChatMessageJumpEvent;
  }
}
