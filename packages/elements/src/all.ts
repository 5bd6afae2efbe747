// Registers every Confab element.
import './chat-room/chat-room.js';
import './chat-channel-list/chat-channel-list.js';
import './chat-window/chat-window.js';
import './chat-thread/chat-thread.js';
import './chat-message-list/chat-message-list.js';
import './chat-message/chat-message.js';
import './chat-composer/chat-composer.js';
import './chat-members/chat-members.js';
import './chat-reports/chat-reports.js';
import './chat-search/chat-search.js';
import './chat-pins/chat-pins.js';
import './chat-sign-in/chat-sign-in.js';

export * from './index.js';
