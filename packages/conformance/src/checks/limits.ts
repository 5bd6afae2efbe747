import type { Message, Problem } from '@confab/protocol';
import { ensure, expectProblem, expectStatus } from '../assert.js';
import type { Check } from '../check.js';
import { newClientId } from '../fixtures.js';
import { text } from './support.js';

const area = 'limits';

/** Default limits, as DESIGN.md and the README state them. */
const TEXT_LIMIT = 4000;
const BODY_LIMIT = 64 * 1024;
const FRAME_LIMIT = 64 * 1024;
/** `CONFAB_SEND_RATE` 10 a second, with a burst of ten times that. */
const SEND_BURST = 100;

/** Size limits (required) and send rate limits (optional). */
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
      let accepted = 0;
      let limited: { status: number; headers: Headers; body: Problem } | undefined;
      for (let sent = 0; sent < SEND_BURST * 2.5 && !limited; sent += 10) {
        const replies = await Promise.all(
          Array.from({ length: 10 }, (_, k) =>
            http.post<Message & Problem>(path, user.token, {
              clientMessageId: newClientId(),
              body: text(`burst ${sent + k}`),
            }),
          ),
        );
        for (const reply of replies) {
          expectStatus(reply, [201, 429], 'a send in the burst');
          if (reply.status === 201) accepted++;
          else limited ??= reply;
        }
      }
      ensure(limited, `no 429 within ${SEND_BURST * 2.5} sends`);
      ensure(accepted >= SEND_BURST, `only ${accepted} sends before a 429; the burst is ${SEND_BURST}`);
      expectProblem({ ...limited, contentType: 'application/problem+json', label: 'the 429' }, 429, 'rate_limited');
      const header = Number(limited.headers.get('retry-after'));
      ensure(Number.isInteger(header) && header >= 1, `Retry-After is "${limited.headers.get('retry-after')}"`);
      ensure(
        limited.body.retryAfter === header,
        `retryAfter ${limited.body.retryAfter} differs from Retry-After ${header}`,
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
      const ids = Array.from({ length: SEND_BURST + 30 }, () => newClientId());
      for (const clientMessageId of ids) {
        socket.send({ type: 'send', clientMessageId, channelId: channel.id, body: text('burst') });
      }
      const last = ids.at(-1);
      const answers = await socket.collectUntil(
        (f) => (f.type === 'ack' && f.clientMessageId === last) || (f.type === 'error' && f.ref === last),
        15_000,
      );
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
