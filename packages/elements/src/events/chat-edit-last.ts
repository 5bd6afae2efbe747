/** ArrowUp in an empty composer: edit your last message. */
export class ChatEditLastEvent extends Event {
  static readonly type = 'chat-edit-last';
  constructor() {
    super(ChatEditLastEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-edit-last': ChatEditLastEvent;
  }
}
