import { ChatSignInElement } from './chat-sign-in.component.js';

export { ChatSignInElement };

ChatSignInElement.define('chat-sign-in');

declare global {
  interface HTMLElementTagNameMap {
    'chat-sign-in': ChatSignInElement;
  }
}
