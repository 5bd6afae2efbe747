import type { ErrorCode } from '@confab/protocol';
import fc from 'fast-check';
import { ensure, expectStatus, fail, show } from '../assert.js';
import type { Check } from '../check.js';

const area = 'frames';

const clientTypes = ['subscribe', 'unsubscribe', 'send', 'typing', 'read', 'ping'];

/** Frames that look almost right: a known type with random, often wrong, fields. */
function nearlyValid(channelId: string): fc.Arbitrary<string> {
  const idLike = fc.oneof(fc.constant(channelId), fc.string({ maxLength: 70 }), fc.uuid());
  return fc
    .record(
      {
        type: fc.oneof(fc.constantFrom(...clientTypes), fc.string({ maxLength: 20 })),
        channels: fc.oneof(
          fc.array(fc.record({ id: idLike, afterSeq: fc.jsonValue() }), { maxLength: 3 }),
          fc.jsonValue(),
        ),
        channelId: fc.oneof(idLike, fc.jsonValue()),
        clientMessageId: fc.oneof(fc.string({ maxLength: 70 }), fc.jsonValue()),
        body: fc.oneof(
          fc.record({ type: fc.constant('text'), text: fc.string({ maxLength: 50 }) }),
          fc.record({
            type: fc.constantFrom('image', 'video'),
            url: fc.webUrl(),
            width: fc.integer(),
            height: fc.integer(),
          }),
          fc.jsonValue(),
        ),
        parentId: idLike,
        seq: fc.oneof(fc.integer(), fc.double(), fc.jsonValue()),
        id: fc.oneof(fc.string({ maxLength: 80 }), fc.jsonValue()),
      },
      { requiredKeys: ['type'] },
    )
    .map((frame) => JSON.stringify(frame));
}

function anyFrame(channelId: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 100 }),
    fc.json({ maxDepth: 4 }),
    fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify({ type: 'send', ...Object(value) })),
    fc.constantFrom('{', '}', '[]', 'null', '0', '""', '{"type":null}', '{"type":"ping","id":null}', '\u0000'),
    nearlyValid(channelId),
  );
}

/** Bad frames, the error codes that may answer them, and the `ref` the error must carry. */
const badFrames: [string, ErrorCode[], string | undefined][] = [
  ['not json at all', ['invalid_frame'], undefined],
  ['{"type":', ['invalid_frame'], undefined],
  ['[1,2,3]', ['invalid_frame'], undefined],
  ['"a string"', ['invalid_frame'], undefined],
  ['{"kind":"ping"}', ['invalid_frame'], undefined],
  ['{"type":"launch-missiles"}', ['unknown_frame_type'], 'launch-missiles'],
  ['{"type":"hello"}', ['unknown_frame_type', 'invalid_frame'], 'hello'],
  ['{"type":"subscribe","channels":"all"}', ['invalid_frame'], 'subscribe'],
  ['{"type":"subscribe","channels":[]}', ['invalid_frame'], 'subscribe'],
  ['{"type":"send","clientMessageId":5,"channelId":"x","body":{"type":"text","text":"hi"}}', ['invalid_frame'], 'send'],
  ['{"type":"send","clientMessageId":"a","channelId":"x","body":{"type":"text","text":""}}', ['invalid_frame'], 'a'],
  ['{"type":"ping","id":{"nested":true}}', ['invalid_frame'], 'ping'],
  ['{"type":"ping","extra":1}', ['invalid_frame'], 'ping'],
  ['{"type":"read","channelId":"x","seq":-1}', ['invalid_frame'], 'read'],
];

/** Error frames for bad frames, and random frames. */
export const frameChecks: Check[] = [
  {
    id: 'frames.bad-frames',
    area,
    title:
      'frames that are not JSON, break their schema or have an unknown type answer error frames; the socket lives on',
    required: true,
    contract: 'asyncapi.yaml › info: a frame that is not JSON or fails its schema is answered with an error frame',
    async run({ fixtures, openSocket }) {
      const user = await fixtures.user();
      const { socket } = await openSocket(user.token);
      const expectError = async (frame: string | Buffer, codes: ErrorCode[], ref: string | undefined) => {
        socket.sendRaw(frame);
        const error = await socket.waitFor('error');
        const what = typeof frame === 'string' ? frame.slice(0, 60) : 'a binary frame';
        ensure(codes.includes(error.code), `${what} answered ${show(error)}, not ${codes.join(' or ')}`);
        if (ref) ensure(error.ref === ref, `${what} answered ref "${error.ref}", not "${ref}"`);
        await socket.roundTrip();
      };
      for (const [frame, codes, ref] of badFrames) await expectError(frame, codes, ref);
      await expectError(Buffer.from([0, 1, 2, 3]), ['invalid_frame'], undefined);
    },
  },
  {
    id: 'frames.random',
    area,
    title: 'random frames (a bounded fast-check run) never break the server: pong still comes, replies stay valid',
    required: true,
    contract: 'asyncapi.yaml › every frame validated against its schema; ServerFrame',
    async run({ http, fixtures, openSocket }) {
      const alice = await fixtures.user();
      const channel = await fixtures.channel(alice);
      const { socket } = await openSocket(alice.token);
      const details = await fc.check(
        fc.asyncProperty(fc.array(anyFrame(channel.id), { minLength: 1, maxLength: 12 }), async (frames) => {
          for (const frame of frames) socket.sendRaw(frame);
          await socket.roundTrip(10_000);
        }),
        { numRuns: 25 },
      );
      if (details.failed) {
        const error =
          details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
        fail(`${error} (frames ${show(details.counterexample, 400)}, fast-check seed ${details.seed})`);
      }
      expectStatus(await http.get('/api/v1/me', alice.token), 200, 'GET /me after the random frames');
      const fresh = (await openSocket(alice.token)).socket;
      await fresh.roundTrip();
    },
  },
];
