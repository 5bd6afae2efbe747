import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `messages`: history, posting, threads, edits and tombstones. */
export function messagesRoutes({ app, authenticate, messages }: RouteContext): void {
  contractRoute(app, authenticate, 'listMessages', async ({ actor, params, query }) =>
    messages.list(actor, params.channelId, { ...query, limit: query.limit ?? 50 }),
  );
  contractRoute(app, authenticate, 'sendMessage', async ({ actor, params, body }, reply) => {
    const { message, created } = await messages.send(actor, params.channelId, body);
    return reply.code(created ? 201 : 200).send(message);
  });
  contractRoute(app, authenticate, 'getMessage', async ({ actor, params }) => messages.get(actor, params.messageId));
  contractRoute(app, authenticate, 'editMessage', async ({ actor, params, body }) =>
    messages.edit(actor, params.messageId, body.body),
  );
  contractRoute(app, authenticate, 'deleteMessage', async ({ actor, params }) =>
    messages.delete(actor, params.messageId),
  );
  contractRoute(app, authenticate, 'removePreview', async ({ actor, params }) =>
    messages.removePreview(actor, params.messageId),
  );
  contractRoute(app, authenticate, 'listReplies', async ({ actor, params, query }) =>
    messages.replies(actor, params.messageId, { ...query, limit: query.limit ?? 50 }),
  );
}
