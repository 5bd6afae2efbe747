import { ChatMessageElement } from './chat-message.component.js';

export { ChatMessageElement };

ChatMessageElement.define('chat-message');

declare global {
  interface HTMLElementTagNameMap {
    'chat-message': ChatMessageElement;
  }
}
