import { randomUUID } from 'node:crypto';
import type { Channel, Me, MessagePage } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import { signHostToken } from '../host-token.js';
import { text } from './support.js';

const area = 'host-tokens';

/** The secret a `needs: 'jwtSecret'` check runs with. */
const secretOf = (inputs: { jwtSecret?: string | undefined }): string => {
  ensure(inputs.jwtSecret, 'no --jwt-secret given');
  return inputs.jwtSecret;
};

/** Host-app tokens signed with the deployment's secret (optional; they need `--jwt-secret`). */
export const hostTokenChecks: Check[] = [
  {
    id: 'host-tokens.sign-in',
    area,
    title: "a host-app token (HS256, the deployment's secret) signs a user in without sign-up, the same user each time",
    required: false,
    needs: 'jwtSecret',
    contract: 'confab.yaml › securitySchemes bearerAuth — host-app token with sub, name, scope',
    async run({ http, inputs }) {
      const secret = secretOf(inputs);
      const sub = `host-${randomUUID()}`;
      const first = signHostToken(secret, { sub, name: 'Hosted Hannah' });
      const second = signHostToken(secret, { sub, name: 'Hosted Hannah' });
      const me1 = expectStatus(await http.get<Me>('/api/v1/me', first), 200);
      const me2 = expectStatus(await http.get<Me>('/api/v1/me', second), 200);
      ensure(me1.id === me2.id, `two tokens for one sub signed in two users (${me1.id}, ${me2.id})`);
      ensure(me1.displayName === 'Hosted Hannah', `displayName is "${me1.displayName}", the token's name is not used`);
      sameJson([...me1.scopes].sort(), ['chat:read', 'chat:write'], 'the default scopes of a host-app token');
      const create = { name: `hosted-${randomUUID()}`, visibility: 'public' };
      expectStatus(await http.post<Channel>('/api/v1/channels', first, create), 201);
    },
  },
  {
    id: 'host-tokens.picture',
    area,
    title:
      "a host-app token's picture claim (an absolute http(s) URL) becomes the user's avatarUrl; others are ignored",
    required: false,
    needs: 'jwtSecret',
    contract: 'confab.yaml › securitySchemes bearerAuth — picture; User.avatarUrl',
    async run({ http, inputs }) {
      const secret = secretOf(inputs);
      const sub = `pic-${randomUUID()}`;
      const picture = `https://cdn.example.com/avatars/${sub}.jpg`;
      const me = expectStatus(
        await http.get<Me>('/api/v1/me', signHostToken(secret, { sub, name: 'Pic', picture })),
        200,
      );
      ensure(me.avatarUrl === picture, `avatarUrl is ${me.avatarUrl}, not the token's picture`);
      const newer = `${picture}?v=2`;
      const changed = signHostToken(secret, { sub, name: 'Pic', picture: newer });
      ensure(
        expectStatus(await http.get<Me>('/api/v1/me', changed), 200).avatarUrl === newer,
        'a new picture is ignored',
      );
      const hostile = signHostToken(secret, { sub, name: 'Pic', picture: 'javascript:alert(1)' });
      const kept = expectStatus(await http.get<Me>('/api/v1/me', hostile), 200, 'a token with a javascript: picture');
      ensure(kept.avatarUrl === newer, `a javascript: picture made avatarUrl ${kept.avatarUrl}`);
      const plain = `plain-${randomUUID()}`;
      const none = expectStatus(
        await http.get<Me>('/api/v1/me', signHostToken(secret, { sub: plain, name: 'P' })),
        200,
      );
      ensure(!('avatarUrl' in none), `a token without picture gave avatarUrl ${none.avatarUrl}`);
    },
  },
  {
    id: 'host-tokens.expired',
    area,
    title: 'an expired token answers 401 token_expired',
    required: false,
    needs: 'jwtSecret',
    contract: 'confab.yaml › ErrorCode token_expired (401): the token has expired; refresh it',
    async run({ http, inputs }) {
      const exp = Math.floor(Date.now() / 1000) - 120;
      const expired = signHostToken(secretOf(inputs), { sub: `host-${randomUUID()}`, name: 'Late', exp });
      expectProblem(await http.get('/api/v1/me', expired), 401, 'token_expired');
    },
  },
  {
    id: 'host-tokens.lifetime',
    area,
    title: 'a token without exp, or living longer than a day, answers 401 unauthorized',
    required: false,
    needs: 'jwtSecret',
    contract: 'confab.yaml › securitySchemes bearerAuth — a host-app token must carry exp, 24 hours at most by default',
    async run({ http, inputs }) {
      const secret = secretOf(inputs);
      const forever = signHostToken(secret, { sub: `host-${randomUUID()}`, name: 'Forever', exp: null });
      expectProblem(await http.get('/api/v1/me', forever), 401, 'unauthorized', 'a token without exp');
      const week = Math.floor(Date.now() / 1000) + 7 * 24 * 3600;
      const long = signHostToken(secret, { sub: `host-${randomUUID()}`, name: 'Long', exp: week });
      expectProblem(await http.get('/api/v1/me', long), 401, 'unauthorized', 'a token that lives a week');
    },
  },
  {
    id: 'host-tokens.read-only',
    area,
    title: 'a chat:read token reads, but every write answers 403 insufficient_scope (REST and socket)',
    required: false,
    needs: 'jwtSecret',
    contract:
      'confab.yaml › Scopes: chat:write is needed for anything that changes shared state; ErrorCode insufficient_scope',
    async run({ http, fixtures, inputs, openSocket }) {
      const owner = await fixtures.user();
      const channel = await fixtures.channel(owner);
      const reader = signHostToken(secretOf(inputs), {
        sub: `ro-${randomUUID()}`,
        name: 'Reader',
        scopes: ['chat:read'],
      });
      const me = expectStatus(await http.get<Me>('/api/v1/me', reader), 200);
      sameJson(me.scopes, ['chat:read'], 'the scopes of a read-only token');
      expectStatus(await http.get<Channel>(`/api/v1/channels/${channel.id}`, reader), 200);
      expectStatus(await http.get<MessagePage>(`/api/v1/channels/${channel.id}/messages`, reader), 200);
      const post = { clientMessageId: newClientId(), body: text('hi') };
      const path = `/api/v1/channels/${channel.id}`;
      expectProblem(await http.post(`${path}/messages`, reader, post), 403, 'insufficient_scope');
      expectProblem(await http.put(`${path}/members/me`, reader), 403, 'insufficient_scope');
      const create = { name: 'nope', visibility: 'public' };
      expectProblem(await http.post('/api/v1/channels', reader, create), 403, 'insufficient_scope');

      const { socket, hello } = await openSocket(reader);
      sameJson(hello.scopes, ['chat:read'], 'hello.scopes of a read-only socket');
      const clientMessageId = newClientId();
      socket.send({ type: 'send', clientMessageId, channelId: channel.id, body: text('hi') });
      const error = await socket.waitFor('error', (f) => f.ref === clientMessageId);
      ensure(error.code === 'insufficient_scope', `a read-only send answered ${error.code}, not insufficient_scope`);
    },
  },
];
