/** Every text the elements show; replace any of them through the `strings` property. */
export const defaultStrings = {
  message: 'Message',
  send: 'Send',
  sendHint: 'Enter to send, Shift+Enter for a new line',
  channels: 'Channels',
  publicChannels: 'Browse channels',
  join: 'Join',
  createChannel: 'New channel',
  channelName: 'Channel name',
  visibility: 'Visibility',
  public: 'Public',
  private: 'Private',
  create: 'Create',
  directMessage: 'New direct message',
  userId: 'User id',
  start: 'Start',
  cancel: 'Cancel',
  unread: (n: number) => `${n} unread`,
  members: (n: number) => (n === 1 ? '1 member' : `${n} members`),
  online: (n: number) => `${n} online`,
  typing: (names: string[]) =>
    names.length === 1
      ? `${names[0]} is typing…`
      : names.length === 2
        ? `${names[0]} and ${names[1]} are typing…`
        : 'Several people are typing…',
  newMessages: (n: number) => (n === 1 ? '1 new message' : `${n} new messages`),
  jumpToLatest: 'Jump to the latest messages',
  loadingOlder: 'Loading older messages…',
  beginning: 'This is the beginning of the channel.',
  empty: 'No messages yet. Say hello!',
  loading: 'Loading…',
  noPermission: 'You cannot read this channel.',
  readOnly: 'You can read this channel but not post in it.',
  joinToPost: 'Join the channel to post.',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  offline: 'You are offline. Messages will be sent when you are back.',
  closed: 'Disconnected.',
  edited: 'edited',
  deleted: 'This message was deleted.',
  pending: 'Sending…',
  failed: 'Not sent.',
  retry: 'Retry',
  discard: 'Discard',
  reply: 'Reply',
  replies: (n: number) => (n === 1 ? '1 reply' : `${n} replies`),
  react: 'Add reaction',
  edit: 'Edit',
  delete: 'Delete',
  save: 'Save',
  actions: 'Message actions',
  reactWith: (emoji: string) => `React with ${emoji}`,
  reactionCount: (emoji: string, n: number, mine: boolean) => `${emoji} ${n}${mine ? ', including you' : ''}`,
  thread: 'Thread',
  closeThread: 'Close thread',
  back: 'Back',
  signIn: 'Sign in',
  signUp: 'Create account',
  username: 'Username',
  password: 'Password',
  signOut: 'Sign out',
  noAccount: 'New here? Create an account',
  haveAccount: 'Have an account? Sign in',
  pickChannel: 'Pick a channel, or create one.',
} as const;

export type ChatStrings = {
  [K in keyof typeof defaultStrings]: (typeof defaultStrings)[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};
