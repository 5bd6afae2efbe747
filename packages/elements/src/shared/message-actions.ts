import type { ChannelRoom } from '@confab/core';
import type { ChatMessageActionEvent } from '../events/chat-message-action.js';

/** Carries out what a message's controls asked for, on the message's channel. */
export function runAction(room: ChannelRoom, event: ChatMessageActionEvent): void {
  const { message, request } = event;
  const ignore = () => {}; // failures show through the stores (a failed echo, or nothing changed)
  switch (request.action) {
    case 'react':
      void room.react(message.id, request.emoji).catch(ignore);
      break;
    case 'unreact':
      void room.unreact(message.id, request.emoji).catch(ignore);
      break;
    case 'edit':
      void room.edit(message.id, request.body).catch(ignore);
      break;
    case 'delete':
      void room.delete(message.id).catch(ignore);
      break;
    case 'retry':
      void room.retry(message.clientMessageId).catch(ignore);
      break;
    case 'discard':
      room.discard(message.clientMessageId);
      break;
    case 'remove-preview':
      void room.removePreview(message.id).catch(ignore);
      break;
    case 'pin':
      void room.pin(message.id).catch(ignore);
      break;
    case 'unpin':
      void room.unpin(message.id).catch(ignore);
      break;
    case 'report':
      void room.report(message.id, request.reason).catch(ignore);
      break;
    case 'ban-author':
      void room
        .ban(message.author.id, {
          ...(request.reason ? { reason: request.reason } : {}),
          ...(request.until ? { until: request.until } : {}),
        })
        .catch(ignore);
      break;
    case 'mute-author':
      void room.mute(message.author.id, request.until ?? null).catch(ignore);
      break;
  }
}
