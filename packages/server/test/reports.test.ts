// Reports: any reader of a message reports it; the channel's owners and moderators list and resolve them
// (recorded in the audit log); members may not, outsiders of a private channel learn nothing; duplicates
// answer the open report, also when they race; reports are no channel events and go with their channel.
// On SQLite and, where it is reachable (always in CI), on PostgreSQL.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { type TestContext, test } from 'node:test';
import { expectProblem, expectStatus, type KitUser } from '@confab/conformance';
import type { AuditPage, AuthSession, Channel, Message, Report, ReportPage } from '@confab/protocol';
import { kitFor } from './support/kit.js';
import { adminUrl, postgresReachable, testDatabase } from './support/postgres.js';
import { startTestServer, type TestServer } from './support/test-server.js';

const ADMIN = `reports-admin-${randomUUID().slice(0, 8)}`;
const limits = { writeRate: 1000, sendRate: 1000, admins: [ADMIN] };
const NOTHING = '0190d6f2-7a1e-7cc3-8e3f-000000000000';

type Kit = ReturnType<typeof kitFor>;

const report = (kit: Kit, user: KitUser, messageId: string, reason = 'spam') =>
  kit.http.post<Report>(`/api/v1/messages/${messageId}/reports`, user.token, { reason });
const list = (kit: Kit, user: KitUser, channelId: string, query = '') =>
  kit.http.get<ReportPage>(`/api/v1/channels/${channelId}/reports${query}`, user.token);
const resolve = (kit: Kit, user: KitUser, reportId: string, resolution = 'actioned') =>
  kit.http.patch<Report>(`/api/v1/reports/${reportId}`, user.token, { resolution });
const lastSeq = async (kit: Kit, user: KitUser, channelId: string) =>
  expectStatus(await kit.http.get<Channel>(`/api/v1/channels/${channelId}`, user.token), 200).lastSeq;

