import type { SearchService } from '../../services/search-service.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `search`: full-text search over the messages the caller may read. */
export function searchRoutes({ app, authenticate }: RouteContext, search: SearchService): void {
  contractRoute(app, authenticate, 'searchMessages', async ({ actor, query }) =>
    search.search(actor, { ...query, limit: query.limit ?? 50 }),
  );
}
