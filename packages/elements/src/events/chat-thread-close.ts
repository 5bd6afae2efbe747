/** The open thread is asked to close (its close button, or Escape). */
export class ChatThreadCloseEvent extends Event {
  static readonly type = 'chat-thread-close';
  constructor() {
    super(ChatThreadCloseEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-thread-close': ChatThreadCloseEvent;
  }
}
