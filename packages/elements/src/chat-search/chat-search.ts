import { ChatSearchElement } from './chat-search.component.js';

export { ChatSearchElement };

ChatSearchElement.define('chat-search');

declare global {
  interface HTMLElementTagNameMap {
    'chat-search': ChatSearchElement;
  }
}
