import type { ReportService } from '../../services/report-service.js';
import { contractRoute } from '../contract-route.js';
import type { RouteContext } from './context.js';

/** Tag `moderation`: reports of messages to their channel's moderators. */
export function reportsRoutes({ app, authenticate }: RouteContext, reports: ReportService): void {
  contractRoute(app, authenticate, 'reportMessage', async ({ actor, params, body }, reply) => {
    const { report, created } = await reports.report(actor, params.messageId, body.reason);
    return reply.code(created ? 201 : 200).send(report);
  });
  contractRoute(app, authenticate, 'listReports', async ({ actor, params, query }) =>
    reports.list(actor, params.channelId, query.status ?? 'open', query.cursor, query.limit ?? 50),
  );
  contractRoute(app, authenticate, 'resolveReport', async ({ actor, params, body }) =>
    reports.resolve(actor, params.reportId, body.resolution),
  );
}
