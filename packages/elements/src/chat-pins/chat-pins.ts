import { ChatPinsElement } from './chat-pins.component.js';

export { ChatPinsElement };

ChatPinsElement.define('chat-pins');

declare global {
  interface HTMLElementTagNameMap {
    'chat-pins': ChatPinsElement;
  }
}
