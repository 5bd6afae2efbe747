import { ChatMessageListElement } from './chat-message-list.component.js';

export { ChatMessageListElement };

ChatMessageListElement.define('chat-message-list');

declare global {
  interface HTMLElementTagNameMap {
    'chat-message-list': ChatMessageListElement;
  }
}
