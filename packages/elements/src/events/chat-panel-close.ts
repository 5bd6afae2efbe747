/** A side panel (members, reports) is asked to close: its close button, or Escape. */
export class ChatPanelCloseEvent extends Event {
  static readonly type = 'chat-panel-close';
  constructor() {
    super(ChatPanelCloseEvent.type, { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'chat-panel-close': ChatPanelCloseEvent;
  }
}
