/** The parts of a message, passed up (`exportparts`) by every element that shows messages. */
export const MESSAGE_PARTS =
  'message, mentioned, avatar, author, time, body, link, mention, mention-me, code, code-block, image, video, file, lightbox, preview, preview-image, remove-preview, reactions, reaction, replies, actions, more, menu, confirm, role-badge, pinned, blocked, dialog';

/** The parts of a message list: its own and its messages'. */
export const LIST_PARTS = `list, new-messages, day, new-divider, empty, ${MESSAGE_PARTS}`;
