import { useStore } from './use-store.js';

const NONE = [];

/** The user's joined channels with their `unreadCount`, live from the client's `$channels` store. */
export const useChannels = (chat) => useStore(chat?.$channels, NONE);

/** All unread messages across the user's channels. */
export const totalUnread = (channels) => channels.reduce((sum, channel) => sum + (channel.unreadCount ?? 0), 0);
