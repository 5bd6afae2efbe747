import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `members`. */
export function membersRoutes({ app, authenticate, channels }: RouteContext): void {
  contractRoute(app, authenticate, 'listMembers', async ({ actor, params, query }) =>
    channels.listMembers(actor, params.channelId, query.cursor, query.limit ?? 50, query.minRole),
  );
  contractRoute(app, authenticate, 'addMember', async ({ actor, params }, reply) => {
    const { member, created } = await channels.addMember(actor, params.channelId, params.memberId);
    return reply.code(created ? 201 : 200).send(member);
  });
  contractRoute(app, authenticate, 'removeMember', async ({ actor, params }, reply) => {
    await channels.removeMember(actor, params.channelId, params.memberId);
    return reply.code(204).send();
  });
}
