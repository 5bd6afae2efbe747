import type { Problem, ServerFrame } from '@confab/protocol';
import { ensure, expectProblem, expectStatus } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import type { Reply } from '../http-recorder.js';
import { text } from './support.js';

const area = 'limits';

/** Default limits, as DESIGN.md and the README state them. */
const TEXT_LIMIT = 4000;
const BODY_LIMIT = 64 * 1024;
const FRAME_LIMIT = 64 * 1024;
/** `CONFAB_SEND_RATE` 10 a second, with a burst of ten times that. */
const SEND_BURST = 100;
/** `CONFAB_WRITE_RATE` (edits, deletes, reactions, channels, members, read markers) 10 a second, burst ×10. */
const WRITE_BURST = 100;

/**
 * Sends `request(n)` ten at a time until one answers 429 (giving up after 2.5 × `burst`), and checks that
 * at least `burst` were accepted (`spent` counts the ones the check used before) and that the 429 is a
 * `rate_limited` problem whose `Retry-After` and `retryAfter` agree. The recorder has already checked every
 * reply against the contract, so a 429 the operation does not declare fails there.
 */
async function burstPastLimit(
  request: (n: number) => Promise<Reply<Problem>>,
  accepted: number,
  burst: number,
  spent = 0,
): Promise<void> {
  let passed = spent;
  let limited: Reply<Problem> | undefined;
  for (let n = 0; n < burst * 2.5 && !limited; n += 10) {
    const replies = await Promise.all(Array.from({ length: 10 }, (_, k) => request(n + k)));
    for (const reply of replies) {
      expectStatus(reply, [accepted, 429], 'a request in the burst');
      if (reply.status === accepted) passed++;
      else limited ??= reply;
    }
  }
  ensure(limited, `no 429 within ${burst * 2.5} requests`);
  ensure(passed >= burst, `only ${passed} requests before a 429; the burst is ${burst}`);
  expectProblem(limited, 429, 'rate_limited', `the 429 of ${limited.label}`);
  const header = Number(limited.headers.get('retry-after'));
  ensure(Number.isInteger(header) && header >= 1, `Retry-After is "${limited.headers.get('retry-after')}"`);
  ensure(
    limited.body.retryAfter === header,
    `retryAfter ${limited.body.retryAfter} differs from Retry-After ${header}`,
  );
}

