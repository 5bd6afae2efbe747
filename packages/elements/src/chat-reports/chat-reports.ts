import { ChatReportsElement } from './chat-reports.component.js';

export { ChatReportsElement };

ChatReportsElement.define('chat-reports');

declare global {
  interface HTMLElementTagNameMap {
    'chat-reports': ChatReportsElement;
  }
}
