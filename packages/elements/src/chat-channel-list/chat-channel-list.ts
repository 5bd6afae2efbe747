import { ChatChannelListElement } from './chat-channel-list.component.js';

export { ChatChannelListElement };

ChatChannelListElement.define('chat-channel-list');

declare global {
  interface HTMLElementTagNameMap {
    'chat-channel-list': ChatChannelListElement;
  }
}
