import type { ModerationService } from '../../services/moderation-service.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `moderation`: roles and mutes, bans and the audit log. */
export function moderationRoutes({ app, authenticate }: RouteContext, moderation: ModerationService): void {
  contractRoute(app, authenticate, 'updateMember', async ({ actor, params, body }) =>
    moderation.updateMember(actor, params.channelId, params.memberId, body),
  );
  contractRoute(app, authenticate, 'banMember', async ({ actor, params, body }) =>
    moderation.ban(actor, params.channelId, params.userId, body ?? {}),
  );
  contractRoute(app, authenticate, 'unbanMember', async ({ actor, params }, reply) => {
    await moderation.unban(actor, params.channelId, params.userId);
    return reply.code(204).send();
  });
  contractRoute(app, authenticate, 'listBans', async ({ actor, params, query }) =>
    moderation.listBans(actor, params.channelId, query.cursor, query.limit ?? 50),
  );
  contractRoute(app, authenticate, 'listAuditLog', async ({ actor, params, query }) =>
    moderation.listAudit(actor, params.channelId, query.cursor, query.limit ?? 50),
  );
}
