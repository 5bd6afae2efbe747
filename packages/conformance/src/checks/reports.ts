import type { Channel, Message, Report, ReportPage, UserList } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import { text } from './support.js';

const area = 'reports';

/** Reports and blocks (optional). */
export const reportChecks: Check[] = [
  {
    id: 'reports.flow',
    area,
    title:
      'a reader reports a message (201, again 200 with the same report); the owner lists and resolves it (200, again 409); a member may neither list nor resolve (403); the report is no channel event',
    required: false,
    contract:
      'confab.yaml › POST /messages/{messageId}/reports (reportMessage), GET /channels/{channelId}/reports (listReports), PATCH /reports/{reportId} (resolveReport)',
    async run({ http, fixtures }) {
      const [owner, reporter, author] = await fixtures.users(3);
      const channel = await fixtures.channel(owner!, 'public', [reporter!.id, author!.id]);
      const target = await fixtures.post(author!, channel.id, 'something reportable');
      const seq = async () =>
        expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, owner!.token), 200).lastSeq;
      const before = await seq();
      const path = `/api/v1/messages/${target.id}/reports`;
      const filed = expectStatus(await http.post<Report>(path, reporter!.token, { reason: 'spam' }), 201);
      sameJson(
        [filed.message.id, filed.reporter.id, filed.status, filed.resolution],
        [target.id, reporter!.id, 'open', null],
        'the new report',
      );
      const again = expectStatus(await http.post<Report>(path, reporter!.token, { reason: 'spam!' }), 200);
      ensure(again.id === filed.id, `reporting again answered report ${again.id}, not the open ${filed.id}`);

      const reports = `/api/v1/channels/${channel.id}/reports`;
      expectProblem(await http.get(reports, reporter!.token), 403, 'forbidden', 'a member listing reports');
      const open = expectStatus(await http.get<ReportPage>(reports, owner!.token), 200);
      sameJson(
        open.items.map((r) => r.id),
        [filed.id],
        'the open reports the owner lists',
      );
      const resolve = `/api/v1/reports/${filed.id}`;
      expectProblem(
        await http.patch(resolve, reporter!.token, { resolution: 'dismissed' }),
        403,
        'forbidden',
        'a member resolving',
      );
      const resolved = expectStatus(await http.patch<Report>(resolve, owner!.token, { resolution: 'actioned' }), 200);
      sameJson(
        [resolved.status, resolved.resolution, resolved.resolvedBy?.id],
        ['resolved', 'actioned', owner!.id],
        'the resolved report',
      );
      expectProblem(await http.patch(resolve, owner!.token, { resolution: 'actioned' }), 409, 'conflict', 'twice');
      const done = expectStatus(await http.get<ReportPage>(`${reports}?status=resolved`, owner!.token), 200);
      sameJson(
        done.items.map((r) => r.id),
        [filed.id],
        'the resolved reports',
      );
      const after = await seq();
      ensure(after === before, `the channel's lastSeq moved from ${before} to ${after}: reports are no events`);
    },
  },
  {
    id: 'blocks.direct',
    area,
    title:
      'a user blocked by another cannot open a direct channel with them nor post in an existing one (403 blocked); the blocker lists them; unblocking restores it',
    required: false,
    contract:
      'confab.yaml › PUT/DELETE /me/blocks/{userId} (blockUser, unblockUser), GET /me/blocks (listBlocks), ErrorCode blocked',
    async run({ http, fixtures }) {
      const [blocker, pest] = await fixtures.users(2);
      const open = () =>
        http.post<Channel>('/api/v1/channels', pest!.token, { visibility: 'direct', userId: blocker!.id });
      const direct = expectStatus(await open(), 201);
      const post = () =>
        http.post<Message>(`/api/v1/channels/${direct.id}/messages`, pest!.token, {
          clientMessageId: newClientId(),
          body: text('hello?'),
        });
      expectStatus(await http.put(`/api/v1/me/blocks/${pest!.id}`, blocker!.token), 204);
      expectStatus(await http.put(`/api/v1/me/blocks/${pest!.id}`, blocker!.token), 204, 'blocking twice');
      const listed = expectStatus(await http.get<UserList>('/api/v1/me/blocks', blocker!.token), 200);
      sameJson(
        listed.items.map((u) => u.id),
        [pest!.id],
        'the blocked users',
      );
      expectProblem(await open(), 403, 'blocked', 'opening the direct channel');
      expectProblem(await post(), 403, 'blocked', 'posting in the direct channel');
      expectStatus(await http.delete(`/api/v1/me/blocks/${pest!.id}`, blocker!.token), 204);
      expectStatus(await open(), 200, 'opening it after the unblock');
      expectStatus(await post(), 201, 'posting after the unblock');
    },
  },
];
