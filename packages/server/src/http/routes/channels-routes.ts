import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `channels`: channels and the caller's read state. */
export function channelsRoutes({ app, authenticate, channels, uploads }: RouteContext): void {
  contractRoute(app, authenticate, 'listChannels', async ({ actor, query }) =>
    channels.list(actor, query.scope ?? 'joined', query.cursor, query.limit ?? 50),
  );
  contractRoute(app, authenticate, 'createChannel', async ({ actor, body }, reply) => {
    const { channel, created } = await channels.create(actor, body);
    return reply.code(created ? 201 : 200).send(channel);
  });
  contractRoute(app, authenticate, 'getChannel', async ({ actor, params }) => channels.get(actor, params.channelId));
  contractRoute(app, authenticate, 'updateChannel', async ({ actor, params, body }) =>
    channels.update(actor, params.channelId, body),
  );
  contractRoute(app, authenticate, 'deleteChannel', async ({ actor, params }, reply) => {
    await channels.remove(actor, params.channelId);
    return reply.code(204).send();
  });
  contractRoute(app, authenticate, 'listEvents', async ({ actor, params, query }) => {
    const page = await channels.events(actor, params.channelId, query.afterSeq, query.limit ?? 50);
    return { ...page, items: page.items.map(uploads.linkedEvent) };
  });
  contractRoute(app, authenticate, 'markRead', async ({ actor, params, body }) =>
    channels.markRead(actor, params.channelId, body.seq),
  );
}
