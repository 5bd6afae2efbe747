import '@confab/elements/chat-room.js';
import { chatHref } from './use-route.js';

/**
 * The chat, as `<chat-room>` from `@confab/elements`. React 19 sets `client` and `channel` as properties
 * (they are properties of the element) and `onchat-channel-select` listens to the element's
 * `chat-channel-select` event: the app keeps the open channel in its address, so Back and links work.
 */
export function ChatPage({ chat, channel }) {
  if (!chat) return null;
  const followChannel = (event) => {
    if (!event.defaultPrevented) location.hash = chatHref(event.channelId);
  };
  return <chat-room client={chat} channel={channel} theme="light" onchat-channel-select={followChannel} />;
}
