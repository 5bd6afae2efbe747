import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ChatError } from '../errors.js';
import { sendProblem } from '../http/problems.js';
import type { Metrics } from '../metrics.js';
import type { Actor } from '../services/actor.js';
import type { AuthService } from '../services/auth-service.js';
import { Session, type SessionDeps } from './session.js';

/**
 * The socket endpoint `GET /api/v1/ws?ticket=…`: checks the Origin and spends the ticket before the
 * upgrade, then runs a {@link Session} per socket and drops sockets that stay silent for two heartbeats.
 * Frames meant for a user rather than a channel (`added`) go to every socket of that user.
 */
export async function installGateway(
  app: FastifyInstance,
  deps: Omit<SessionDeps, 'log'> & { auth: AuthService; metrics: Metrics; allowedOrigins: string[] | undefined },
) {
  const sessions = new Set<Session>();
  const byUser = new Map<string, Set<Session>>();
  const actors = new WeakMap<FastifyRequest, Actor>();
  const stopListening = deps.bus.subscribe((message) => {
    if (message.kind !== 'added') return;
    for (const session of byUser.get(message.userId) ?? []) session.send(message.frame);
  });

  await app.register(websocket, { options: { maxPayload: Math.max(deps.frameLimit * 4, 1 << 20) } });
  await app.register(async (scope) => {
    scope.get(
      '/api/v1/ws',
      {
        websocket: true,
        preValidation: async (request, reply) => {
          const origin = request.headers.origin;
          if (deps.allowedOrigins && origin && !deps.allowedOrigins.includes(origin)) {
            return sendProblem(reply, request, new ChatError('forbidden', `Origin ${origin} may not open a socket.`));
          }
          const { ticket } = request.query as { ticket?: unknown };
          const actor =
            typeof ticket === 'string' && ticket.length <= 200 ? await deps.auth.redeemTicket(ticket) : undefined;
          if (!actor) {
            return sendProblem(
              reply,
              request,
              new ChatError('unauthorized', 'A valid, unused ticket is needed (POST /api/v1/auth/ws-ticket).'),
            );
          }
          actors.set(request, actor);
        },
      },
      (socket, request) => {
        const session = new Session(socket, actors.get(request)!, { ...deps, log: request.log });
        const ofUser = byUser.get(session.user.id) ?? new Set<Session>();
        byUser.set(session.user.id, ofUser.add(session));
        sessions.add(session);
        deps.metrics.openSockets.inc();
        socket.on('close', () => {
          sessions.delete(session);
          ofUser.delete(session);
          if (ofUser.size === 0 && byUser.get(session.user.id) === ofUser) byUser.delete(session.user.id);
          deps.metrics.openSockets.dec();
        });
        session.start();
      },
    );
  });

  const sweep = setInterval(() => {
    const silentSince = Date.now() - 2 * deps.heartbeatMs;
    for (const session of sessions) if (session.lastSeen < silentSince) session.close(4000, 'heartbeat timeout');
  }, deps.heartbeatMs);
  sweep.unref();

  return {
    /** Closes every socket, e.g. with 1012 so clients reconnect elsewhere during a restart. */
    closeAll(code: number, reason: string): void {
      clearInterval(sweep);
      stopListening();
      for (const session of sessions) session.close(code, reason);
    },
  };
}
