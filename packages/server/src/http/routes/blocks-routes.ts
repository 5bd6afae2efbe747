import type { BlockService } from '../../services/block-service.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `moderation`: the caller's blocks. */
export function blocksRoutes({ app, authenticate }: RouteContext, blocks: BlockService): void {
  contractRoute(app, authenticate, 'listBlocks', async ({ actor }) => blocks.list(actor));
  contractRoute(app, authenticate, 'blockUser', async ({ actor, params }, reply) => {
    await blocks.block(actor, params.userId);
    return reply.code(204).send();
  });
  contractRoute(app, authenticate, 'unblockUser', async ({ actor, params }, reply) => {
    await blocks.unblock(actor, params.userId);
    return reply.code(204).send();
  });
}
