/** The parts of a message, passed up (`exportparts`) by every element that shows messages. */
export const MESSAGE_PARTS =
  'message, avatar, author, time, body, link, mention, code, code-block, reactions, reaction, replies, actions, more, menu, confirm';

/** The parts of a message list: its own and its messages'. */
export const LIST_PARTS = `list, new-messages, day, new-divider, empty, ${MESSAGE_PARTS}`;
