import { useSyncExternalStore } from 'react';

const listen = (changed) => {
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
};

/** The page from the address's hash: `#/` the overview, `#/chat` or `#/chat/<channel id>` the chat. */
export function useRoute() {
  const hash = useSyncExternalStore(listen, () => location.hash);
  const [, page = '', channel = ''] = hash.split('/');
  return { page: page || 'overview', channel: decodeURIComponent(channel) };
}

/** The address of the chat, at one channel or at the first. */
export const chatHref = (channelId) => (channelId ? `#/chat/${encodeURIComponent(channelId)}` : '#/chat');
