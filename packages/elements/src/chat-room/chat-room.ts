import { ChatRoomElement } from './chat-room.component.js';

export { ChatRoomElement };

ChatRoomElement.define('chat-room');

declare global {
  interface HTMLElementTagNameMap {
    'chat-room': ChatRoomElement;
  }
}
