import type { ServerFrame } from '@confab/protocol';
import websocket from '@fastify/websocket';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ChatError } from '../errors.js';
import { sendProblem } from '../http/problems.js';
import type { Metrics } from '../metrics.js';
import type { Actor } from '../services/actor.js';
import type { AuthService } from '../services/auth-service.js';
import { Session, type SessionDeps } from './session.js';

/** The close code for a socket silent for two heartbeat periods. */
const HEARTBEAT_TIMEOUT = 4000;
/** The close code for the sockets of an account that ended all its sessions. */
const SIGNED_OUT = 4001;

/**
 * The socket endpoint `GET /api/v1/ws?ticket=…`: checks the Origin, spends the ticket and holds the user
 * to `maxSocketsPerUser` before the upgrade, then runs a {@link Session} per socket and drops sockets that
 * stay silent for two heartbeats. Frames meant for a user rather than a channel (`added`, `mention`) go to
 * every socket of that user, subscribed or not; when the user signs out everywhere, those sockets close.
 */
export async function installGateway(
  app: FastifyInstance,
  deps: Omit<SessionDeps, 'log'> & {
    auth: AuthService;
    metrics: Metrics;
    allowedOrigins: string[] | undefined;
    maxSocketsPerUser: number;
  },
) {
  const sessions = new Set<Session>();
  const byUser = new Map<string, Set<Session>>();
  /** Upgrades admitted but not open yet, per user: they count against the cap too. */
  const upgrading = new Map<string, number>();
  const admitted = new WeakMap<FastifyRequest, { actor: Actor; release: () => void }>();
  /** Counts an upgrade against the user's cap until `release` (called once the socket opens or the upgrade fails). */
  const reserve = (userId: string) => {
    upgrading.set(userId, (upgrading.get(userId) ?? 0) + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (upgrading.get(userId) ?? 1) - 1;
      if (left > 0) upgrading.set(userId, left);
      else upgrading.delete(userId);
    };
  };
  /** Sends one frame, serialized once, to every socket of these users that this process holds. */
  const sendToUsers = (userIds: readonly string[], frame: ServerFrame) => {
    const reached = userIds.flatMap((userId) => [...(byUser.get(userId) ?? [])]);
    if (reached.length === 0) return;
    const data = Buffer.from(JSON.stringify(frame));
    for (const session of reached) session.sendText(data);
  };
  const stopListening = deps.bus.subscribe((message) => {
    if (message.kind === 'added') for (const session of byUser.get(message.userId) ?? []) session.send(message.frame);
    if (message.kind === 'mention') sendToUsers(message.userIds, message.frame);
    if (message.kind === 'signed-out')
      for (const session of byUser.get(message.userId) ?? []) session.close(SIGNED_OUT, 'signed out');
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
          const held = (byUser.get(actor.user.id)?.size ?? 0) + (upgrading.get(actor.user.id) ?? 0);
          if (held >= deps.maxSocketsPerUser) {
            return sendProblem(
              reply,
              request,
              new ChatError(
                'rate_limited',
                `A user may hold at most ${deps.maxSocketsPerUser} open sockets; close one before opening another.`,
              ),
            );
          }
          const release = reserve(actor.user.id);
          request.raw.socket.once('close', release);
          admitted.set(request, { actor, release });
        },
      },
      (socket, request) => {
        const { actor, release } = admitted.get(request)!;
        release();
        const session = new Session(socket, actor, { ...deps, log: request.log });
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
    for (const session of sessions)
      if (session.lastSeen < silentSince) session.close(HEARTBEAT_TIMEOUT, 'heartbeat timeout');
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
