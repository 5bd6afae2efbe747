/** A thread is asked to open beside the channel; cancel it to show threads your own way. */
export class ChatThreadOpenEvent extends Event {
  static readonly type = 'chat-thread-open';
  constructor(
    readonly channelId: string,
    readonly messageId: string,
  ) {
    super(ChatThreadOpenEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-thread-open': ChatThreadOpenEvent;
  }
}
