import type { Channel, MessagePage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import { newClientId } from '../fixtures.js';
import { text } from './support.js';

const area = 'errors';

/** An owner and a public channel to send bad input to. */
async function target({ fixtures }: CheckContext) {
  const owner = await fixtures.user();
  const channel = await fixtures.channel(owner);
  return { owner, channel, messages: `/api/v1/channels/${channel.id}/messages` };
}

const send = (body: unknown, extra: Record<string, unknown> = {}) => ({
  clientMessageId: newClientId(),
  body,
  ...extra,
});

/** Problem documents for bad input. */
export const errorChecks: Check[] = [
  {
    id: 'errors.malformed-json',
    area,
    title: 'a malformed, empty or missing JSON body answers 400 invalid_request as problem+json',
    required: true,
    contract: 'confab.yaml › responses BadRequest (Problem, ErrorCode invalid_request); RFC 9457',
    async run(context) {
      const { http } = context;
      const { owner, messages } = await target(context);
      const broken = await http.request('POST', '/api/v1/channels', {
        token: owner.token,
        raw: '{"name": "x", "visibility":',
        contentType: 'application/json',
      });
      expectProblem(broken, 400, 'invalid_request', 'a truncated JSON body');
      const empty = await http.request('POST', '/api/v1/auth/login', { raw: '', contentType: 'application/json' });
      expectProblem(empty, 400, 'invalid_request', 'an empty JSON body');
      expectProblem(await http.request('POST', messages, { token: owner.token }), 400, 'invalid_request', 'no body');
    },
  },
  {
    id: 'errors.invalid-fields',
    area,
    title: 'wrong types, unknown fields and broken rules answer 400 invalid_request with a detail',
    required: true,
    contract: 'confab.yaml › request schemas (additionalProperties: false) → 400 BadRequest',
    async run(context) {
      const { http } = context;
      const { owner, channel, messages } = await target(context);
      const cases: [string, string, unknown][] = [
        ['a number as name', '/api/v1/channels', { name: 5, visibility: 'public' }],
        ['an unknown visibility', '/api/v1/channels', { name: 'x', visibility: 'secret' }],
        ['an unknown field', '/api/v1/channels', { name: 'x', visibility: 'public', admin: true }],
        ['a blank name', '/api/v1/channels', { name: '   ', visibility: 'public' }],
        ['an array as body', '/api/v1/channels', ['not', 'an', 'object']],
        ['an unknown field in a send', messages, send(text('hi'), { extra: 1 })],
        ['an unknown field in a text body', messages, send({ type: 'text', text: 'hi', html: '<b>hi</b>' })],
        ['an empty text', messages, send({ type: 'text', text: '' })],
        ['an unknown body type', messages, send({ type: 'poll', options: [] })],
        ['a clientMessageId with spaces', messages, { clientMessageId: 'has spaces', body: text('hi') }],
        ['a number as clientMessageId', messages, { clientMessageId: 42, body: text('hi') }],
        ['a string as body', messages, send('just a string')],
      ];
      for (const [what, path, body] of cases) {
        const problem = expectProblem(await http.post(path, owner.token, body), 400, 'invalid_request', what);
        ensure(problem.detail.length > 0, `${what}: the problem has no detail`);
      }
      const register = { username: 123, password: 'long-enough-password' };
      expectProblem(
        await http.post('/api/v1/auth/register', undefined, register),
        400,
        'invalid_request',
        'a number as username',
      );
      const shortPassword = { username: 'shorty', password: 'short' };
      expectProblem(
        await http.post('/api/v1/auth/register', undefined, shortPassword),
        400,
        'invalid_request',
        'a short password',
      );
      const read = await http.put(`/api/v1/channels/${channel.id}/read`, owner.token, { seq: -1 });
      expectProblem(read, 400, 'invalid_request', 'a negative read seq');
      const patch = await http.patch(`/api/v1/channels/${channel.id}`, owner.token, {});
      expectProblem(patch, 400, 'invalid_request', 'an empty channel update');
    },
  },
  {
    id: 'errors.unsafe-urls',
    area,
    title: 'image and video URLs other than http(s), and impossible sizes, answer 400 and store nothing',
    required: true,
    contract: 'confab.yaml › HttpUrl (pattern ^https?://), ImageBody',
    async run(context) {
      const { http, fixtures } = context;
      const { owner, channel, messages } = await target(context);
      const bodies = [
        { type: 'image', url: 'javascript:alert(1)', width: 10, height: 10 },
        { type: 'image', url: 'data:image/png;base64,AAAA', width: 10, height: 10 },
        { type: 'video', url: 'javascript:alert(document.cookie)' },
        { type: 'video', url: 'file:///etc/passwd' },
        { type: 'image', url: 'https://example.com/a.png', width: 0, height: 10 },
      ];
      for (const body of bodies) {
        const reply = await http.post(messages, owner.token, send(body));
        expectProblem(reply, 400, 'invalid_request', `${body.type} at ${body.url}`);
      }
      sameJson(await fixtures.history(owner, channel.id), [], 'the history after refused sends');
    },
  },
  {
    id: 'errors.bad-ids',
    area,
    title: 'injection-shaped, path-like and overlong ids answer 400 or 404 problem+json and change nothing',
    required: true,
    contract: 'confab.yaml › Id (pattern ^[A-Za-z0-9_-]+$, maxLength 64) → 400 BadRequest | 404 NotFound',
    async run(context) {
      const { http, fixtures } = context;
      const { owner, channel, messages } = await target(context);
      await fixtures.post(owner, channel.id, 'keep me');
      const before = await fixtures.history(owner, channel.id);
      const ids = [
        encodeURIComponent("' OR 1=1 --"),
        encodeURIComponent("1'; DROP TABLE messages; --"),
        encodeURIComponent('../../etc/passwd'),
        '..%2F..%2F..%2Fetc%2Fpasswd',
        encodeURIComponent('<script>alert(1)</script>'),
        'a'.repeat(65),
      ];
      const paths = (id: string) => [
        ['GET', `/api/v1/channels/${id}`],
        ['GET', `/api/v1/channels/${id}/messages`],
        ['GET', `/api/v1/channels/${id}/members`],
        ['PUT', `/api/v1/channels/${id}/members/me`],
        ['GET', `/api/v1/messages/${id}`],
        ['GET', `/api/v1/messages/${id}/replies`],
        ['DELETE', `/api/v1/messages/${id}`],
        ['GET', `/api/v1/users/${id}`],
        ['PUT', `/api/v1/messages/${id}/reactions/:ok:`],
      ];
      for (const id of [...ids, 'b'.repeat(3000)]) {
        for (const [method, path] of paths(id)) {
          const reply = await http.request(method!, path!, { token: owner.token });
          expectStatus(reply, [400, 404], `${method} ${path!.slice(0, 80)}`);
          ensure(/^application\/problem\+json/.test(reply.contentType ?? ''), `${reply.label}: not problem+json`);
        }
      }
      const around = await http.get(`${messages}?around=${encodeURIComponent("' OR '1'='1")}`, owner.token);
      expectProblem(around, 400, 'invalid_request', 'around with an injection-shaped id');
      sameJson(await fixtures.history(owner, channel.id), before, 'the history after all of it');
      expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, owner.token), 200);
    },
  },
  {
    id: 'errors.bad-paging',
    area,
    title: 'bad limits and cursors answer 400 invalid_request; limit over 100 is refused or clamped',
    required: true,
    contract: 'confab.yaml › parameters Limit (1..100), Cursor, Before/After; DESIGN › page limit',
    async run(context) {
      const { http } = context;
      const { owner, messages } = await target(context);
      for (const query of ['limit=0', 'limit=-5', 'limit=abc', 'limit=1.5']) {
        expectProblem(await http.get(`${messages}?${query}`, owner.token), 400, 'invalid_request', `?${query}`);
      }
      const over = await http.get<MessagePage>(`${messages}?limit=101`, owner.token);
      if (over.status === 200) ensure(over.body.items.length <= 100, 'limit=101 answered more than 100 items');
      else expectProblem(over, 400, 'invalid_request', '?limit=101');
      expectStatus(await http.get(`${messages}?limit=100`, owner.token), 200, '?limit=100');
      const cursors = ['not-a-cursor', 'zzzz', 's', 's-1', 'o1', encodeURIComponent("' OR 1=1 --"), 'c'.repeat(201)];
      for (const cursor of cursors) {
        for (const side of ['before', 'after']) {
          const reply = await http.get(`${messages}?${side}=${cursor}`, owner.token);
          expectProblem(reply, 400, 'invalid_request', `?${side}=${cursor.slice(0, 40)}`);
        }
      }
      const valid = expectStatus(await http.get<MessagePage>(`${messages}?limit=1`, owner.token), 200);
      ensure(valid.prevCursor === null, 'an empty channel has an older page');
      const both = await http.get(`${messages}?before=s5&after=s1`, owner.token);
      expectProblem(both, 400, 'invalid_request', 'before and after together');
      const scope = await http.get('/api/v1/channels?scope=everything', owner.token);
      expectProblem(scope, 400, 'invalid_request', 'an unknown scope');
      const cursor = await http.get('/api/v1/channels?cursor=bogus', owner.token);
      expectProblem(cursor, 400, 'invalid_request', 'a bogus channel cursor');
    },
  },
  {
    id: 'errors.unknown-route',
    area,
    title: 'an unknown route answers 404 not_found as problem+json',
    required: true,
    contract: 'confab.yaml › info: every error is an RFC 9457 problem document (ErrorCode not_found)',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      for (const path of ['/api/v1/nope', '/api/v2/channels', '/api/v1/channels/x/y/z']) {
        const reply = await http.request('GET', path, { token: user.token, offContract: true });
        expectProblem(reply, 404, 'not_found', `GET ${path}`);
      }
    },
  },
  {
    id: 'errors.media-type',
    area,
    title: 'a body that is not JSON answers 415 unsupported_media_type',
    required: true,
    contract: 'confab.yaml › responses UnsupportedMediaType (ErrorCode unsupported_media_type)',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      for (const contentType of ['application/x-www-form-urlencoded', 'application/xml', 'text/plain']) {
        const reply = await http.request('POST', '/api/v1/channels', {
          token: user.token,
          raw: 'name=x&visibility=public',
          contentType,
        });
        expectProblem(reply, 415, 'unsupported_media_type', `a ${contentType} body`);
      }
    },
  },
];