/** Size limits (required) and rate limits (optional). */
export const limitChecks: Check[] = [
  {
    id: 'limits.text',
    area,
    title: `text of ${TEXT_LIMIT} characters is stored; one more answers 400 invalid_request`,
    required: true,
    contract: 'confab.yaml › TextBody.text (maxLength 4000)',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const path = `/api/v1/channels/${channel.id}/messages`;
      const over = { clientMessageId: newClientId(), body: text('x'.repeat(TEXT_LIMIT + 1)) };
      const problem = expectProblem(await http.post(path, user.token, over), 400, 'invalid_request', '4001 characters');
      ensure(problem.detail.length > 0, 'the problem has no detail');
      const stored = await fixtures.post(user, channel.id, 'y'.repeat(TEXT_LIMIT));
      ensure(stored.body?.type === 'text' && stored.body.text.length === TEXT_LIMIT, 'the 4000 characters were cut');
    },
  },
  {
    id: 'limits.socket-text',
    area,
    title: `a socket send of ${TEXT_LIMIT + 1} characters answers error invalid_frame with ref = its clientMessageId`,
    required: true,
    contract: 'asyncapi.yaml › sendMessage → error (ref = clientMessageId, also for a frame that breaks its schema)',
    async run({ fixtures, openSocket }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const { socket } = await openSocket(user.token);
      const clientMessageId = newClientId();
      const body = text('x'.repeat(TEXT_LIMIT + 1));
      socket.send({ type: 'send', clientMessageId, channelId: channel.id, body });
      const error = await socket.waitFor('error');
      ensure(error.code === 'invalid_frame', `a send over the limit answered ${error.code}, not invalid_frame`);
      ensure(error.ref === clientMessageId, `the error has ref "${error.ref}", not the send's clientMessageId`);
      await socket.roundTrip();
      ensure((await fixtures.history(user, channel.id)).length === 0, 'the refused send was stored');
    },
  },
  {
    id: 'limits.body',
    area,
    title: 'a JSON body over 64 kB answers 413 payload_too_large; one under it is read (and judged on its content)',
    required: true,
    contract: 'confab.yaml › responses PayloadTooLarge (ErrorCode payload_too_large); DESIGN › JSON body 64 kB',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const path = `/api/v1/channels/${channel.id}/messages`;
      const sized = (bytes: number) => ({ clientMessageId: newClientId(), body: text('z'.repeat(bytes - 100)) });
      const big = await http.post(path, user.token, sized(BODY_LIMIT + 4096));
      expectProblem(big, 413, 'payload_too_large', 'a 68 kB body');
      const under = await http.post(path, user.token, sized(BODY_LIMIT - 4096));
      expectProblem(under, 400, 'invalid_request', 'a 60 kB body with too long a text');
    },
  },
  {
    id: 'limits.frame',
    area,
    title: 'a frame over 64 kB answers an error frame (payload_too_large) and the socket keeps working',
    required: true,
    contract: 'asyncapi.yaml › receiveError (ErrorCode payload_too_large); DESIGN › frame 64 kB',
    async run({ fixtures, openSocket }) {
      const user = await fixtures.user();
      const { socket } = await openSocket(user.token);
      socket.sendRaw(JSON.stringify({ type: 'ping', id: 'x'.repeat(FRAME_LIMIT + 4096) }));
      const big = await socket.waitFor('error');
      ensure(big.code === 'payload_too_large', `a 68 kB frame answered ${big.code}, not payload_too_large`);
      await socket.roundTrip();
      socket.sendRaw(JSON.stringify({ type: 'ping', id: 'x'.repeat(FRAME_LIMIT - 4096) }));
      const under = await socket.waitFor('error');
      ensure(
        under.code === 'invalid_frame',
        `a 60 kB ping with too long an id answered ${under.code}, not invalid_frame`,
      );
      await socket.roundTrip();
    },
  },
  {
    id: 'limits.rest-rate',
    area,
    title: `REST sends past the burst (${SEND_BURST}) answer 429 rate_limited with Retry-After and retryAfter`,
    required: false,
    contract: 'confab.yaml › responses TooManyRequests (Retry-After, Problem.retryAfter); DESIGN › 10/s, burst ×10',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const path = `/api/v1/channels/${channel.id}/messages`;
      await burstPastLimit(
        (n) => http.post(path, user.token, { clientMessageId: newClientId(), body: text(`burst ${n}`) }),
        201,
        SEND_BURST,
      );
    },
  },
  {
    id: 'limits.edit-rate',
    area,
    title: `edits past the write burst (${WRITE_BURST}) answer 429 rate_limited with Retry-After and retryAfter`,
    required: false,
    contract: 'confab.yaml › editMessage → 429 TooManyRequests; README › CONFAB_WRITE_RATE 10/s, burst ×10',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const message = await fixtures.post(user, channel.id, 'edit me');
      const path = `/api/v1/messages/${message.id}`;
      await burstPastLimit((n) => http.patch(path, user.token, { body: text(`edit ${n}`) }), 200, WRITE_BURST, 1);
    },
  },
  {
    id: 'limits.channel-rate',
    area,
    title: `channels created past the write burst (${WRITE_BURST}) answer 429 rate_limited with Retry-After`,
    required: false,
    contract: 'confab.yaml › createChannel → 429 TooManyRequests; README › CONFAB_WRITE_RATE 10/s, burst ×10',
    async run({ http, fixtures }) {
      const user = await fixtures.user();
      const prefix = `burst-${newClientId().slice(0, 8)}`;
      await burstPastLimit(
        (n) => http.post('/api/v1/channels', user.token, { name: `${prefix}-${n}`, visibility: 'private' }),
        201,
        WRITE_BURST,
      );
    },
  },
  {
    id: 'limits.socket-rate',
    area,
    title: `socket sends past the burst (${SEND_BURST}) answer error frames rate_limited with retryAfter and ref`,
    required: false,
    contract: 'asyncapi.yaml › sendMessage → error (ErrorCode rate_limited, retryAfter, ref = clientMessageId)',
    async run({ fixtures, openSocket }) {
      const user = await fixtures.user();
      const channel = await fixtures.channel(user);
      const { socket } = await openSocket(user.token);
      // past the burst in one go, then 30 more at a time until a refusal (a slow server refills meanwhile)
      const ids: string[] = [];
      const answers: ServerFrame[] = [];
      while (ids.length < SEND_BURST * 3 && !answers.some((f) => f.type === 'error')) {
        const batch = Array.from({ length: ids.length ? 30 : SEND_BURST + 30 }, () => newClientId());
        ids.push(...batch);
        for (const clientMessageId of batch) {
          socket.send({ type: 'send', clientMessageId, channelId: channel.id, body: text('burst') });
        }
        const last = batch.at(-1);
        answers.push(
          ...(await socket.collectUntil(
            (f) => (f.type === 'ack' && f.clientMessageId === last) || (f.type === 'error' && f.ref === last),
            15_000,
          )),
        );
      }
      const acks = answers.filter((f) => f.type === 'ack');
      const errors = answers.flatMap((f) => (f.type === 'error' ? [f] : []));
      ensure(acks.length >= SEND_BURST, `only ${acks.length} acks; the burst is ${SEND_BURST}`);
      ensure(errors.length > 0, `no rate_limited error within ${ids.length} sends`);
      for (const error of errors) {
        ensure(error.code === 'rate_limited', `a send answered ${error.code}, not rate_limited`);
        ensure(ids.includes(error.ref ?? ''), `a rate_limited error has ref "${error.ref}", not a clientMessageId`);
        ensure((error.retryAfter ?? 0) >= 1, `a rate_limited error has retryAfter ${error.retryAfter}`);
      }
      await socket.roundTrip();
    },
  },
];
