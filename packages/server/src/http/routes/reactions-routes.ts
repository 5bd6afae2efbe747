import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `reactions`. */
export function reactionsRoutes({ app, authenticate, messages }: RouteContext): void {
  contractRoute(app, authenticate, 'addReaction', async ({ actor, params }) =>
    messages.react(actor, params.messageId, params.emoji, true),
  );
  contractRoute(app, authenticate, 'removeReaction', async ({ actor, params }) =>
    messages.react(actor, params.messageId, params.emoji, false),
  );
}
