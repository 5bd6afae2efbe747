import { ChatMembersElement } from './chat-members.component.js';

export { ChatMembersElement };

ChatMembersElement.define('chat-members');

declare global {
  interface HTMLElementTagNameMap {
    'chat-members': ChatMembersElement;
  }
}
