import { ChatError } from '../../errors.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `users`. */
export function usersRoutes({ app, authenticate, auth, writeLimiter }: RouteContext): void {
  contractRoute(app, authenticate, 'getMe', async ({ actor }) => ({
    ...actor.user,
    scopes: actor.scopes,
    admin: actor.admin,
  }));
  contractRoute(app, authenticate, 'updateMe', async ({ actor, body }) => {
    await writeLimiter.spend(actor.user.id, 'Too many profile changes; slow down.');
    return { ...(await auth.updateMe(actor, body)), scopes: actor.scopes };
  });
  contractRoute(app, authenticate, 'searchUsers', async ({ query }) => ({
    items: await auth.searchUsers(query.q, query.limit ?? 50),
  }));
  contractRoute(app, authenticate, 'getUser', async ({ params }) => {
    const user = await auth.findUser(params.userId);
    if (!user) throw new ChatError('not_found', 'No such user.');
    return user;
  });
}
