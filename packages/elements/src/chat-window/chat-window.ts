import { ChatWindowElement } from './chat-window.component.js';

export { ChatWindowElement };

ChatWindowElement.define('chat-window');

declare global {
  interface HTMLElementTagNameMap {
    'chat-window': ChatWindowElement;
  }
}
