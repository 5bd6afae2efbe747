import { expect } from '@open-wc/testing';
import { type ChatClient, createChatClient } from '../../src/index.js';
import { uniqueName } from '../support/rest.js';
import { afterEach, describe, it } from './support/globals.js';

const started: ChatClient[] = [];

/** A signed-in client on the native XMLHttpRequest, disconnected after each test. */
async function signedIn(): Promise<ChatClient> {
  const client = createChatClient({ baseUrl: window.CONFAB_SERVER });
  started.push(client);
  await client.register({ username: uniqueName('uploader'), password: 'correct-horse-battery' });
  return client;
}

/** A PNG of random pixels, big enough to go up in more than one piece. */
async function noisyPng(width: number, height: number): Promise<Blob> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  const pixels = context.createImageData(width, height);
  for (let i = 0; i < pixels.data.length; i++) pixels.data[i] = Math.floor(Math.random() * 256);
  context.putImageData(pixels, 0, 0);
  return canvas.convertToBlob({ type: 'image/png' });
}

afterEach(() => {
  for (const client of started.splice(0)) client.disconnect();
});

describe('uploads in a browser (XMLHttpRequest)', () => {
  it('report progress as the bytes go out, and resolve with an absolute link', async () => {
    const client = await signedIn();
    const image = await noisyPng(300, 200);
    const progress: [number, number][] = [];
    const upload = await client.channel('none').upload(image, {
      name: 'noise.png',
      onProgress: (loaded, total) => progress.push([loaded, total]),
    });
    expect(upload.contentType).to.equal('image/png');
    expect([upload.width, upload.height]).to.deep.equal([300, 200]);
    expect(upload.url.startsWith(`${window.CONFAB_SERVER}/api/v1/uploads/`)).to.equal(true);
    expect(progress.length).to.be.greaterThan(1);
    const loaded = progress.map(([l]) => l);
    expect(loaded).to.deep.equal(
      [...loaded].sort((a, b) => a - b),
      'progress only grows',
    );
    expect(progress.at(-1)).to.deep.equal([image.size, image.size]);
    const shown = await fetch(upload.url);
    expect(shown.status).to.equal(200);
  });

  it('cancelled midway, or before it starts, reject with an AbortError', async () => {
    const client = await signedIn();
    const room = client.channel('none');
    const image = await noisyPng(300, 200);
    const controller = new AbortController();
    const midway = await room.upload(image, { signal: controller.signal, onProgress: () => controller.abort() }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(midway?.name).to.equal('AbortError');
    const before = await room.upload(image, { signal: AbortSignal.abort() }).then(
      () => undefined,
      (error: Error) => error,
    );
    expect(before?.name).to.equal('AbortError');
  });
});
