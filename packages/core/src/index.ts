export type * from '@confab/protocol';
export { type ChatClient, type ChatClientOptions, createChatClient } from './client.js';
export type { ConnectionStatus } from './connection.js';
export { ConfabError } from './errors.js';
export { Feed, type LocalMessage } from './feed.js';
export type { ChatApi } from './http.js';
export { indexedDbStore, memoryStore, type OutboxEntry, type OutboxStore } from './outbox.js';
export { ChannelRoom } from './room.js';
export type { SessionMemory, TokenSource } from './session.js';