async function reportsOn(t: TestContext, server: TestServer): Promise<void> {
  await t.test('a member reports; a moderator lists and resolves; members and outsiders may not', async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, reporter, moderator, member, author, outsider] = await kit.fixtures.users(6);
    const channel = await kit.fixtures.channel(owner!, 'public', [reporter!.id, moderator!.id, member!.id, author!.id]);
    expectStatus(
      await kit.http.patch(`/api/v1/channels/${channel.id}/members/${moderator!.id}`, owner!.token, {
        role: 'moderator',
      }),
      200,
    );
    const target = await kit.fixtures.post(author!, channel.id, 'buy now!!!');
    const seqBefore = await lastSeq(kit, owner!, channel.id);

    const filed = expectStatus(await report(kit, reporter!, target.id, '  spam  '), 201);
    assert.deepEqual(
      [filed.channelId, filed.message.id, filed.reporter.id, filed.reason, filed.status, filed.resolution],
      [channel.id, target.id, reporter!.id, 'spam', 'open', null],
    );
    const again = expectStatus(await report(kit, reporter!, target.id, 'really spam'), 200);
    assert.deepEqual([again.id, again.reason], [filed.id, 'spam'], 'the open report, as first filed');
    const outsiderReport = expectStatus(await report(kit, outsider!, target.id, 'public, so readable'), 201);

    for (const who of [member!, author!, outsider!]) {
      expectProblem(await list(kit, who, channel.id), 403, 'forbidden', `listing by ${who.displayName}`);
      expectProblem(await resolve(kit, who, filed.id), 403, 'forbidden', `resolving by ${who.displayName}`);
    }
    for (const who of [moderator!, owner!]) {
      const page = expectStatus(await list(kit, who, channel.id), 200);
      assert.deepEqual(
        page.items.map((r) => r.id),
        [outsiderReport.id, filed.id],
        'open reports, newest first',
      );
      assert.equal(page.nextCursor, null);
    }

    const resolved = expectStatus(await resolve(kit, moderator!, filed.id, 'dismissed'), 200);
    assert.deepEqual(
      [resolved.status, resolved.resolution, resolved.resolvedBy?.id, typeof resolved.resolvedAt],
      ['resolved', 'dismissed', moderator!.id, 'string'],
    );
    expectProblem(await resolve(kit, owner!, filed.id), 409, 'conflict', 'resolving twice');
    const open = expectStatus(await list(kit, moderator!, channel.id, '?status=open'), 200);
    assert.deepEqual(
      open.items.map((r) => r.id),
      [outsiderReport.id],
    );
    const closed = expectStatus(await list(kit, moderator!, channel.id, '?status=resolved'), 200);
    assert.deepEqual(
      closed.items.map((r) => [r.id, r.resolution]),
      [[filed.id, 'dismissed']],
    );

    const audit = expectStatus(
      await kit.http.get<AuditPage>(`/api/v1/channels/${channel.id}/audit`, owner!.token),
      200,
    ).items.filter((e) => e.action === 'report.resolved');
    assert.deepEqual(
      audit.map((e) => [e.actor.id, e.target?.id, e.messageId, e.details]),
      [[moderator!.id, author!.id, target.id, { resolution: 'dismissed' }]],
      'the audit entry of the resolution',
    );
    assert.equal(await lastSeq(kit, owner!, channel.id), seqBefore, 'reports and resolutions are no channel events');

    const anew = expectStatus(await report(kit, reporter!, target.id, 'back again'), 201);
    assert.notEqual(anew.id, filed.id, 'after the resolution, a new report');
  });

  await t.test('a private channel: outsiders get 404 for its messages, reports and list', async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, member, outsider] = await kit.fixtures.users(3);
    const channel = await kit.fixtures.channel(owner!, 'private', [member!.id]);
    const target = await kit.fixtures.post(owner!, channel.id, 'private words');
    const filed = expectStatus(await report(kit, member!, target.id), 201);
    expectProblem(await report(kit, outsider!, target.id), 404, 'not_found');
    expectProblem(await list(kit, outsider!, channel.id), 404, 'not_found');
    expectProblem(await resolve(kit, outsider!, filed.id), 404, 'not_found');
    expectProblem(await resolve(kit, owner!, NOTHING), 404, 'not_found', 'an unknown report');
    expectProblem(await report(kit, member!, NOTHING), 404, 'not_found', 'an unknown message');
  });

  await t.test(
    'an administrator lists and resolves the reports of a private channel; a direct channel takes none',
    async (t) => {
      const kit = kitFor(server.url, t);
      const session = expectStatus(
        await kit.http.post<AuthSession>('/api/v1/auth/register', undefined, {
          username: ADMIN,
          password: 'pw-admin-1',
        }),
        201,
      );
      const admin = { ...session.user, password: 'pw-admin-1', token: session.accessToken, refreshToken: '' };
      const [owner, member] = await kit.fixtures.users(2);
      const closed = await kit.fixtures.channel(owner!, 'private', [member!.id]);
      const target = await kit.fixtures.post(owner!, closed.id, 'reported in private');
      const filed = expectStatus(await report(kit, member!, target.id), 201);
      const page = expectStatus(await list(kit, admin, closed.id), 200, 'the administrator, not a member');
      assert.deepEqual(
        page.items.map((r) => r.id),
        [filed.id],
      );
      const resolved = expectStatus(await resolve(kit, admin, filed.id), 200);
      assert.deepEqual([resolved.status, resolved.resolvedBy?.id], ['resolved', admin.id]);

      const direct = expectStatus(
        await kit.http.post<Channel>('/api/v1/channels', owner!.token, { visibility: 'direct', userId: member!.id }),
        201,
      );
      const whispered = await kit.fixtures.post(owner!, direct.id, 'in a direct channel');
      expectProblem(await report(kit, member!, whispered.id), 403, 'forbidden', 'a report in a direct channel');
    },
  );

  await t.test("a deleted message is 409, one's own 400, a bad cursor 400", async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, member] = await kit.fixtures.users(2);
    const channel = await kit.fixtures.channel(owner!, 'public', [member!.id]);
    const gone = await kit.fixtures.post(owner!, channel.id, 'soon gone');
    expectStatus(await kit.http.delete(`/api/v1/messages/${gone.id}`, owner!.token), 200);
    expectProblem(await report(kit, member!, gone.id), 409, 'conflict', 'a tombstone');
    const mine = await kit.fixtures.post(member!, channel.id, 'my own');
    expectProblem(await report(kit, member!, mine.id), 400, 'invalid_request', 'my own message');
    expectProblem(await list(kit, owner!, channel.id, '?cursor=o1'), 400, 'invalid_request', 'a foreign cursor');
    expectProblem(await list(kit, owner!, channel.id, '?status=closed'), 400, 'invalid_request', 'a bad status');
  });

  await t.test('pages of reports, newest first, with the uploads of their messages linked', async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, reporter, author] = await kit.fixtures.users(3);
    const channel = await kit.fixtures.channel(owner!, 'public', [reporter!.id, author!.id]);
    const form = new FormData();
    form.append('file', new Blob(['evidence\n'], { type: 'text/plain' }), 'evidence.txt');
    const upload = expectStatus(
      await kit.http.request<{ id: string }>('POST', '/api/v1/uploads', { token: author!.token, form }),
      201,
    );
    const messages: Message[] = [await kit.fixtures.post(author!, channel.id, { type: 'file', uploadId: upload.id })];
    for (const n of [1, 2, 3, 4]) messages.push(await kit.fixtures.post(author!, channel.id, `message ${n}`));
    const filed: string[] = [];
    for (const message of messages) filed.push(expectStatus(await report(kit, reporter!, message.id), 201).id);

    const seen: Report[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
      const page: ReportPage = expectStatus(await list(kit, owner!, channel.id, query), 200);
      assert.ok(page.items.length <= 2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    }
    assert.deepEqual(
      seen.map((r) => r.id),
      [...filed].reverse(),
      'every report once, newest first',
    );
    const file = seen.at(-1)!.message.body as { url?: string };
    assert.ok(file.url, 'the file message carries a signed link');
    const fetched = await fetch(new URL(file.url, `${server.url}/`));
    assert.equal(fetched.status, 200, 'the link opens');
    assert.equal(await fetched.text(), 'evidence\n');
  });

  await t.test('concurrent duplicates make one report', async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, reporter] = await kit.fixtures.users(2);
    const channel = await kit.fixtures.channel(owner!, 'public', [reporter!.id]);
    const target = await kit.fixtures.post(owner!, channel.id, 'contested');
    const replies = await Promise.all(Array.from({ length: 8 }, () => report(kit, reporter!, target.id)));
    assert.deepEqual(
      replies.map((r) => r.status).sort(),
      [200, 200, 200, 200, 200, 200, 200, 201],
      'one new report, the rest answered with it',
    );
    assert.equal(new Set(replies.map((r) => r.body.id)).size, 1);
    assert.equal(expectStatus(await list(kit, owner!, channel.id), 200).items.length, 1);
  });

  await t.test('deleting a channel deletes its reports', async (t) => {
    const kit = kitFor(server.url, t);
    const [owner, reporter] = await kit.fixtures.users(2);
    const channel = await kit.fixtures.channel(owner!, 'public', [reporter!.id]);
    const target = await kit.fixtures.post(owner!, channel.id, 'doomed');
    const filed = expectStatus(await report(kit, reporter!, target.id), 201);
    expectStatus(await kit.http.delete(`/api/v1/channels/${channel.id}`, owner!.token), 204);
    expectProblem(await resolve(kit, owner!, filed.id), 404, 'not_found', 'the report went with its channel');
  });
}

test('reports on SQLite', async (t) => {
  await reportsOn(t, await startTestServer(limits, t));
});

const pgReachable = await postgresReachable();

test('reports on PostgreSQL', { skip: !pgReachable && `PostgreSQL is not reachable at ${adminUrl}` }, async (t) => {
  const database = await testDatabase(t);
  await reportsOn(t, await database.start(limits));
});
