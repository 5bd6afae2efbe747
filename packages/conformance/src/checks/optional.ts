import { openapiDocument, type Readiness } from '@confab/protocol';
import { ensure, expectStatus, sameJson } from '../assert.js';
import type { Check } from '../check.js';
import { subscribe } from './support.js';

/** Typing notices (optional). */
export const typingChecks: Check[] = [
  {
    id: 'typing.relayed',
    area: 'typing',
    title: "a typing frame reaches the channel's other subscribers with the user and expiresInMs",
    required: false,
    contract: 'asyncapi.yaml › sendTyping → receiveTyping (TypingServerFrame)',
    async run({ fixtures, openSocket }) {
      const [alice, bob] = await fixtures.users(2);
      const channel = await fixtures.channel(alice!);
      await fixtures.join(bob!, channel.id);
      const a = (await openSocket(alice!.token)).socket;
      const b = (await openSocket(bob!.token)).socket;
      await subscribe(a, channel.id);
      await subscribe(b, channel.id);
      b.send({ type: 'typing', channelId: channel.id });
      const typing = await a.waitFor('typing', (f) => f.channelId === channel.id);
      ensure(typing.user.id === bob!.id, `the typing frame names ${typing.user.id}, not the typist`);
      ensure(typing.expiresInMs > 0, `expiresInMs is ${typing.expiresInMs}`);
    },
  },
];

/** Presence (optional). */
export const presenceChecks: Check[] = [
  {
    id: 'presence.online',
    area: 'presence',
    title: 'presence: the whole list answers subscribe, then who joined and left, as sockets come and go',
    required: false,
    contract: 'asyncapi.yaml › receivePresence (PresenceFrame — `online` once, then `joined` / `left`)',
    async run({ fixtures, openSocket }) {
      const [alice, bob] = await fixtures.users(2);
      const channel = await fixtures.channel(alice!);
      const a = (await openSocket(alice!.token)).socket;
      await subscribe(a, channel.id);
      const mine = await a.waitFor('presence', (f) => f.channelId === channel.id && f.online !== undefined);
      sameJson(mine.online, [alice!.id], 'the whole list answering the first subscribe');
      const b = (await openSocket(bob!.token)).socket;
      await subscribe(b, channel.id);
      const theirs = await b.waitFor('presence', (f) => f.channelId === channel.id && f.online !== undefined);
      sameJson([...(theirs.online ?? [])].sort(), [alice!.id, bob!.id].sort(), 'the whole list answering the second');
      // a's list: the whole list it got, with the changes after it applied
      const view = new Set(mine.online);
      let seen = a.frames.indexOf(mine) + 1;
      const changes = () => {
        const fresh = a.frames.slice(seen);
        seen = a.frames.length;
        for (const f of fresh)
          if (f.type === 'presence' && f.channelId === channel.id) {
            ensure(
              f.online === undefined,
              'a presence frame with the whole list that answers no subscribe of this socket',
            );
            for (const id of f.joined ?? []) view.add(id);
            for (const id of f.left ?? []) view.delete(id);
          }
        return [...view].sort();
      };
      await a.until(() => changes().length === 2, "bob's join reaching alice");
      sameJson(changes(), [alice!.id, bob!.id].sort(), 'the list with both subscribed');
      await b.close();
      await a.until(() => changes().length === 1, "bob's leave reaching alice");
      sameJson(changes(), [alice!.id], 'the list after the other socket closed');
    },
  },
];

const area = 'ops';

/** Health, readiness, metrics and the served contract (optional). */
export const opsChecks: Check[] = [
  {
    id: 'ops.healthz',
    area,
    title: 'GET /healthz answers 200 {"status":"ok"}',
    required: false,
    contract: 'confab.yaml › GET /healthz (getHealth) → Health',
    async run({ http }) {
      sameJson(expectStatus(await http.get('/healthz'), 200), { status: 'ok' }, 'GET /healthz');
    },
  },
  {
    id: 'ops.readyz',
    area,
    title: 'GET /readyz answers 200 ready with the database and the bus up',
    required: false,
    contract: 'confab.yaml › GET /readyz (getReadiness) → Readiness',
    async run({ http }) {
      const ready = expectStatus(await http.get<Readiness>('/readyz'), 200);
      sameJson(ready, { status: 'ready', checks: { database: true, bus: true } }, 'GET /readyz');
    },
  },
  {
    id: 'ops.metrics',
    area,
    title: 'GET /metrics answers Prometheus text',
    required: false,
    contract: 'confab.yaml › GET /metrics (getMetrics) → text/plain',
    async run({ http }) {
      const metrics = await http.get<string>('/metrics');
      expectStatus(metrics, 200);
      ensure(
        /^[a-zA-Z_:][a-zA-Z0-9_:]*(\{[^}]*\})? \S+/m.test(metrics.body),
        'no sample line in the Prometheus format',
      );
    },
  },
  {
    id: 'ops.openapi',
    area,
    title: 'GET /openapi.json serves the contract: OpenAPI 3.1 with every operation of confab.yaml',
    required: false,
    contract: 'confab.yaml › GET /openapi.json (getOpenApi)',
    async run({ http }) {
      const served = expectStatus(await http.get<Record<string, unknown>>('/openapi.json'), 200);
      ensure(String(served.openapi).startsWith('3.1'), `openapi is "${served.openapi}", not 3.1`);
      const operations = (doc: unknown) =>
        Object.entries((doc as { paths?: Record<string, Record<string, unknown>> }).paths ?? {}).flatMap(
          ([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
        );
      const servedOps = new Set(operations(served));
      const missing = operations(openapiDocument).filter((op) => !servedOps.has(op));
      sameJson(missing, [], 'operations of confab.yaml missing from /openapi.json');
    },
  },
];
