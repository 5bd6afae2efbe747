import type { Check } from '../check.js';
import { accessChecks, readStateChecks } from './access.js';
import { authChecks } from './auth.js';
import { channelChecks } from './channels.js';
import { errorChecks } from './errors.js';
import { frameChecks } from './frames.js';
import { hostTokenChecks } from './host-tokens.js';
import { limitChecks } from './limits.js';
import { mentionChecks } from './mentions.js';
import { messageChecks, reactionChecks, threadChecks } from './messages.js';
import { moderationChecks } from './moderation.js';
import { opsChecks, presenceChecks, typingChecks } from './optional.js';
import { paginationChecks } from './pagination.js';
import { orderingChecks, replayChecks } from './replay.js';
import { reportChecks } from './reports.js';
import { searchChecks } from './search.js';
import { socketChecks, ticketChecks } from './socket.js';
import { uploadChecks } from './uploads.js';

/** Every check of the kit, in report order: required areas first, then the optional ones. */
export const allChecks: readonly Check[] = [
  ...authChecks,
  ...ticketChecks,
  ...socketChecks,
  ...channelChecks,
  ...accessChecks,
  ...messageChecks,
  ...paginationChecks,
  ...threadChecks,
  ...reactionChecks,
  ...readStateChecks,
  ...replayChecks,
  ...orderingChecks,
  ...errorChecks,
  ...limitChecks,
  ...frameChecks,
  ...hostTokenChecks,
  ...typingChecks,
  ...presenceChecks,
  ...uploadChecks,
  ...mentionChecks,
  ...moderationChecks,
  ...searchChecks,
  ...reportChecks,
  ...opsChecks,
];
