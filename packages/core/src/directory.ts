import type { Channel, CreateChannelRequest, Message, User } from '@confab/protocol';
import type { ChannelList } from './channels.js';
import { type ChatApi, unwrap } from './http.js';

/** Looking things up and changing membership: the actions behind channel lists, joins and direct messages. */
export function directory(api: ChatApi, channels: ChannelList) {
  const getChannel = (channelId: string): Promise<Channel> =>
    unwrap(api.GET('/api/v1/channels/{channelId}', { params: { path: { channelId } } }));
  const createChannel = async (input: CreateChannelRequest): Promise<Channel> => {
    const channel = await unwrap(api.POST('/api/v1/channels', { body: input }));
    channels.add(channel);
    return channel;
  };
  return {
    getChannel,
    createChannel,
    getMessage: (messageId: string): Promise<Message> =>
      unwrap(api.GET('/api/v1/messages/{messageId}', { params: { path: { messageId } } })),
    async publicChannels(): Promise<Channel[]> {
      return (await unwrap(api.GET('/api/v1/channels', { params: { query: { scope: 'public', limit: 100 } } }))).items;
    },
    async searchUsers(q: string, limit = 8): Promise<User[]> {
      return (await unwrap(api.GET('/api/v1/users', { params: { query: { q, limit } } }))).items;
    },
    async joinChannel(channelId: string): Promise<Channel> {
      const path = { channelId, memberId: 'me' };
      await unwrap(api.PUT('/api/v1/channels/{channelId}/members/{memberId}', { params: { path } }));
      const channel = await getChannel(channelId);
      channels.add(channel);
      return channel;
    },
    async leaveChannel(channelId: string): Promise<void> {
      const path = { channelId, memberId: 'me' };
      await unwrap(api.DELETE('/api/v1/channels/{channelId}/members/{memberId}', { params: { path } }));
      channels.remove(channelId);
    },
    openDirect: (userId: string): Promise<Channel> => createChannel({ visibility: 'direct', userId }),
  };
}
