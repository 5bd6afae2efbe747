import { ChatThreadElement } from './chat-thread.component.js';

export { ChatThreadElement };

ChatThreadElement.define('chat-thread');

declare global {
  interface HTMLElementTagNameMap {
    'chat-thread': ChatThreadElement;
  }
}
