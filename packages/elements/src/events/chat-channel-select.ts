/** A channel was picked in the list; cancel it to keep the current one. */
export class ChatChannelSelectEvent extends Event {
  static readonly type = 'chat-channel-select';
  constructor(readonly channelId: string) {
    super(ChatChannelSelectEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-channel-select': ChatChannelSelectEvent;
  }
}
