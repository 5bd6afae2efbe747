import type { FastifyRequest } from 'fastify';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `auth`: register, login, refresh, logout (here or everywhere), password change and socket tickets. */
export function authRoutes({ app, authenticate, auth, authLimiter }: RouteContext): void {
  const limit = (request: FastifyRequest) => authLimiter.spend(request.ip, 'Too many sign-in attempts; wait a moment.');

  contractRoute(app, authenticate, 'register', async ({ body, raw }, reply) => {
    await limit(raw);
    return reply.code(201).send(await auth.register(body));
  });
  contractRoute(app, authenticate, 'login', async ({ body, raw }) => {
    await limit(raw);
    return auth.login(body);
  });
  contractRoute(app, authenticate, 'refreshSession', async ({ body }) => auth.refresh(body.refreshToken));
  contractRoute(app, authenticate, 'logout', async ({ body }, reply) => {
    await auth.logout(body.refreshToken);
    return reply.code(204).send();
  });
  contractRoute(app, authenticate, 'logoutAll', async ({ actor, raw }, reply) => {
    await limit(raw);
    await auth.logoutAll(actor);
    return reply.code(204).send();
  });
  contractRoute(app, authenticate, 'changePassword', async ({ actor, body, raw }) => {
    await limit(raw);
    return auth.changePassword(actor, body);
  });
  contractRoute(app, authenticate, 'createWsTicket', async ({ actor }) => auth.createTicket(actor));
}
