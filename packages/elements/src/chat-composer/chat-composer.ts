import { ChatComposerElement } from './chat-composer.component.js';

export { ChatComposerElement };

ChatComposerElement.define('chat-composer');

declare global {
  interface HTMLElementTagNameMap {
    'chat-composer': ChatComposerElement;
  }
}
