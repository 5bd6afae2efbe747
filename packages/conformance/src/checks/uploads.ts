import type { Channel, Message, Problem, Upload } from '@confab/protocol';
import { ensure, expectProblem, expectStatus, sameJson } from '../assert.js';
import type { Check, CheckContext } from '../check.js';
import type { KitUser } from '../fixtures.js';
import { newClientId } from '../fixtures.js';

const area = 'uploads';
const contract = 'confab.yaml › uploads (createUpload, getUpload, getUploadContent; ImageBody, FileBody)';

/** A 3×2 PNG. */
const PNG = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAEUlEQVR4nGNgYGD4zwADEBYAFf4B/305x2wAAAAASUVORK5CYII='),
  (c) => c.charCodeAt(0),
);

/** Uploads `bytes` as the `file` part, named `name` and claiming `type`. */
function upload(
  { http }: CheckContext,
  user: KitUser,
  bytes: Uint8Array<ArrayBuffer> | string,
  name: string,
  type: string,
) {
  const form = new FormData();
  form.append('file', new Blob([bytes], { type }), name);
  return http.request<Upload>('POST', '/api/v1/uploads', { token: user.token, form });
}

async function stored(
  context: CheckContext,
  user: KitUser,
  bytes: Uint8Array<ArrayBuffer> | string,
  name: string,
  type: string,
) {
  return expectStatus(await upload(context, user, bytes, name, type), 201, `uploading ${name}`);
}

/**
 * Fetches a signed link as a browser would: resolved against the base URL, with no `Authorization`. The
 * bytes are not JSON, so the reply is recorded but checked here rather than against a schema.
 */
async function fetchLink({ baseUrl, transcript }: CheckContext, url: string) {
  const target = new URL(url, `${baseUrl}/`);
  const response = await fetch(target, { signal: AbortSignal.timeout(15_000) });
  const bytes = new Uint8Array(await response.arrayBuffer());
  const contentType = response.headers.get('content-type');
  transcript.record({
    kind: 'http',
    method: 'GET',
    path: `${target.pathname}${target.search.slice(0, 40)}…`,
    status: response.status,
    contentType,
    reply: `(${bytes.length} bytes)`,
  });
  return { status: response.status, headers: response.headers, contentType, bytes };
}

/** Alice and Bob in a private channel of Alice's. */
async function pair(context: CheckContext): Promise<{ alice: KitUser; bob: KitUser; channel: Channel }> {
  const [alice, bob] = await context.fixtures.users(2);
  const channel = await context.fixtures.channel(alice!, 'private', [bob!.id]);
  return { alice: alice!, bob: bob!, channel };
}

function send(context: CheckContext, user: KitUser, channelId: string, body: unknown) {
  return context.http.post<Message>(`/api/v1/channels/${channelId}/messages`, user.token, {
    clientMessageId: newClientId(),
    body,
  });
}

/** File uploads and signed links (optional). */
export const uploadChecks: Check[] = [
  {
    id: 'uploads.sniffed',
    area,
    title: 'an upload is stored with the type read from its bytes and an image with its width and height',
    required: false,
    contract,
    async run(context) {
      const alice = await context.fixtures.user();
      const upload = await stored(context, alice, PNG, 'holiday.jpg', 'application/octet-stream');
      sameJson(
        [upload.contentType, upload.width, upload.height, upload.size, upload.name],
        ['image/png', 3, 2, PNG.length, 'holiday.jpg'],
        'the upload (contentType, width, height, size, name)',
      );
      const again = expectStatus(await context.http.get<Upload>(`/api/v1/uploads/${upload.id}`, alice.token), 200);
      ensure(again.id === upload.id, 'GET /uploads/{id} answered another upload');
    },
  },
  {
    id: 'uploads.disguised',
    area,
    title: 'HTML named .png and claiming image/png is refused with 415: the type comes from the bytes',
    required: false,
    contract,
    async run(context) {
      const alice = await context.fixtures.user();
      const html = '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>';
      expectProblem(await upload(context, alice, html, 'cat.png', 'image/png'), 415, 'unsupported_media_type');
    },
  },
  {
    id: 'uploads.messages',
    area,
    title: 'image and file messages by uploadId carry what the upload says and a link that works with no header',
    required: false,
    contract,
    async run(context) {
      const { alice, bob, channel } = await pair(context);
      const image = await stored(context, alice, PNG, 'dot.png', 'image/png');
      const notes = await stored(context, alice, 'plain notes\n', 'notes.txt', 'text/plain');
      const sentImage = expectStatus(
        await send(context, alice, channel.id, { type: 'image', uploadId: image.id, width: 999, height: 999 }),
        201,
        'an image message by uploadId',
      );
      const imageBody = sentImage.body as { width?: number; height?: number; url?: string } | null;
      sameJson([imageBody?.width, imageBody?.height], [3, 2], "the image's width and height (from the upload)");
      expectStatus(await send(context, alice, channel.id, { type: 'file', uploadId: notes.id }), 201, 'a file message');
      const history = await context.fixtures.history(bob, channel.id);
      const [imageMessage, fileMessage] = history.map((m) => m.body as { url?: string; contentType?: string } | null);
      ensure(imageMessage?.url && fileMessage?.url, 'a message that references an upload has no url');
      sameJson(fileMessage.contentType, 'text/plain', "the file message's contentType");
      const picture = await fetchLink(context, imageMessage.url);
      ensure(picture.status === 200, `the image link answered ${picture.status} without an Authorization header`);
      sameJson(picture.contentType, 'image/png', 'the Content-Type of the image link');
      sameJson(picture.headers.get('x-content-type-options'), 'nosniff', 'X-Content-Type-Options');
      sameJson([...picture.bytes], [...PNG], 'the bytes behind the image link');
      const file = await fetchLink(context, fileMessage.url);
      ensure(file.status === 200, `the file link answered ${file.status}`);
      ensure(
        /^attachment\b/.test(file.headers.get('content-disposition') ?? ''),
        `a text file is served with Content-Disposition "${file.headers.get('content-disposition')}", not attachment`,
      );
    },
  },
  {
    id: 'uploads.access',
    area,
    title: "only members get an upload's link; a tampered link is 403; nobody may send another user's upload",
    required: false,
    contract,
    async run(context) {
      const { alice, bob, channel } = await pair(context);
      const carol = await context.fixtures.user();
      const image = await stored(context, alice, PNG, 'dot.png', 'image/png');
      const path = `/api/v1/uploads/${image.id}`;
      expectProblem(await context.http.get(path, bob.token), 404, 'not_found', 'a member before it is posted');
      expectStatus(await send(context, alice, channel.id, { type: 'image', uploadId: image.id }), 201);
      const fresh = expectStatus(await context.http.get<Upload>(path, bob.token), 200, 'a member after it is posted');
      expectProblem(await context.http.get(path, carol.token), 404, 'not_found', 'a non-member');
      const tampered = fresh.url.replace(/signature=(.)/, (_, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`);
      const refused = await fetchLink(context, tampered);
      ensure(refused.status === 403, `a tampered link answered ${refused.status}, not 403`);
      const problem = JSON.parse(new TextDecoder().decode(refused.bytes)) as Problem;
      sameJson(problem.code, 'forbidden', 'the code of the tampered link');
      const own = await context.fixtures.channel(carol, 'private');
      expectProblem(
        await send(context, carol, own.id, { type: 'image', uploadId: image.id }),
        400,
        'invalid_request',
        "sending another user's upload",
      );
    },
  },
];
