import type { PinService } from '../../services/pin-service.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `pins`: pinning messages to their channel, and the channel's pinned messages. */
export function pinsRoutes({ app, authenticate }: RouteContext, pins: PinService): void {
  contractRoute(app, authenticate, 'pinMessage', async ({ actor, params }) => pins.pin(actor, params.messageId));
  contractRoute(app, authenticate, 'unpinMessage', async ({ actor, params }) => pins.unpin(actor, params.messageId));
  contractRoute(app, authenticate, 'listPins', async ({ actor, params, query }) =>
    pins.list(actor, params.channelId, query.cursor, query.limit ?? 50),
  );
}
