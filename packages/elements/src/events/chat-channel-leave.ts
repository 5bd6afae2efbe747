/** The user confirmed leaving a channel (in `<chat-window>`); cancel it to leave it your own way. */
export class ChatChannelLeaveEvent extends Event {
  static readonly type = 'chat-channel-leave';
  constructor(readonly channelId: string) {
    super(ChatChannelLeaveEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-channel-leave': ChatChannelLeaveEvent;
  }
}
